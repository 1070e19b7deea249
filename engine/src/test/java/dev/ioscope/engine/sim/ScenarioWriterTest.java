package dev.ioscope.engine.sim;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A written scenario reads back to the same scenario and replays to the same journal. */
class ScenarioWriterTest {
    private static final Path EXAMPLES = Path.of("../docs/examples");

    private static Scenario roundTrip(Scenario s, Path dir) throws Exception {
        Path f = dir.resolve("saved.json");
        Files.writeString(f, ScenarioWriter.write(ScenarioWriter.toJson(s)));
        return Scenario.read(f);
    }

    @Test
    void everyExampleOnTheEmptyPlatformReadsBackAndReplaysIdentically(@TempDir Path dir) throws Exception {
        for (String name : List.of("power-sleep-wake.json", "userclient-demo.json", "intelmausi-hotplug.json")) {
            Scenario s = Scenario.read(EXAMPLES.resolve(name));
            Scenario back = roundTrip(s, dir);
            assertThat(back.actions()).as(name).isEqualTo(s.actions());
            assertThat(back.machine()).as(name).isEqualTo(s.machine());
            assertThat(back.kexts()).as(name).isEqualTo(s.kexts().stream().map(Path::toAbsolutePath).toList());
            Simulation a = Simulation.of(s, Map.of(), PluginLoader.builtInExtensions());
            a.runUntilQuiet();
            Simulation b = Simulation.of(back, Map.of(), PluginLoader.builtInExtensions());
            b.runUntilQuiet();
            assertThat(b.journal()).as(name).isEqualTo(a.journal());
        }
    }

    @Test
    void libkernValuesKeepTheirTypesAndWidths(@TempDir Path dir) throws Exception {
        OSDictionary props = OSDictionary.builder()
                .put("s", OSString.of("text"))
                .put("n32", OSNumber.of(7, 32))
                .put("n8", OSNumber.of(7, 8))
                .put("n64small", OSNumber.of(7, 64))
                .put("n64big", OSNumber.of(0x1_0000_0000L, 64))
                .put("neg64", OSNumber.of(-1, 64))
                .put("b", OSBoolean.of(true))
                .put("d", OSData.ofHex("00ff10"))
                .put("a", OSArray.of(OSString.of("x"), OSNumber.of(1, 16)))
                .put("dict", OSDictionary.of("k", OSString.of("v")))
                .build();
        Scenario s = new Scenario(null, null, List.of(), List.of(
                new Scenario.Action(5, "publish", Map.of("parent", "IOService:/", "name", "n"), props),
                new Scenario.Action(6, "set-property", Map.of("path", "IOService:/n", "key", "k"),
                        OSDictionary.of("value", OSNumber.of(3, 16))),
                new Scenario.Action(7, "idle", Map.of("ms", 100), OSDictionary.empty())), 100, "empty");
        Scenario back = roundTrip(s, dir);
        assertThat(back.actions().get(0).properties()).isEqualTo(props);
        assertThat(back.actions().get(1).properties().get("value")).isEqualTo(OSNumber.of(3, 16));
        assertThat(back.actions().get(2).arg("ms")).isEqualTo("100");
        assertThat(back.maxSteps()).isEqualTo(100);
        assertThat(back.machine()).isEqualTo("empty");
    }

    /** The one-line form a console history shows: what the saved file's actions array holds for the action. */
    @Test
    void oneActionAsOneLine() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("connection", "ui0");
        args.put("selector", 0L);
        args.put("scalars", "[1,0x10]");
        args.put("async", Boolean.TRUE);
        String line = ScenarioWriter.line(new Scenario.Action(21002, "call", args, OSDictionary.empty()));
        assertThat(line).isEqualTo("{\"at\":21002,\"do\":\"call\",\"connection\":\"ui0\",\"selector\":0,"
                + "\"scalars\":\"[1,0x10]\",\"async\":true}");
    }
}
