package dev.ioscope.engine.sim;

import dev.ioscope.engine.registry.IORegistryEntry;

/**
 * The two life-cycle entry points a machine boot needs from outside this package: registerService on a nub
 * that is already attached, and terminate. Kept beside {@link Simulation} rather than widening it, so the
 * scenario actions stay the only public way to drive a simulation by hand.
 */
public final class SimulationAccess {
    private SimulationAccess() {
    }

    /** IOService::registerService (publish notifications, then matching on virtual time). */
    public static void registerService(Simulation sim, IORegistryEntry nub) {
        sim.registerService(nub);
    }

    /** IOService::terminate of an entry and its clients. */
    public static void terminate(Simulation sim, IORegistryEntry entry) {
        sim.terminate(entry);
    }

    /**
     * Schedules one scenario action (publish, open, call, sleep...) on a simulation that is already running, at
     * the action's time or now if that has passed: how a machine booted from a description runs scenario actions.
     */
    public static void schedule(Simulation sim, Scenario.Action action) {
        long at = Math.max(action.at(), sim.scheduler().now());
        sim.scheduler().at(at, action.type(), () -> sim.perform(action));
    }
}
