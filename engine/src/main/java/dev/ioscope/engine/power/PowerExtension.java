package dev.ioscope.engine.power;

import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;

import java.util.List;

/** Plugs power management into every simulation (listed in META-INF/services). */
public final class PowerExtension implements SimulationExtension {
    @Override
    public List<String> actions() {
        return PowerActions.KINDS;
    }

    @Override
    public Instance install(Simulation sim) {
        return new PowerManager(sim);
    }
}
