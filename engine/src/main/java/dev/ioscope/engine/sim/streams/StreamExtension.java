package dev.ioscope.engine.sim.streams;

import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;

import java.util.List;

/** Plugs the IOStream model ({@link IOStreams}) into every simulation: {@code sim.extension(IOStreams.class)}. */
public final class StreamExtension implements SimulationExtension {
    @Override
    public List<ActionType<?>> types() {
        return StreamAction.TYPES;
    }

    @Override
    public Instance install(Simulation sim) {
        return new IOStreams(sim);
    }
}
