package dev.ioscope.engine.sim.locks;

import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;

import java.util.List;

/** Plugs the lock model ({@link IOLocks}) into every simulation; its state: {@code sim.extension(IOLocks.class)}. */
public final class LockExtension implements SimulationExtension {
    @Override
    public List<ActionType<?>> types() {
        return LockAction.TYPES;
    }

    @Override
    public Instance install(Simulation sim) {
        return new IOLocks(sim);
    }
}
