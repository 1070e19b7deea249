package dev.ioscope.app.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo and redo over {@link UndoableCommand}s, with the next undo's and redo's description as properties for the
 * buttons (empty when there is none). A new command clears what could be redone, as editors do. Bounded: the
 * oldest edits fall off past {@link #LIMIT}.
 */
public final class UndoStack {
    static final int LIMIT = 200;

    private final Deque<UndoableCommand> done = new ArrayDeque<>();
    private final Deque<UndoableCommand> undone = new ArrayDeque<>();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("");

    /** Runs a command and remembers it. */
    public void execute(UndoableCommand c) {
        c.execute();
        pushExecuted(c);
    }

    /** Remembers a command that has already taken effect (e.g. an action the engine confirms it added). */
    public void pushExecuted(UndoableCommand c) {
        done.push(c);
        if (done.size() > LIMIT) {
            done.removeLast();
        }
        undone.clear();
        update();
    }

    public boolean canUndo() {
        return !done.isEmpty();
    }

    public boolean canRedo() {
        return !undone.isEmpty();
    }

    public void undo() {
        if (!done.isEmpty()) {
            UndoableCommand c = done.pop();
            c.undo();
            undone.push(c);
            update();
        }
    }

    public void redo() {
        if (!undone.isEmpty()) {
            UndoableCommand c = undone.pop();
            c.execute();
            done.push(c);
            update();
        }
    }

    /** What Undo would take back, or "". */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    /** What Redo would do again, or "". */
    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    private void update() {
        undoText.set(done.isEmpty() ? "" : done.peek().description());
        redoText.set(undone.isEmpty() ? "" : undone.peek().description());
    }
}
