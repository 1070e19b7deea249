package dev.ioscope.engine.sim;

import java.util.List;

/**
 * A subsystem that plugs into every {@link Simulation} (power management, ...) and the scenario actions it
 * performs. Extensions are providers (META-INF/services) found by the one plugin loader,
 * {@code dev.ioscope.engine.spi.PluginLoader}, on the class path and in plugin jars, in a fixed order, so a
 * Simulation rebuilt by {@link Replay} gets the same extensions in the same order and stays deterministic.
 */
public interface SimulationExtension {
    /**
     * The scenario actions this extension performs, typed: each a record with its {@link ActionType} (name and
     * fields), read from a scenario file once the extension is loaded and handed to {@link Instance#perform}.
     */
    List<ActionType<?>> types();

    /** Called once for each new simulation, before anything runs; returns the per-simulation state. */
    Instance install(Simulation sim);

    /** An extension's state inside one simulation. */
    interface Instance {
        /** Performs one of {@link SimulationExtension#types()} at its time: {@code action.op()} is its record. */
        void perform(Scenario.Action action);
    }
}
