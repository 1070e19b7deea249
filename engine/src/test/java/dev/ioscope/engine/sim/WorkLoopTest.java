package dev.ioscope.engine.sim;

import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Work loops, command gates, timers and interrupts on virtual time: one rule each (docs/iokit-rules.md). */
class WorkLoopTest {
    /** The widget nub is published at 1 µs; its driver (Flaky, score 900) starts at 3 µs. */
    static final long START = 3_000;
    /**
     * The widget's two interrupts as a real nub carries them (MacBookPro8-1.IOService.txt: a PCI function's
     * {@code IOInterruptControllers = ("io-apic-0")}, {@code IOInterruptSpecifiers = (<1000000007000000>)}):
     * vectors 0x10 and 0x11 of io-apic-0.
     */
    static final String WIRED = "\"properties\":{\"IOInterruptControllers\":[\"io-apic-0\",\"io-apic-0\"],"
            + "\"IOInterruptSpecifiers\":[{\"data\":\"1000000007000000\"},{\"data\":\"1100000007000000\"}]}";
    /** io-apic-0 with the 24 vectors the real AppleAPICInterruptController reports ("Vector Count" = 24), all edge. */
    static final String CONTROLLER = "{\"at\":0,\"do\":\"register-interrupt-controller\",\"name\":\"io-apic-0\","
            + "\"vectors\":24}";
    static final String PUBLISH = CONTROLLER + ",{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\","
            + "\"name\":\"widget\"," + WIRED + "}";

    /** A driver that, in start, builds its work loop and event sources with {@code setup}. */
    static final class Driver {
        IOWorkLoop wl;
        IOCommandGate gate;
        IOInterruptEventSource irq;
        IOTimerEventSource timer;
        final List<String> seen = new ArrayList<>();
        DriverBehavior.DriverContext ctx;

        Map<String, DriverBehavior> behaviors(Consumer<Driver> setup) {
            return Map.of("Flaky", c -> {
                ctx = c;
                wl = c.workLoops().create(c.self());
                gate = new IOCommandGate(c.self(), "gate");
                wl.addEventSource(gate);
                irq = new IOInterruptEventSource(c.self(), "irq", c.provider(), 0,
                        (s, n) -> seen.add("irq " + n + " @" + c.now() + " gate=" + wl.inGate()));
                wl.addEventSource(irq);
                irq.enable();   // a registered vector starts disabled (IC4)
                timer = new IOTimerEventSource(c.self(), "timer",
                        t -> seen.add("timer @" + c.now() + " gate=" + wl.inGate()));
                wl.addEventSource(timer);
                setup.accept(this);
                return true;
            });
        }
    }

    static Simulation run(Path dir, Driver d, Consumer<Driver> setup, String... more) throws Exception {
        String actions = PUBLISH + (more.length == 0 ? "" : "," + String.join(",", more));
        Simulation sim = Simulation.of(Scenario.read(SimulationTest.scenario(dir, actions)), d.behaviors(setup),
                PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        return sim;
    }

    static List<String> events(Simulation sim, String prefix) {
        return sim.journal().stream().filter(e -> e.kind().id().startsWith(prefix))
                .map(e -> e.t() + " " + e.kind().id() + " " + e.details()).toList();
    }

    static String raise(long at) {
        return "{\"at\":" + at + ",\"do\":\"raise-interrupt\",\"path\":\"IOService:/widget\",\"index\":0}";
    }

    @Test

    @DisplayName("IN1, WL3: interrupts raised before the work loop runs are handled once, with their count")
    void in1InterruptsRaisedBeforeTheWorkLoopRunsAreHandledOnceWithTheirCount(@TempDir Path dir) throws Exception {
        Driver d = new Driver();
        Simulation sim = run(dir, d, x -> { }, raise(5_000), raise(5_000), raise(9_000));
        assertThat(d.seen).containsExactly("irq 2 @5000 gate=true", "irq 1 @9000 gate=true");
        assertThat(events(sim, "interrupt.action")).containsExactly(
                "5000 interrupt.action {source=irq, index=0, count=2}",
                "9000 interrupt.action {source=irq, index=0, count=1}");
        assertThat(d.irq.consumerCount()).isEqualTo(d.irq.producerCount()).isEqualTo(3);
    }

    @Test
    void in2AnInterruptRaisedWhileDisabledIsHeldPendingAndDeliveredOnEnable(@TempDir Path dir) throws Exception {
        Driver d = new Driver();
        Simulation sim = run(dir, d, x -> x.irq.disable(), raise(5_000), raise(6_000));
        assertThat(d.seen).isEmpty();
        assertThat(events(sim, "interrupt.masked")).hasSize(2);
        d.irq.enable();   // the controller's latch holds one pending interrupt, however many were masked
        sim.runUntilQuiet();
        assertThat(d.seen).containsExactly("irq 1 @6000 gate=true");
    }

    @Test
    void in3AnInterruptLineWithoutHandlerIsJournalledAndNothingRuns(@TempDir Path dir) throws Exception {
        Driver d = new Driver();
        Simulation sim = run(dir, d, x -> { },
                "{\"at\":5000,\"do\":\"raise-interrupt\",\"path\":\"IOService:/widget\",\"index\":1}",
                "{\"at\":6000,\"do\":\"raise-interrupt\",\"path\":\"IOService:/widget\",\"index\":3}");
        assertThat(events(sim, "interrupt.").stream().filter(l -> l.startsWith("5") || l.startsWith("6")).toList())
                .containsExactly("5000 interrupt.raise {index=1, controller=io-apic-0, vector=17}",
                        "5000 interrupt.spurious {controller=io-apic-0, vector=17}",
                        "6000 interrupt.raise {index=3, controller=, vector=, reason=the nub has no interrupt 3 in "
                                + "IOInterruptControllers/IOInterruptSpecifiers}");
        assertThat(d.seen).isEmpty();
    }

    @Test
    void tm1ATimeoutFiresAtTheExactVirtualTimeWithTheGateClosed(@TempDir Path dir) throws Exception {
        Driver d = new Driver();
        Simulation sim = run(dir, d, x -> assertThat(x.timer.setTimeoutUS(250)).isEqualTo(IOReturn.kIOReturnSuccess));
        assertThat(d.seen).containsExactly("timer @" + (START + 250_000) + " gate=true");
        assertThat(events(sim, "timer.fire")).containsExactly((START + 250_000) + " timer.fire {source=timer}");
    }

    @Test
    void tm2ANewSetTimeoutReplacesThePendingOne(@TempDir Path dir) throws Exception {
        Driver d = new Driver();
        Simulation sim = run(dir, d, x -> {
            x.timer.setTimeoutMS(1);
            x.timer.setTimeoutNS(10_000);
        });
        assertThat(d.seen).containsExactly("timer @" + (START + 10_000) + " gate=true");
        assertThat(events(sim, "timer.arm")).last().asString().contains("replaced=true");
        assertThat(d.timer.fired()).isEqualTo(1);
    }

    @Test
    void tm3CancelTimeoutAndDisableTakeThePendingTimeoutBack(@TempDir Path dir) throws Exception {
        Driver d = new Driver();
        Simulation sim = run(dir, d, x -> {
            x.timer.setTimeoutUS(5);
            x.timer.cancelTimeout();
        });
        assertThat(d.seen).isEmpty();
        assertThat(events(sim, "timer.cancel")).hasSize(1);
        Driver e = new Driver();
        run(dir, e, x -> {
            x.timer.setTimeoutUS(5);
            x.timer.disable();
            x.timer.enable();   // enabling again does not re-arm
        });
        assertThat(e.seen).isEmpty();
        assertThat(e.timer.due()).isEqualTo(-1);
    }

    @Test
    void tm4ATimerOutsideAWorkLoopCannotBeArmed() {
        IOTimerEventSource t = new IOTimerEventSource(null, "loose", x -> { });
        assertThat(t.setTimeoutMS(1)).isEqualTo(IOReturn.kIOReturnNoResources);
    }

    @Test

    @DisplayName("CG1, WL2: runAction runs in the caller under the recursive gate")
    void cg1RunActionRunsInTheCallerUnderTheRecursiveGate(@TempDir Path dir) throws Exception {
        Driver d = new Driver();
        Simulation sim = run(dir, d, x -> {
            int r = x.gate.runAction("outer", () -> {
                x.seen.add("outer gate=" + x.wl.inGate());
                return x.gate.runAction("inner", () -> IOReturn.kIOReturnUnsupported);
            });
            x.seen.add("returned " + (r == IOReturn.kIOReturnUnsupported) + " gate=" + x.wl.inGate());
        });
        assertThat(d.seen).containsExactly("outer gate=true", "returned true gate=false");
        assertThat(events(sim, "gate.action")).containsExactly(
                START + " gate.action {workloop=Flaky.workLoop, action=outer, depth=1}",
                START + " gate.action {workloop=Flaky.workLoop, action=inner, depth=2}");
    }

    @Test
    void cg2CommandSleepGivesTheGateUpUntilCommandWakeup(@TempDir Path dir) throws Exception {
        Driver d = new Driver();
        Simulation sim = run(dir, d, x -> {
            x.timer = new IOTimerEventSource(x.ctx.self(), "waker", t -> x.gate.commandWakeup("done", false));
            x.wl.addEventSource(x.timer);
            x.gate.runAction("wait", () -> x.gate.commandSleep("done",
                    res -> x.seen.add("resumed " + res + " @" + x.ctx.now() + " gate=" + x.wl.inGate())));
            x.seen.add("after sleep gate=" + x.wl.inGate());
            x.timer.setTimeoutUS(100);
        });
        assertThat(d.seen).containsExactly("after sleep gate=false",
                "resumed " + IOCommandGate.THREAD_AWAKENED + " @" + (START + 100_000) + " gate=true");
        assertThat(events(sim, "gate.")).extracting(s -> s.split(" ")[1]).containsExactly(
                "gate.action", "gate.sleep", "gate.wakeup", "gate.resume");
    }

    @Test
    void cg3ASleepWithADeadlineTimesOutAtThatTime(@TempDir Path dir) throws Exception {
        Driver d = new Driver();
        run(dir, d, x -> x.gate.runAction("wait", () -> x.gate.commandSleep("never", START + 50_000,
                res -> x.seen.add("resumed " + res + " @" + x.ctx.now()))));
        assertThat(d.seen).containsExactly("resumed " + IOCommandGate.THREAD_TIMED_OUT + " @" + (START + 50_000));
    }

    @Test
    void cg4AWakeupNobodyWaitsForIsLostAndOneThreadWakesOnlyTheFirstSleeper(@TempDir Path dir) throws Exception {
        Driver d = new Driver();
        Simulation sim = run(dir, d, x -> {
            x.gate.commandWakeup("e", false);   // before anyone sleeps: lost
            x.gate.runAction("a", () -> x.gate.commandSleep("e", START + 9_000, r -> x.seen.add("a " + r)));
            x.gate.runAction("b", () -> x.gate.commandSleep("e", START + 9_000, r -> x.seen.add("b " + r)));
            x.gate.commandWakeup("e", true);
        });
        assertThat(d.seen).containsExactly("a " + IOCommandGate.THREAD_AWAKENED, "b " + IOCommandGate.THREAD_TIMED_OUT);
        assertThat(events(sim, "gate.wakeup")).extracting(s -> s.substring(s.indexOf("woken"))).containsExactly(
                "woken=0}", "woken=1}");
    }

    @Test
    void cg5CommandSleepWithoutTheGateIsNotPermitted(@TempDir Path dir) throws Exception {
        Driver d = new Driver();
        int[] r = new int[1];
        Simulation sim = run(dir, d, x -> r[0] = x.gate.commandSleep("e", res -> x.seen.add("never")));
        assertThat(r[0]).isEqualTo(IOReturn.kIOReturnNotPermitted);
        assertThat(events(sim, "gate.refused")).hasSize(1);
        assertThat(d.gate.sleepers()).isZero();
    }

    @Test
    void cg6ADisabledGateHoldsCallersFromOutsideTheWorkLoopUntilEnabled(@TempDir Path dir) throws Exception {
        Driver d = new Driver();
        Simulation sim = run(dir, d, x -> {
            x.gate.disable();
            x.gate.runAction("held", () -> {
                x.seen.add("held ran");
                return 0;
            });
            x.seen.add("enabling");
            x.gate.enable();
        });
        assertThat(d.seen).containsExactly("enabling", "held ran");
        assertThat(events(sim, "gate.blocked")).hasSize(1);
    }

    @Test
    void wl1GetWorkLoopIsTheServicesOwnElseItsProvidersAndSourcesBelongToOneLoop(@TempDir Path dir)
            throws Exception {
        Driver d = new Driver();
        Simulation sim = run(dir, d, x -> { });
        WorkLoops wls = sim.workLoops();
        assertThat(wls.getWorkLoop(d.ctx.self())).isSameAs(d.wl);
        assertThat(wls.getWorkLoop(d.ctx.provider())).isNull();
        assertThat(wls.create(d.ctx.self())).isSameAs(d.wl);
        assertThat(d.wl.addEventSource(d.timer)).isEqualTo(IOReturn.kIOReturnBadArgument);
        assertThat(d.wl.eventSources()).containsExactly(d.gate, d.irq, d.timer);
    }
}
