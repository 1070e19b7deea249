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

        List<JournalEvent> calls = m.journal().stream().filter(e -> e.kind().equals("userclient.call")).toList();
        assertThat(calls).extracting(e -> e.details().get("result")).containsExactly("kIOReturnSuccess",
                "kIOReturnBadArgument", "kIOReturnSuccess");   // an empty report is refused by the keyboard
        assertThat(calls.get(2).details()).containsEntry("scalarOutput", "[1]");
        assertThat(m.journal()).anyMatch(e -> e.kind().equals("userclient.open")
                && "IOUserUserClient".equals(e.details().get("class")));
    }
}
