package dev.ioscope.app.explorer;

import dev.ioscope.app.ui.FullTextCell;
import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.explore.ValueText;
import dev.ioscope.engine.registry.IORegistryEntry;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.function.Function;

/** In a comparison: the selected entry's changed properties, old and new values side by side. */
final class ChangesPane extends TableView<RegistryDiff.PropertyChange> {
    private final ExplorerViewModel vm;

    ChangesPane(ExplorerViewModel vm) {
        this.vm = vm;
        setId("changesTable");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(column("Key", 200, RegistryDiff.PropertyChange::key),
                column("Before", 300, c -> c.before() == null ? "(absent)" : ValueText.of(c.before())),
                column("After", 300, c -> c.after() == null ? "(absent)" : ValueText.of(c.after()))));
        setPlaceholder(new Label("Compare with another snapshot (File ▸ Compare With…) to see changes here."));
        vm.selectedProperty().addListener((o, a, b) -> show(b));
        vm.comparisonProperty().addListener((o, a, b) -> show(vm.selectedProperty().get()));
        show(vm.selectedProperty().get());   // made when its tab is first shown: what is selected by then
    }

    private static TableColumn<RegistryDiff.PropertyChange, String> column(String title, double w,
            Function<RegistryDiff.PropertyChange, String> f) {
        TableColumn<RegistryDiff.PropertyChange, String> c = new TableColumn<>(title);
        c.setPrefWidth(w);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setCellFactory(x -> FullTextCell.forTable());
        return c;
    }

    private void show(IORegistryEntry e) {
        setItems(FXCollections.observableArrayList(vm.shown().changes(e)));
        if (vm.comparisonProperty().get() != null) {
            var change = e == null ? null : vm.shown().changeOf(e);
            setPlaceholder(new Label(change == RegistryDiff.Change.ADDED ? "Entry added in the after snapshot."
                    : change == RegistryDiff.Change.REMOVED ? "Entry removed: it exists only in the before snapshot."
                    : "No property of this entry changed."));
        }
    }
}
