package dev.ioscope.app.workbench.locks;

import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.locks.LockTable;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/**
 * The Locks tab: the machine's locks (who holds each, who waits, who sleeps on it) at the current position, the
 * problems found so far (recursive IOLock, blocking under a simple lock, unlock not held, order inversions,
 * deadlocks), and the selected problem's explanation with both paths or the cycle.
 */
public final class LocksPane extends SplitPane {
    private final LocksViewModel model;

    public LocksPane(WorkbenchViewModel vm) {
        model = new LocksViewModel(vm);
        setId("locksPane");
        setOrientation(Orientation.VERTICAL);
        TableView<LockTable.Row> table = new TableView<>(model.rows());
        table.setId("locksTable");
        table.setPlaceholder(new Label("No lock yet: scenarios take them with lock-alloc and lock "
                + "(docs/scenarios.md, \"Locks\")"));
        table.getColumns().add(column("Lock", LockTable.Row::lock, 110));
        table.getColumns().add(column("Kind", LockTable.Row::kind, 110));
        table.getColumns().add(column("Held by", r -> String.join(", ", r.holders()), 120));
        table.getColumns().add(column("Waiting", r -> String.join(", ", r.waiters()), 120));
        table.getColumns().add(column("Asleep", r -> String.join(", ", r.sleepers()), 120));
        ListView<LockTable.Problem> problems = new ListView<>(model.problems());
        problems.setId("lockProblems");
        problems.setPlaceholder(new Label("No lock problem"));
        problems.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LockTable.Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : "#" + p.seq() + "  " + p.problem() + "  " + p.thread() + " / "
                        + p.lock());
            }
        });
        model.selectedProblemProperty().bind(problems.getSelectionModel().selectedItemProperty());
        TextArea why = new TextArea();
        why.setId("lockExplanation");
        why.setEditable(false);
        why.setWrapText(true);
        why.textProperty().bind(model.explanationProperty());
        VBox bottom = new VBox(4, new Label("Problems (what XNU would deadlock or panic on)"), problems, why);
        bottom.setPadding(new Insets(4));
        getItems().addAll(List.of(table, bottom));
        setDividerPositions(0.45);
    }

    private static TableColumn<LockTable.Row, String> column(String title, Function<LockTable.Row, String> f,
                                                             double width) {
        TableColumn<LockTable.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The view-model (tests). */
    public LocksViewModel model() {
        return model;
    }
}
