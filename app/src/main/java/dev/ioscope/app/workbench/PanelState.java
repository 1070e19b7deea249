package dev.ioscope.app.workbench;

import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;

import java.util.function.Function;

/**
 * What a panel adds to the machine's published state ({@link MachineState#panel}): the core copies it on the
 * engine thread at every publication and hands it to the UI as an immutable value, without knowing its type. One
 * constant per kind of state, kept by the panel's own package and named by its {@link WorkbenchPanel#state()}.
 *
 * @param <T> the immutable value the panel reads
 */
public interface PanelState<T> {
    /** The value before the machine is built. */
    T empty();

    /** A fresh sampler for one machine session (it may keep what it needs between publications). */
    Sampler<T> sampler();

    /** A state copied at every publication by {@code copy}, named {@code name} (for messages). */
    static <T> PanelState<T> everyPublication(String name, T empty, Function<Capture, T> copy) {
        return new SimplePanelState<>(name, empty, () -> copy::apply);
    }

    /**
     * A state copied from the simulation at stops only, with the registry (frames while running keep the last
     * copy), named {@code name}.
     */
    static <T> PanelState<T> atStops(String name, T empty, Function<Simulation, T> copy) {
        return new SimplePanelState<>(name, empty, () -> new Sampler<>() {
            private T last = empty;

            @Override
            public T sample(Capture at) {
                if (at.stop()) {
                    last = copy.apply(at.sim());
                }
                return last;
            }
        });
    }

    /** Copies the panel's state out of the simulation, on the engine thread. */
    @FunctionalInterface
    interface Sampler<T> {
        T sample(Capture at);
    }

    /**
     * Where a publication stands.
     *
     * @param sim      the simulation (engine thread only)
     * @param scenario the scenario being replayed, with the actions added so far
     * @param position scheduler steps taken
     * @param running  whether the engine is running on its own
     * @param stop     whether this publication also copies the registry (a stop, not a frame while running)
     * @param userFrom actions from here on were added in this window
     */
    record Capture(Simulation sim, Scenario scenario, long position, boolean running, boolean stop, int userFrom) {
    }
}
