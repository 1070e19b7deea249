package dev.ioscope.engine.userclient;

import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;

import java.util.List;

/**
 * Plugs user clients into every simulation (listed in META-INF/services): the scenario actions {@code open},
 * {@code call}, {@code close} and {@code provide-user-client} (docs/scenarios.md "User clients").
 */
public final class UserClientExtension implements SimulationExtension {
    @Override
    public List<ActionType<?>> types() {
        return UserClientAction.TYPES;
    }

    /**
     * The connections {@code sim}'s scenario opened (successful opens only, closed ones included), in open order;
     * empty when user clients are not installed. Call it on the thread that runs {@code sim}.
     */
    public static List<UserClientConnection> connections(Simulation sim) {
        UserClientSession s = sim.extension(UserClientSession.class);
        return s == null ? List.of() : s.connections();
    }

    @Override
    public Instance install(Simulation sim) {
        return new UserClientSession(sim);
    }
}
