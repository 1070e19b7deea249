package dev.ioscope.app.workbench.locks;

import dev.ioscope.app.workbench.JournalFold;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.locks.LockTable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The Locks tab's state at the workbench's current position: every lock with its holders, waiters and sleepers,
 * and the problems found up to now (rules LK1–LK9), folded from the journal ({@link LockTable}), so stepping
 * back shows the locks as they were. The fold goes on from where it was while the position only moves forward.
 */
public final class LocksViewModel {
    private final WorkbenchViewModel vm;
    private final ObservableList<LockTable.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<LockTable.Problem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<LockTable.Problem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final JournalFold<LockTable> fold = new JournalFold<>(LockTable::new);

    public LocksViewModel(WorkbenchViewModel vm) {
        this.vm = vm;
        vm.eventsNowProperty().addListener((o, a, b) -> refresh());
        selected.addListener((o, a, p) -> explanation.set(p == null ? "" : words(p)));
        refresh();
    }

    /** Brings the table to the current position. */
    public void refresh() {
        List<JournalEvent> events = vm.events();
        int now = Math.min(vm.eventsNowProperty().get(), events.size());
        boolean restarted = fold.advanceTo(events, now);
        LockTable table = fold.table();
        rows.setAll(table.rows());
        if (problems.size() != table.problems().size() || restarted) {
            problems.setAll(table.problems());
        }
    }

    public ObservableList<LockTable.Row> rows() {
        return rows;
    }

    public ObservableList<LockTable.Problem> problems() {
        return problems;
    }

    public ObjectProperty<LockTable.Problem> selectedProblemProperty() {
        return selected;
    }

    /** The selected problem in words: what, where, and why XNU deadlocks or panics on it. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    static String words(LockTable.Problem p) {
        return p.problem() + " (" + p.rule() + ") at #" + p.seq() + ", t=" + p.t() + " ns: thread " + p.thread()
                + ", lock " + p.lock() + (p.detail().isEmpty() ? "" : "\n" + p.detail()) + "\n\n"
                + "Why: " + p.explanation();
    }
}
