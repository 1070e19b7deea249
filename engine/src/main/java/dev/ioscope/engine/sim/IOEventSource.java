package dev.ioscope.engine.sim;

import dev.ioscope.engine.registry.IORegistryEntry;

/**
 * IOEventSource: work that a driver's {@link IOWorkLoop} performs with its gate closed. Sources are checked by
 * the work loop in the order they were added (IOWorkLoop.cpp {@code runEventSources} walks {@code eventChain});
 * a disabled source does no work but keeps its place.
 */
public abstract class IOEventSource {
    final IORegistryEntry owner;
    final String name;
    IOWorkLoop workLoop;
    boolean enabled = true;

    IOEventSource(IORegistryEntry owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    /** The source's name as the journal shows it. */
    public String name() {
        return name;
    }

    public IORegistryEntry owner() {
        return owner;
    }

    /** The work loop the source was added to, or null. */
    public IOWorkLoop getWorkLoop() {
        return workLoop;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void enable() {
        enabled = true;
    }

    public void disable() {
        enabled = false;
    }

    /** Called by the work loop with the gate closed; true when there may be more work (loop again). */
    boolean checkForWork() {
        return false;
    }

    /** Asks the owning work loop's thread to run (IOEventSource::signalWorkAvailable). */
    void signalWorkAvailable() {
        if (workLoop != null) {
            workLoop.signalWorkAvailable();
        }
    }

    void record(EventKind kind, String... kv) {
        if (workLoop != null) {
            workLoop.sim.record(kind, workLoop.sim.path(owner), kv);
        }
    }
}
