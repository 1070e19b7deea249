package dev.ioscope.plugins.example;

import dev.ioscope.engine.machine.Machine;
import dev.ioscope.engine.machine.MachineReader;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.engine.userclient.UserClientConnection;
import dev.ioscope.engine.userclient.UserClientExtension;
import dev.ioscope.plugins.platform.PlatformFamily;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The example dext: its Info.plist loaded as a kext's, its user class emulated through the plugin SPI. */
class VirtualKeyboardDextTest {
    private static final String SVC = "IOService:/IOUserResources/" + VirtualKeyboardFamily.USER_CLASS;

    @Test
    @DisplayName("DK14: a plugin emulates a dext's user class through driver(class, ...); its client posts reports")
    void theKeyboardStartsAndItsUserClientPostsReports(@TempDir Path dir) throws Exception {
        Path plist = Path.of(VirtualKeyboardFamily.class.getResource(VirtualKeyboardFamily.INFO_PLIST).toURI());
        Path s = dir.resolve("s.json");
        Files.writeString(s, "{\"kexts\": [\"" + plist.toString().replace("\\", "\\\\") + "\"], \"actions\": ["
                + "{\"at\": 1000000, \"do\": \"open\", \"path\": \"" + SVC + "\", \"as\": \"kb\"},"
                + "{\"at\": 2000000, \"do\": \"call\", \"connection\": \"kb\", "
                + "\"line\": \"call 0 struct=0000040000000000\"},"
                + "{\"at\": 3000000, \"do\": \"call\", \"connection\": \"kb\", \"line\": \"call 0\"},"
                + "{\"at\": 4000000, \"do\": \"call\", \"connection\": \"kb\", \"line\": \"call 1 out=1\"}]}");
        Machine m = Machine.build(MachineReader.read(ThermometerFamilyTest.MACHINE.getBytes(StandardCharsets.UTF_8),
                        "thermo.json"), Contributions.of(List.of(new PlatformFamily(), new ThermometerFamily(),
                        new VirtualKeyboardFamily())),
                Scenario.read(s), Map.of());
        m.runUntilQuiet();

        IORegistryEntry kb = m.find(SVC);
        assertThat(kb.className()).isEqualTo("AppleUserHIDDevice");
        assertThat(kb.property("Product")).isEqualTo(OSString.of("IOScope Virtual Keyboard"));
        // the class the plugin declared is the dext-side chain
        assertThat(kb.property("IOUserClasses")).isEqualTo(OSArray.of(OSString.of("ExampleVirtualKeyboard"),
                OSString.of("IOService"), OSString.of("OSObject")));
        assertThat(kb.property("IOUserClientClass")).as("a dext names its client in UserClientProperties").isNull();
        assertThat(kb.property("LastReport")).isEqualTo(OSData.ofHex("0000040000000000"));   // 'a' pressed
        assertThat(kb.property("ReportCount")).isEqualTo(OSNumber.of32(1));

        List<JournalEvent> calls = m.journal().stream().filter(e -> e.kind().id().equals("userclient.call")).toList();
        assertThat(calls).extracting(e -> e.details().get("result")).containsExactly("kIOReturnSuccess",
                "kIOReturnBadArgument", "kIOReturnSuccess");   // an empty report is refused by the keyboard
        assertThat(calls.get(2).details()).containsEntry("scalarOutput", "[1]");
        assertThat(m.journal()).anyMatch(e -> e.kind().id().equals("userclient.open")
                && "IOUserUserClient".equals(e.details().get("class")));
    }

    @Test
    @DisplayName("DK15: an async row (checkCompletionExists) called without a completion: kIOReturnBadArgument")
    void anAsyncRowNeedsItsCompletion(@TempDir Path dir) throws Exception {
        Machine m = run(dir, "{\"at\": 1000000, \"do\": \"open\", \"path\": \"" + SVC + "\", \"as\": \"kb\"},"
                + "{\"at\": 2000000, \"do\": \"call\", \"connection\": \"kb\", \"line\": \"call 2 struct=00000400\"},"
                + "{\"at\": 3000000, \"do\": \"call\", \"connection\": \"kb\", \"async\": true, "
                + "\"line\": \"call 2 struct=00000500\"}");
        List<JournalEvent> calls = m.journal().stream().filter(e -> e.kind().id().equals("userclient.call")).toList();
        assertThat(calls).extracting(e -> e.details().get("result")).containsExactly("kIOReturnBadArgument",
                "kIOReturnSuccess");
        // the refused call never reached the keyboard: only the async one was counted, and it completed
        IORegistryEntry kb = m.find(SVC);
        assertThat(kb.property("ReportCount")).isEqualTo(OSNumber.of32(1));
        assertThat(kb.property("LastReport")).isEqualTo(OSData.ofHex("00000500"));
        assertThat(m.journal()).filteredOn(e -> e.kind().id().equals("userclient.async.complete")).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("args", "[1]"));
    }

    @Test
    @DisplayName("DK17: each async call gets its own OSAction_IOUserClient_KernelCompletion, journaled, completed once")
    void eachAsyncCallHasItsOSAction(@TempDir Path dir) throws Exception {
        Machine m = run(dir, "{\"at\": 1000000, \"do\": \"open\", \"path\": \"" + SVC + "\", \"as\": \"kb\"},"
                + "{\"at\": 2000000, \"do\": \"call\", \"connection\": \"kb\", \"async\": true, "
                + "\"line\": \"call 2 struct=00000400\"},"
                + "{\"at\": 3000000, \"do\": \"call\", \"connection\": \"kb\", \"line\": \"call 1 out=1\"},"
                + "{\"at\": 4000000, \"do\": \"call\", \"connection\": \"kb\", \"async\": true, "
                + "\"line\": \"call 2 struct=00000500\"}");
        List<JournalEvent> actions = m.journal().stream()
                .filter(e -> e.kind().id().equals("driverkit.osaction")).toList();
        assertThat(actions).hasSize(2).allSatisfy(e -> assertThat(e.details())
                .containsEntry("class", "OSAction_IOUserClient_KernelCompletion").containsEntry("selector", "2"));
        assertThat(actions.get(0).details().get("reference")).isNotEqualTo(actions.get(1).details().get("reference"));
        assertThat(m.journal()).filteredOn(e -> e.kind().id().equals("userclient.async.complete"))
                .extracting(e -> e.details().get("args")).containsExactly("[1]", "[2]");
    }

    @Test
    @DisplayName("DK16: the keyboard's CopyClientMemoryForType shares its report buffer; an undeclared type is refused")
    void theReportBufferIsShared(@TempDir Path dir) throws Exception {
        Machine m = run(dir, "{\"at\": 1000000, \"do\": \"open\", \"path\": \"" + SVC + "\", \"as\": \"kb\"},"
                + "{\"at\": 2000000, \"do\": \"map\", \"connection\": \"kb\", \"memoryType\": 0},"
                + "{\"at\": 2000000, \"do\": \"map\", \"connection\": \"kb\", \"memoryType\": 1},"
                + "{\"at\": 3000000, \"do\": \"call\", \"connection\": \"kb\", "
                + "\"line\": \"call 0 struct=0000040000000000\"}");
        List<JournalEvent> maps = m.journal().stream().filter(e -> e.kind().id().equals("userclient.map")).toList();
        // type 1: CopyClientMemoryForType answers kIOReturnUnsupported, which IOConnectMapMemory64 reports as
        // kIOReturnBadArgument (is_io_connect_map_memory_into_task)
        assertThat(maps).extracting(e -> e.details().get("result")).containsExactly("kIOReturnSuccess",
                "kIOReturnBadArgument");
        assertThat(maps.get(0).details()).containsEntry("size", "64");
        // the mapping made before the report was posted sees it: the same bytes, not a copy
        UserClientConnection kb = UserClientExtension.connections(m.simulation()).get(0);
        assertThat(kb.mappings()).singleElement().satisfies(mp -> {
            assertThat(mp.memoryType()).isEqualTo(VirtualKeyboardFamily.REPORT_BUFFER);
            assertThat(mp.hex()).isEqualTo("0000040000000000" + "00".repeat(56));
        });
    }

    private static Machine run(Path dir, String actions) throws Exception {
        Path plist = Path.of(VirtualKeyboardFamily.class.getResource(VirtualKeyboardFamily.INFO_PLIST).toURI());
        Path s = dir.resolve("s.json");
        Files.writeString(s, "{\"kexts\": [\"" + plist.toString().replace("\\", "\\\\") + "\"], \"actions\": ["
                + actions + "]}");
        Machine m = Machine.build(MachineReader.read(ThermometerFamilyTest.MACHINE.getBytes(StandardCharsets.UTF_8),
                        "thermo.json"), Contributions.of(List.of(new PlatformFamily(), new ThermometerFamily(),
                        new VirtualKeyboardFamily())),
                Scenario.read(s), Map.of());
        m.runUntilQuiet();
        return m;
    }
}
