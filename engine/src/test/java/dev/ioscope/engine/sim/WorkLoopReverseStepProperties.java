package dev.ioscope.engine.sim;

import dev.ioscope.engine.spi.PluginLoader;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step-back determinism with work loops in play: interrupts raised by the scenario, a timer the interrupt handler
 * arms, a command-gate sleep the timer wakes (or its deadline ends). Back n steps and forward again gives the
 * identical journal.
 */
class WorkLoopReverseStepProperties {
    static final Map<String, DriverBehavior> BEHAVIORS = Map.of("Flaky", c -> {
        IOWorkLoop wl = c.workLoops().create(c.self());
        IOCommandGate gate = new IOCommandGate(c.self(), "gate");
        wl.addEventSource(gate);
        IOTimerEventSource timer = new IOTimerEventSource(c.self(), "timer", t -> gate.commandWakeup("io", false));
        wl.addEventSource(timer);
        IOInterruptEventSource irq = new IOInterruptEventSource(c.self(), "irq", c.provider(), 0, (s, n) -> {
            timer.setTimeoutUS(3L * n);
            gate.runAction("io", () -> gate.commandSleep("io", c.now() + 5_000, r -> { }));
        });
        wl.addEventSource(irq);
        irq.enable();
        return true;
    });

    @Provide
    Arbitrary<List<String>> actions() {
        Arbitrary<Long> at = Arbitraries.longs().between(0, 30_000);
        Arbitrary<String> publish = at.map(t -> "{\"at\":" + t
                + ",\"do\":\"publish\",\"parent\":\"IOService:/\",\"name\":\"widget\"," + WorkLoopTest.WIRED + "}");
        Arbitrary<String> raise = at.map(t -> "{\"at\":" + t
                + ",\"do\":\"raise-interrupt\",\"path\":\"IOService:/widget\"}");
        Arbitrary<String> terminate = at.map(t -> "{\"at\":" + t
                + ",\"do\":\"terminate\",\"path\":\"IOService:/widget\"}");
        return Arbitraries.frequencyOf(Tuple.of(2, publish), Tuple.of(5, raise), Tuple.of(1, terminate))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 30)
    void backThenForwardIsIdentical(@ForAll("actions") List<String> actions,
                                    @ForAll @IntRange(min = 0, max = 60) int forward,
                                    @ForAll @IntRange(min = 1, max = 60) int back) throws Exception {
        Path dir = Files.createTempDirectory("ioscope-wl");
        Replay r = new Replay(Scenario.read(SimulationTest.scenario(dir, WorkLoopTest.CONTROLLER + ","
                + String.join(",", actions))), BEHAVIORS, PluginLoader.builtInExtensions());
        for (int i = 0; i < forward && r.step(); i++) {
            // forward
        }
        long pos = r.position();
        List<JournalEvent> before = r.journal();
        r.stepBack(back);
        assertThat(before.subList(0, r.journal().size())).isEqualTo(r.journal());
        while (r.position() < pos && r.step()) {
            // forward again
        }
        assertThat(r.journal()).isEqualTo(before);
    }
}
