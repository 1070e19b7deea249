package dev.ioscope.engine.sim;

import static dev.ioscope.engine.sim.JournalKind.GATE_BLOCKED;
import static dev.ioscope.engine.sim.JournalKind.GATE_REFUSED;
import static dev.ioscope.engine.sim.JournalKind.GATE_RESUME;
import static dev.ioscope.engine.sim.JournalKind.GATE_SLEEP;
import static dev.ioscope.engine.sim.JournalKind.GATE_WAKEUP;

import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * IOCommandGate: runs actions under its work loop's gate (IOCommandGate.cpp {@code runAction}: closeGate,
 * action, openGate, in the caller's thread). A disabled gate makes callers from outside the work loop wait
 * until it is enabled again; the work-loop thread itself passes. {@link #commandSleep} gives the gate up until
 * {@link #commandWakeup} on the same event (or the deadline): Java actions cannot block, so the rest of the
 * action is passed as a continuation which later runs with the gate closed again and the wait result
 * ({@link #THREAD_AWAKENED} or {@link #THREAD_TIMED_OUT}). Rules CG1-CG5 in docs/iokit-rules.md.
 */
public final class IOCommandGate extends IOEventSource {
    /** kern/sched_prim.h wait results, as commandSleep returns them. */
    public static final int THREAD_AWAKENED = 0;
    public static final int THREAD_TIMED_OUT = 1;

    /** A thread asleep in the gate. */
    record Sleeper(IOCommandGate gate, String event, long deadline, IntConsumer rest) {
    }

    private record Waiting(String what, IntSupplier action) {
    }

    private final Deque<Waiting> waiting = new ArrayDeque<>();

    public IOCommandGate(IORegistryEntry owner, String name) {
        super(owner, name);
    }

    /** IOCommandGate::runAction (runCommand is the same with the older argument list). */
    public int runAction(String what, IntSupplier action) {
        if (action == null) {
            return IOReturn.kIOReturnBadArgument;
        }
        if (workLoop == null) {
            return IOReturn.kIOReturnNotReady;
        }
        if (!enabled && !workLoop.onThread()) {
            // IOCommandGate::runAction: "if the command gate is disabled and we aren't on the workloop
            // thread itself then sleep until we get enabled"
            waiting.add(new Waiting(what, action));
            record(GATE_BLOCKED, "gate", name, "action", what);
            return IOReturn.kIOReturnSuccess;
        }
        return workLoop.runAction(what, action);
    }

    /** IOCommandGate::runCommand: runAction under its older name. */
    public int runCommand(String what, IntSupplier action) {
        return runAction(what, action);
    }

    @Override
    public void enable() {
        super.enable();
        // IOCommandGate::enable wakes the callers that waited for the gate (wakeupGate(&enabled))
        while (enabled && !waiting.isEmpty() && workLoop != null) {
            Waiting w = waiting.poll();
            workLoop.runAction(w.what(), w.action());
        }
    }

    /** IOCommandGate::commandSleep without a deadline. */
    public int commandSleep(String event, IntConsumer rest) {
        return commandSleep(event, 0, rest);
    }

    /**
     * IOCommandGate::commandSleep(event, deadline): only legal with the gate closed (else kIOReturnNotPermitted,
     * where XNU panics); the gate is released while asleep. {@code deadline} is absolute virtual time in ns,
     * 0 for none.
     */
    public int commandSleep(String event, long deadline, IntConsumer rest) {
        if (workLoop == null || !workLoop.inGate()) {
            record(GATE_REFUSED, "gate", name, "call", "commandSleep", "reason", "gate not held");
            return IOReturn.kIOReturnNotPermitted;
        }
        Sleeper s = new Sleeper(this, event, deadline, rest);
        workLoop.sleepers.add(s);
        record(GATE_SLEEP, "gate", name, "event", event, "deadline", String.valueOf(deadline));
        if (deadline > 0) {
            workLoop.sim.scheduler().at(deadline, "commandSleep deadline " + event, () -> {
                if (workLoop != null && workLoop.sleepers.remove(s)) {
                    resume(s, THREAD_TIMED_OUT);
                }
            });
        }
        return IOReturn.kIOReturnSuccess;
    }

    /**
     * IOCommandGate::commandWakeup → IOWorkLoop::wakeupGate: wakes the sleepers on the event (all, or the first
     * when {@code oneThread}); they run once the waker has opened the gate. A wakeup nobody waits for is lost.
     */
    public void commandWakeup(String event, boolean oneThread) {
        if (workLoop == null) {
            return;
        }
        List<Sleeper> woken = new ArrayList<>();
        for (Sleeper s : List.copyOf(workLoop.sleepers)) {
            if (s.event().equals(event) && (!oneThread || woken.isEmpty())) {
                woken.add(s);
                workLoop.sleepers.remove(s);
            }
        }
        record(GATE_WAKEUP, "gate", name, "event", event, "oneThread", String.valueOf(oneThread),
                "woken", String.valueOf(woken.size()));
        for (Sleeper s : woken) {
            workLoop.sim.scheduler().after(0, "commandSleep wakeup " + event, () -> resume(s, THREAD_AWAKENED));
        }
    }

    /** Sleepers waiting on this gate's work loop. */
    public int sleepers() {
        return workLoop == null ? 0 : workLoop.sleepers.size();
    }

    private static void resume(Sleeper s, int result) {
        IOCommandGate g = s.gate();
        IOWorkLoop wl = g.workLoop;
        if (wl == null) {
            return;
        }
        g.record(GATE_RESUME, "gate", g.name, "event", s.event(),
                "result", result == THREAD_AWAKENED ? "THREAD_AWAKENED" : "THREAD_TIMED_OUT");
        wl.closeGate();
        try {
            s.rest().accept(result);
        } finally {
            wl.openGate();
        }
    }
}
