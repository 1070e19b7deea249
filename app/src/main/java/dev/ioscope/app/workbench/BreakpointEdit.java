package dev.ioscope.app.workbench;

import dev.ioscope.app.ui.UndoableCommand;

import java.util.List;

/** Adding or removing a breakpoint, undoably; a removed one comes back at its old place in the list. */
final class BreakpointEdit implements UndoableCommand {
    private final List<Breakpoint> list;
    private final Breakpoint breakpoint;
    private final boolean add;
    private int index = -1;

    BreakpointEdit(List<Breakpoint> list, Breakpoint breakpoint, boolean add) {
        this.list = list;
        this.breakpoint = breakpoint;
        this.add = add;
    }

    @Override
    public void execute() {
        if (add) {
            list.add(breakpoint);
        } else {
            index = list.indexOf(breakpoint);
            list.remove(breakpoint);
        }
    }

    @Override
    public void undo() {
        if (add) {
            list.remove(breakpoint);
        } else if (index >= 0) {
            list.add(Math.min(index, list.size()), breakpoint);
        }
    }

    @Override
    public String description() {
        return (add ? "add" : "remove") + " breakpoint " + breakpoint.describe();
    }
}
