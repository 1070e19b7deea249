package dev.ioscope.engine.sim;

import static dev.ioscope.engine.sim.JournalKind.GATE_ACTION;
import static dev.ioscope.engine.sim.JournalKind.WORKLOOP_ADD_SOURCE;

import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * IOWorkLoop on virtual time: one gate (a recursive lock, IOWorkLoop.cpp {@code closeGate}/{@code openGate}
 * over an IORecursiveLock) and one work-loop thread, modelled as a scheduler task. {@link #signalWorkAvailable}
 * schedules the thread once at the current virtual time; when it runs it closes the gate and checks every
 * event source in the order added, again and again while any reports more work ({@code runEventSources}).
 * Everything runs on the deterministic scheduler, so the same inputs give the same journal (rules WL1-WL4 in
 * docs/iokit-rules.md).
 */
public final class IOWorkLoop {
    final Simulation sim;
    final IORegistryEntry owner;
    final String name;
    private final List<IOEventSource> eventChain = new ArrayList<>();
    /** Threads asleep in the gate (IOWorkLoop::sleepGate), in the order they went to sleep. */
    final List<IOCommandGate.Sleeper> sleepers = new ArrayList<>();
    private int gateDepth;
    private boolean threadScheduled;
    private boolean onThread;
    private int runs;

    IOWorkLoop(Simulation sim, IORegistryEntry owner, String name) {
        this.sim = sim;
        this.owner = owner;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public IORegistryEntry owner() {
        return owner;
    }

    /** IOWorkLoop::addEventSource: appended to the chain; a source belongs to one work loop. */
    public int addEventSource(IOEventSource source) {
        if (source == null || source.workLoop != null) {
            return IOReturn.kIOReturnBadArgument;
        }
        source.workLoop = this;
        eventChain.add(source);
        sim.record(WORKLOOP_ADD_SOURCE, sim.path(owner), "workloop", name, "source", source.name);
        if (source instanceof IOInterruptEventSource i) {
            sim.workLoops().registerInterrupt(i);
        }
        return IOReturn.kIOReturnSuccess;
    }

    /** IOWorkLoop::removeEventSource. */
    public int removeEventSource(IOEventSource source) {
        if (source == null || source.workLoop != this) {
            return IOReturn.kIOReturnBadArgument;
        }
        if (source instanceof IOTimerEventSource t) {
            t.cancelTimeout();
        }
        if (source instanceof IOInterruptEventSource i) {
            sim.workLoops().unregisterInterrupt(i);
        }
        eventChain.remove(source);
        source.workLoop = null;
        return IOReturn.kIOReturnSuccess;
    }

    public List<IOEventSource> eventSources() {
        return List.copyOf(eventChain);
    }

    /** IOWorkLoop::inGate. */
    public boolean inGate() {
        return gateDepth > 0;
    }

    /** IOWorkLoop::onThread: true while the work-loop thread runs its event sources. */
    public boolean onThread() {
        return onThread;
    }

    /** Times the work-loop thread has run. */
    public int runs() {
        return runs;
    }

    /** IOWorkLoop::closeGate (recursive: the holder may close it again). */
    public void closeGate() {
        gateDepth++;
    }

    /** IOWorkLoop::openGate. */
    public void openGate() {
        if (gateDepth == 0) {
            throw new IllegalStateException("openGate without closeGate on " + name);
        }
        gateDepth--;
    }

    /** IOWorkLoop::runAction: the action runs in the caller, with the gate closed; its IOReturn is returned. */
    public int runAction(String what, IntSupplier action) {
        closeGate();
        try {
            sim.record(GATE_ACTION, sim.path(owner), "workloop", name, "action", what,
                    "depth", String.valueOf(gateDepth));
            return action.getAsInt();
        } finally {
            openGate();
        }
    }

    /** IOWorkLoop::signalWorkAvailable: wake the work-loop thread (once, however often it is signalled). */
    void signalWorkAvailable() {
        if (threadScheduled) {
            return;
        }
        threadScheduled = true;
        sim.scheduler().after(0, "workloop " + name, this::threadMain);
    }

    /** IOWorkLoop::threadMain → runEventSources. */
    private void threadMain() {
        threadScheduled = false;
        runs++;
        onThread = true;
        closeGate();
        try {
            boolean more;
            do {
                more = false;
                for (IOEventSource e : List.copyOf(eventChain)) {
                    if (e.workLoop == this) {
                        more |= e.checkForWork();
                    }
                }
            } while (more);
        } finally {
            openGate();
            onThread = false;
        }
    }
}
