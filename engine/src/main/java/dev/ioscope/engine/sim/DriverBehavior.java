package dev.ioscope.engine.sim;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.report.IOReportHub;

/**
 * Emulated code for a driver class (the plugin side of a kext). A class without one is a passive driver: it
 * probes with the score it matched with and starts successfully. A behaviour that throws is reported as a
 * failed start (or stop) and never stops the simulation.
 */
public interface DriverBehavior {
    /** probe(): the new score, or null to refuse. Default: keep the score. */
    default Integer probe(DriverContext ctx, int score) {
        return score;
    }

    /** start(provider): true on success; may publish nubs through the context. */
    boolean start(DriverContext ctx);

    /** stop(provider). */
    default void stop(DriverContext ctx) {
    }

    /**
     * setPowerState(ordinal): power management moves this driver's device from {@code from} to {@code to} (only
     * for drivers whose family gave them a power table). Called where XNU calls it in the state-change machine.
     */
    default void setPowerState(DriverContext ctx, int from, int to) {
    }

    /** What a behaviour can see and do: its instance, its provider, and the simulation's services. */
    interface DriverContext {
        IORegistryEntry self();

        IORegistryEntry provider();

        /** Virtual time, ns. */
        long now();

        /** Creates a nub under this driver and calls registerService on it. */
        IORegistryEntry publishNub(String className, String name, OSDictionary properties);

        /** The simulation's work loops: create one for {@link #self()}, or find the one getWorkLoop gives. */
        default WorkLoops workLoops() {
            throw new UnsupportedOperationException("no work loops in this context");
        }

        /**
         * Where this machine's IOReport reporters are filed (one hub per simulation, so a machine rebuilt for
         * replay starts with an empty one and a dashboard reads the running machine's own reporters).
         */
        default IOReportHub reportHub() {
            throw new UnsupportedOperationException("no IOReport hub in this context");
        }
    }
}
