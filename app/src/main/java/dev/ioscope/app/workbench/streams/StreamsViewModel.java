package dev.ioscope.app.workbench.streams;

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
    private StreamTable table = new StreamTable();
    private JournalEvent lastFed;

    public StreamsViewModel(WorkbenchViewModel vm) {
        this.vm = vm;
        vm.eventsNowProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Brings the table to the current position. */
    public void refresh() {
        List<JournalEvent> events = vm.events();
        int now = Math.min(vm.eventsNowProperty().get(), events.size());
        boolean samePrefix = table.seen() <= now && (table.seen() == 0 || events.get(table.seen() - 1) == lastFed);
        if (!samePrefix) {
            table = new StreamTable();
        }
        for (int i = table.seen(); i < now; i++) {
            table.accept(events.get(i));
        }
        lastFed = now == 0 ? null : events.get(now - 1);
        rows.setAll(table.rows());
    }

    public ObservableList<StreamTable.Row> rows() {
        return rows;
    }
}
