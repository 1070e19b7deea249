package dev.ioscope.engine.power;

import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;

import java.util.List;

/** Plugs power management into every simulation (listed in META-INF/services). */
public final class PowerExtension implements SimulationExtension {
    @Override
    public List<ActionType<?>> types() {
        return PowerAction.TYPES;
    }

    @Override
    public Instance install(Simulation sim) {
        return new PowerManager(sim);
    }
}
