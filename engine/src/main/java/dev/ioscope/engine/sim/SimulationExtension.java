package dev.ioscope.engine.sim;

import java.util.List;

/**
 * A subsystem that plugs into every {@link Simulation} (power management, ...) and the scenario actions it
 * performs. Extensions are providers (META-INF/services) found by the one plugin loader,
 * {@code dev.ioscope.engine.spi.PluginLoader}, on the class path and in plugin jars, in a fixed order, so a
 * Simulation rebuilt by {@link Replay} gets the same extensions in the same order and stays deterministic.
 */
public interface SimulationExtension {
    /** Scenario action kinds ({@code do}) this extension performs. */
    List<String> actions();

    /** Called once for each new simulation, before anything runs; returns the per-simulation state. */
    Instance install(Simulation sim);

    /** An extension's state inside one simulation. */
    interface Instance {
        /** Performs one of {@link #actions()} at its time. */
        void perform(Scenario.Action action);
    }
}
