package dev.ioscope.app.workbench.userclient;

import dev.ioscope.app.workbench.PanelState;
import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.userclient.UserClientConnection;
import dev.ioscope.engine.sim.streams.StreamAction;
import dev.ioscope.engine.userclient.UserClientAction;
import dev.ioscope.engine.userclient.UserClientExtension;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The user clients of a machine at a step, copied on the engine thread for the console: the connections the
 * scenario has opened so far (with their method tables), and the scenario as it stands now, whose actions from
 * {@code userFrom} on were added in this window (console calls, power buttons, hot-plugs); the console's
 * history lists the user-client ones among them.
 *
 * @param connections successful opens so far, in open order (closed ones marked)
 * @param scenario    the session's scenario, the user's actions included (an immutable value)
 * @param userFrom    index of the first action added in the workbench
 */
public record UserClientState(List<UserClientConnection> connections, Scenario scenario, int userFrom) {
    /** The scenario actions user clients perform (docs/scenarios.md "User clients", "Streams"). */
    public static final Set<String> ACTIONS = Stream.concat(UserClientAction.TYPES.stream(),
            StreamAction.TYPES.stream().filter(t -> !t.id().equals(StreamAction.StreamCreate.TYPE.id())
                    && !t.id().equals(StreamAction.StreamSuspend.TYPE.id()))).map(ActionType::id)
            .collect(Collectors.toUnmodifiableSet());
    public static final UserClientState EMPTY = new UserClientState(List.of(), null, 0);
    /** The connections and the user's actions at every publication (the console's data). */
    public static final PanelState<UserClientState> STATE = PanelState.everyPublication("user clients", EMPTY,
            at -> copyOf(at.sim(), at.scenario(), at.userFrom()));

    public UserClientState {
        connections = List.copyOf(connections);
    }

    /** The user-client actions added in the workbench, in the order they were added. */
    public List<Scenario.Action> consoleActions() {
        if (scenario == null) {
            return List.of();
        }
        var all = scenario.actions();
        return all.subList(Math.min(userFrom, all.size()), all.size()).stream()
                .filter(a -> ACTIONS.contains(a.type())).toList();
    }

    /** Engine thread only. */
    public static UserClientState copyOf(Simulation sim, Scenario scenario, int userFrom) {
        return new UserClientState(UserClientExtension.connections(sim), scenario, userFrom);
    }
}
