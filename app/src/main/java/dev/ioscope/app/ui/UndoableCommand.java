package dev.ioscope.app.ui;

/** A user edit that can be taken back (docs/development.md "UI files"): what it does, its inverse, and its name. */
public interface UndoableCommand {
    void execute();

    void undo();

    /** Short words for the menu and tooltip: "plug", "add breakpoint event kind = match". */
    String description();
}
