package dev.ioscope.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scenario → JSON → Scenario gives the same machine, kexts and actions, and the same journal when run. */
class ScenarioWriterTest {
    private static Path repoFile(String rel) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve(rel))) {
            p = p.getParent();
        }
        assertThat(p).as(rel).isNotNull();
        return p.resolve(rel);
    }

    /** Arguments without "at" and "do", which read() also puts among them. */
    private static Map<String, Object> args(Scenario.Action a) {
        Map<String, Object> m = new LinkedHashMap<>(a.args());
        m.remove("at");
        m.remove("do");
        return m;
    }

    private static void assertSame(Scenario a, Scenario b) {
        assertThat(b.snapshot()).isEqualTo(a.snapshot());
        assertThat(b.kexts()).isEqualTo(a.kexts());
        assertThat(b.maxSteps()).isEqualTo(a.maxSteps());
        assertThat(b.actions()).hasSameSizeAs(a.actions());
        for (int i = 0; i < a.actions().size(); i++) {
            Scenario.Action x = a.actions().get(i);
            Scenario.Action y = b.actions().get(i);
            assertThat(y.at()).isEqualTo(x.at());
            assertThat(y.type()).isEqualTo(x.type());
            assertThat(args(y)).as("args of action " + i).isEqualTo(args(x));
            assertThat(y.properties()).as("properties of action " + i).isEqualTo(x.properties());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs/examples/userclient-demo.json", "docs/examples/power-sleep-wake.json"})
    void examplesRoundTripAndRunTheSame(String example, @TempDir Path dir) throws Exception {
        Scenario original = Scenario.read(repoFile(example));
        Path saved = dir.resolve("saved.json");
        ScenarioWriter.write(original, saved);
        Scenario again = Scenario.read(saved);
        assertSame(original, again);
        Simulation s1 = Simulation.of(original, Map.of());
        s1.runUntilQuiet();
        Simulation s2 = Simulation.of(again, Map.of());
        s2.runUntilQuiet();
        assertThat(s2.journal()).isEqualTo(s1.journal());
    }

    @Test
    void actionsAddedInMemoryKeepTheirArgumentsAndPropertyTypes(@TempDir Path dir) throws Exception {
        OSDictionary props = OSDictionary.of("s", OSString.of("x"), "n32", OSNumber.of32(7), "n8", OSNumber.of(3, 8),
                "n64", OSNumber.of64(5), "big", OSNumber.of64(1L << 40), "b", OSBoolean.of(true),
                "d", OSData.ofHex("0a0b"), "a", OSArray.of(OSString.of("y"), OSNumber.of32(1)));
        Scenario s = new Scenario(null, null, List.of(), List.of(
                new Scenario.Action(1000, "publish", Map.of("parent", "IOService:/", "name", "demo"), props),
                new Scenario.Action(2001, "call", Map.of("connection", "ui0", "selector", "0", "scalars", "[1,0x2]",
                        "async", "true"), OSDictionary.empty()),
                new Scenario.Action(3000, "add-notification", Map.of("type", "matched"),
                        OSDictionary.of("IOProviderClass", OSString.of("IOService")))), 500);
        Path f = dir.resolve("s.json");
        ScenarioWriter.write(s, f);
        String text = Files.readString(f);
        assertThat(text).contains("\"selector\" : 0").contains("\"scalars\" : \"[1,0x2]\"")
                .contains("\"async\" : true").contains("\"matching\"");
        assertSame(s, Scenario.read(f));
        assertThat(ScenarioWriter.line(s.actions().get(1))).startsWith("{\"at\":2001,\"do\":\"call\",")
                .contains("\"scalars\":\"[1,0x2]\"").doesNotContain("\n");
    }
}
