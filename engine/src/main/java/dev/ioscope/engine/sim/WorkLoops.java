package dev.ioscope.engine.sim;

import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The work loops of one simulation, and the interrupt lines device models raise. A driver that creates a work
 * loop owns it; {@link #getWorkLoop} is IOService::getWorkLoop: the service's own work loop, else its
 * provider's (the default implementation asks the provider), else none.
 */
public final class WorkLoops {
    private final Simulation sim;
    private final Map<IORegistryEntry, IOWorkLoop> own = new IdentityHashMap<>();

    WorkLoops(Simulation sim) {
        this.sim = sim;
    }

    /** IOWorkLoop::workLoop() for a driver: creates its own work loop (once; later calls return it). */
    public IOWorkLoop create(IORegistryEntry owner) {
        return own.computeIfAbsent(owner, o -> {
            IOWorkLoop wl = new IOWorkLoop(sim, o, o.className() + ".workLoop");
            sim.record(JournalKind.WORKLOOP_CREATE, sim.path(o), "workloop", wl.name());
            return wl;
        });
    }

    /** IOService::getWorkLoop: own, else the nearest provider's in the IOService plane; null when none. */
    public IOWorkLoop getWorkLoop(IORegistryEntry service) {
        IORegistryPlane svc = sim.registry().plane(IORegistryPlane.IOSERVICE);
        for (IORegistryEntry e = service; e != null; e = e.parent(svc)) {
            IOWorkLoop wl = own.get(e);
            if (wl != null) {
                return wl;
            }
        }
        return null;
    }

    void registerInterrupt(IOInterruptEventSource s) {
        s.register(sim.interrupts());
    }

    void unregisterInterrupt(IOInterruptEventSource s) {
        s.unregister(sim.interrupts());
    }

    /**
     * A device model raises interrupt {@code index} of {@code provider}: the line its {@code IOInterruptControllers}
     * / {@code IOInterruptSpecifiers} wire it to is asserted at that controller (IC6).
     */
    public void raiseInterrupt(IORegistryEntry provider, int index) {
        sim.interrupts().raise(provider, index);
    }
}
