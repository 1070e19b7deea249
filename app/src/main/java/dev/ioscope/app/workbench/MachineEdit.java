package dev.ioscope.app.workbench;

import dev.ioscope.app.ui.UndoableCommand;
import dev.ioscope.engine.sim.ActionField;
import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.ScenarioAction;

import java.util.List;

/**
 * Scenario actions the user added (a publish, a plug, a power action, a user-client call, kexts) as one undoable
 * edit: undo takes them out of the session's scenario and returns the machine to just before them (a replay, so
 * the registry is really the earlier one); redo puts them back at their own virtual times.
 */
final class MachineEdit implements UndoableCommand {
    private final MachineSession session;
    private final List<Scenario.Action> actions;

    MachineEdit(MachineSession session, List<Scenario.Action> actions) {
        this.session = session;
        this.actions = List.copyOf(actions);
    }

    @Override
    public void execute() {
        session.reinstate(actions);
    }

    @Override
    public void undo() {
        session.retract(actions);
    }

    @Override
    public String description() {
        Scenario.Action a = actions.get(0);
        String what = named(a.op(), "name", "path", "parent", "connection");
        String last = what.substring(what.lastIndexOf('/') + 1);
        String tail = last.isEmpty() ? "" : " " + last;
        return a.type() + tail + (actions.size() > 1 ? " (+" + (actions.size() - 1) + ")" : "")
                + " at " + WorkbenchViewModel.formatNs(a.at());
    }

    /** The first of the fields {@code names} the action has and gives, as text; "" when none. */
    private static String named(ScenarioAction op, String... names) {
        ActionType<?> t = op.actionType();
        for (String n : names) {
            ActionField f = t.field(n);
            Object v = f == null || f.type() != ActionField.Type.TEXT ? null : t.get(op, f);
            if (v != null) {
                return v.toString();
            }
        }
        return "";
    }

    List<Scenario.Action> actions() {
        return actions;
    }
}
