package dev.ioscope.engine.sim;

import static dev.ioscope.engine.sim.JournalKind.TIMER_ARM;
import static dev.ioscope.engine.sim.JournalKind.TIMER_CANCEL;
import static dev.ioscope.engine.sim.JournalKind.TIMER_FIRE;

import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.function.Consumer;

/**
 * IOTimerEventSource on virtual time. setTimeout arms one timeout at now + interval (a new setTimeout replaces
 * the pending one: {@code wakeAtTime} re-enters the same thread call); cancelTimeout and disable take it back.
 * When it is due the timeout runs at that exact virtual time: {@code IOTimerEventSource::timeout} closes the
 * work loop's gate and calls the action if the source is still enabled. Rules TM1-TM4 in docs/iokit-rules.md.
 */
public final class IOTimerEventSource extends IOEventSource {
    private final Consumer<IOTimerEventSource> action;
    /** Absolute due time of the pending timeout, or -1. */
    private long due = -1;
    /** Bumped on every arm and cancel, so a superseded scheduler task knows it is stale. */
    private long generation;
    private int fired;

    public IOTimerEventSource(IORegistryEntry owner, String name, Consumer<IOTimerEventSource> action) {
        super(owner, name);
        this.action = action;
    }

    public int setTimeoutMS(long ms) {
        return setTimeout(Math.multiplyExact(ms, 1_000_000L));
    }

    public int setTimeoutUS(long us) {
        return setTimeout(Math.multiplyExact(us, 1_000L));
    }

    public int setTimeoutNS(long ns) {
        return setTimeout(ns);
    }

    /** IOTimerEventSource::setTimeout(interval): due at now + interval. */
    public int setTimeout(long intervalNs) {
        if (intervalNs < 0) {
            return IOReturn.kIOReturnBadArgument;
        }
        return wakeAtTime(workLoop == null ? 0 : workLoop.sim.scheduler().now() + intervalNs);
    }

    /** IOTimerEventSource::wakeAtTime(abstime): no work loop or no action → kIOReturnNoResources. */
    public int wakeAtTime(long abstimeNs) {
        if (workLoop == null || action == null) {
            return IOReturn.kIOReturnNoResources;
        }
        long gen = ++generation;
        boolean replaced = due >= 0;
        due = Math.max(abstimeNs, workLoop.sim.scheduler().now());
        record(TIMER_ARM, "source", name, "due", String.valueOf(due), "replaced", String.valueOf(replaced));
        workLoop.sim.scheduler().at(due, "timeout " + name, () -> timeout(gen));
        return IOReturn.kIOReturnSuccess;
    }

    /** IOTimerEventSource::cancelTimeout. */
    public void cancelTimeout() {
        if (due >= 0) {
            record(TIMER_CANCEL, "source", name, "due", String.valueOf(due));
        }
        generation++;
        due = -1;
    }

    /** IOTimerEventSource::disable cancels the pending timeout first. */
    @Override
    public void disable() {
        cancelTimeout();
        super.disable();
    }

    /** Due time of the pending timeout, or -1. */
    public long due() {
        return due;
    }

    /** How many timeouts ran their action. */
    public int fired() {
        return fired;
    }

    private void timeout(long gen) {
        if (gen != generation || workLoop == null) {
            return;   // cancelled or re-armed since
        }
        due = -1;
        IOWorkLoop wl = workLoop;
        wl.closeGate();
        try {
            if (enabled) {
                fired++;
                record(TIMER_FIRE, "source", name);
                action.accept(this);
            }
        } finally {
            wl.openGate();
        }
    }
}
