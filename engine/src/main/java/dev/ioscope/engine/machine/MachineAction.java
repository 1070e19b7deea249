package dev.ioscope.engine.machine;

import static dev.ioscope.engine.sim.ActionField.json;
import static dev.ioscope.engine.sim.ActionField.text;

import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.ScenarioAction;

import java.util.List;

/**
 * The scenario actions of a machine booted from a description (docs/scenarios.md, "Devices"), performed by
 * {@link MachineActions}. A field a file leaves out is null.
 */
public sealed interface MachineAction extends ScenarioAction {
    /** Every one of these actions. */
    List<ActionType<?>> TYPES = List.of(Plug.TYPE, Unplug.TYPE);

    /** A device (as a machine description writes it) hot-plugged into a slot. */
    record Plug(String parent, JsonValue device) implements MachineAction {
        public static final ActionType<Plug> TYPE = ActionType.of("plug", Plug.class, text("parent"), json("device"));

        @Override
        public ActionType<Plug> actionType() {
            return TYPE;
        }
    }

    /** device.unplug, then terminate of the nub and its clients. */
    record Unplug(String path) implements MachineAction {
        public static final ActionType<Unplug> TYPE = ActionType.of("unplug", Unplug.class, text("path"));

        @Override
        public ActionType<Unplug> actionType() {
            return TYPE;
        }
    }
}
