package dev.ioscope.engine.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one scenario action does, with its own typed fields: a record per action name (docs/scenarios.md). The
 * core's actions are {@link CoreAction}'s records; an extension declares its own ({@link SimulationExtension#types()})
 * and performs them. Code names an action by its record, never by its name as text, so a renamed action or field
 * fails at compile time; the JSON names live in each record's {@link ActionType} only.
 */
public interface ScenarioAction {
    /** The action's type: its name ({@code "do"}), fields and record. */
    ActionType<?> actionType();

    /** The action's name as a file writes it ({@code "do"}). */
    default String actionName() {
        return actionType().id();
    }

    /**
     * An action a scenario file names that the core does not know: it is typed once the extensions that perform
     * actions are known ({@link Simulation#of}), and an error in the file if none does.
     *
     * @param id     the action's name
     * @param fields its fields as read (no {@code do}, {@code at} or {@code doc})
     */
    record Unread(String id, ObjectNode fields) implements ScenarioAction {
        @Override
        public ActionType<?> actionType() {
            return ActionType.unknown(id);
        }
    }
}
