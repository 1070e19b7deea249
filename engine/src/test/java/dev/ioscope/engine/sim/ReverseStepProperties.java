package dev.ioscope.engine.sim;

import dev.ioscope.engine.spi.PluginLoader;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stepping back n steps and forward again reproduces the identical journal, for random scenarios. */
class ReverseStepProperties {
    @Provide
    Arbitrary<String> action() {
        Arbitrary<Long> at = Arbitraries.longs().between(0, 40_000);
        Arbitrary<String> name = Arbitraries.of("widget", "gadget", "thing");
        Arbitrary<String> publish = Combinators.combine(at, name).as((t, n) -> "{\"at\":" + t
                + ",\"do\":\"publish\",\"parent\":\"IOService:/\",\"name\":\"" + n + "\"}");
        Arbitrary<String> terminate = Combinators.combine(at, name).as((t, n) -> "{\"at\":" + t
                + ",\"do\":\"terminate\",\"path\":\"IOService:/" + n + "\"}");
        Arbitrary<String> set = Combinators.combine(at, name).as((t, n) -> "{\"at\":" + t
                + ",\"do\":\"set-property\",\"path\":\"IOService:/" + n + "\",\"key\":\"k\",\"value\":" + (t % 7)
                + "}");
        Arbitrary<String> notify = at.map(t -> "{\"at\":" + t + ",\"do\":\"add-notification\",\"type\":\"matched\","
                + "\"matching\":{\"IONameMatch\":\"widget\"}}");
        Arbitrary<String> unload = at.map(t -> "{\"at\":" + t
                + ",\"do\":\"unload-kext\",\"bundle\":\"com.example.flaky\"}");
        return Arbitraries.frequencyOf(Tuple.of(5, publish), Tuple.of(2, terminate),
                Tuple.of(1, set), Tuple.of(1, notify), Tuple.of(1, unload));
    }

    @Property(tries = 40)
    void backThenForwardIsIdentical(@ForAll("actions") List<String> actions,
            @ForAll @IntRange(min = 0, max = 60) int forward,
                                    @ForAll @IntRange(min = 1, max = 60) int back) throws Exception {
        Path dir = Files.createTempDirectory("ioscope-sim");
        Path file = SimulationTest.scenario(dir, String.join(",", actions));
        Scenario s = Scenario.read(file);
        Replay r = new Replay(s, SimulationTest.BEHAVIORS, PluginLoader.builtInExtensions());
        for (int i = 0; i < forward && r.step(); i++) {
            // forward
        }
        long pos = r.position();
        List<JournalEvent> before = r.journal();
        r.stepBack(back);
        assertThat(r.position()).isEqualTo(Math.max(0, pos - back));
        assertThat(before.subList(0, r.journal().size())).isEqualTo(r.journal());
        while (r.position() < pos && r.step()) {
            // forward again
        }
        assertThat(r.journal()).isEqualTo(before);
    }

    @Provide
    Arbitrary<List<String>> actions() {
        return action().list().ofMinSize(1).ofMaxSize(12);
    }
}
