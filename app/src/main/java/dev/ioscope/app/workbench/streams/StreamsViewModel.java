package dev.ioscope.app.workbench.streams;

import dev.ioscope.app.workbench.JournalFold;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.streams.StreamTable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The Streams tab's state at the workbench's current position: each IOStream with its client, state and where
 * each buffer is (rules ST1–ST6), folded from the journal ({@link StreamTable}), so stepping shows the buffers
 * cycling between kernel and user, backwards too.
 */
public final class StreamsViewModel {
    private final WorkbenchViewModel vm;
    private final ObservableList<StreamTable.Row> rows = FXCollections.observableArrayList();
    private final JournalFold<StreamTable> fold = new JournalFold<>(StreamTable::new);

    public StreamsViewModel(WorkbenchViewModel vm) {
        this.vm = vm;
        vm.eventsNowProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Brings the table to the current position. */
    public void refresh() {
        List<JournalEvent> events = vm.events();
        int now = Math.min(vm.eventsNowProperty().get(), events.size());
        fold.advanceTo(events, now);
        StreamTable table = fold.table();
        rows.setAll(table.rows());
    }

    public ObservableList<StreamTable.Row> rows() {
        return rows;
    }
}
