package dev.ioscope.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.power.PowerAction;
import dev.ioscope.engine.spi.PluginLoader;
import dev.ioscope.engine.userclient.UserClientAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.ArrayList;
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
                new Scenario.Action(5, new CoreAction.Publish("IOService:/", null, "n", null, props)),
                new Scenario.Action(6, new CoreAction.SetProperty("IOService:/n", "k", OSNumber.of(3, 16))),
                new Scenario.Action(7, new PowerAction.Idle(JsonValue.of(100)))), 100, "empty");
        Scenario back = roundTrip(s, dir);
        assertThat(((CoreAction.Publish) back.actions().get(0).op()).properties()).isEqualTo(props);
        assertThat(((CoreAction.SetProperty) back.actions().get(1).op()).value()).isEqualTo(OSNumber.of(3, 16));
        assertThat(back.actions().get(2).op()).isEqualTo(new ScenarioAction.Unread("idle",
                (ObjectNode) new ObjectMapper().readTree("{\"ms\":100}")));
        assertThat(back.maxSteps()).isEqualTo(100);
        assertThat(back.machine()).isEqualTo("empty");
    }

    /** The one-line form a console history shows: what the saved file's actions array holds for the action. */
    @Test
    void oneActionAsOneLine() {
        String line = ScenarioWriter.line(new Scenario.Action(21002, new UserClientAction.Call("ui0", null,
                JsonValue.of(0L), JsonValue.of("[1,0x10]"), null, null, null, JsonValue.of(true), null)));
        assertThat(line).isEqualTo("{\"at\":21002,\"do\":\"call\",\"connection\":\"ui0\",\"selector\":0,"
                + "\"scalars\":\"[1,0x10]\",\"async\":true}");
    }

    /**
     * Every scenario file of the repository (conformance folders, docs/examples) written back: each action keeps
     * its fields in the file's order (libkern data last, as the format has always been written), and writing what
     * was read back gives the same text again.
     */
    @Test
    void everyRepositoryScenarioWritesBackInItsOwnFieldOrder(@TempDir Path dir) throws Exception {
        Path repo = TestData.root().getParent().getParent().getParent().getParent().getParent();
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(repo.resolve("engine/src/test/resources/conformance"),
                repo.resolve("docs/examples"))) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".json")).filter(p -> read(p).has("actions")).sorted()
                        .forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(30);
        for (Path f : files) {
            Scenario s = Scenario.read(f);
            String text = ScenarioWriter.write(ScenarioWriter.toJson(s));
            JsonNode given = read(f).get("actions");
            JsonNode written = new ObjectMapper().readTree(text).get("actions");
            for (int i = 0; i < given.size(); i++) {
                assertThat(keys(written.get(i))).as(f + " actions[" + i + "]").isEqualTo(keys(given.get(i)));
            }
            Path again = Files.writeString(dir.resolve("again.json"), text);
            assertThat(ScenarioWriter.write(ScenarioWriter.toJson(Scenario.read(again)))).as(f.toString())
                    .isEqualTo(text);
        }
    }

    private static JsonNode read(Path p) {
        try {
            return new ObjectMapper().readTree(p.toFile());
        } catch (IOException e) {
            throw new AssertionError(p + ": " + e.getMessage(), e);
        }
    }

    /** An action's field names after at and do, libkern data last. */
    private static List<String> keys(JsonNode action) {
        List<String> out = new ArrayList<>();
        List<String> last = new ArrayList<>();
        action.fieldNames().forEachRemaining(k -> {
            if (List.of("properties", "matching", "value").contains(k)) {
                last.add(k);
            } else if (!k.equals("at") && !k.equals("do")) {
                out.add(k);
            }
        });
        out.addAll(last);
        return out;
    }
}
