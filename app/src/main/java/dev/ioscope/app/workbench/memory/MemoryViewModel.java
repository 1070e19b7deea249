package dev.ioscope.app.workbench.memory;

import dev.ioscope.app.workbench.JournalFold;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.MemoryTable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The Memory &amp; DMA tab's state at the workbench's current position: the memory descriptors with their wire
 * count, direction, length and capacity and maps, and the latest DMA transfer cut into segments (rules MD1-MD10,
 * DMA1-DMA8), folded from the journal ({@link MemoryTable}) so stepping back shows the state then.
 */
public final class MemoryViewModel {
    private final WorkbenchViewModel vm;
    private final ObservableList<MemoryTable.Descriptor> descriptors = FXCollections.observableArrayList();
    private final ObservableList<MemoryTable.Segment> segments = FXCollections.observableArrayList();
    private final ObjectProperty<MemoryTable.Transfer> transfer = new SimpleObjectProperty<>();
    private final JournalFold<MemoryTable> fold = new JournalFold<>(MemoryTable::new);

    public MemoryViewModel(WorkbenchViewModel vm) {
        this.vm = vm;
        vm.eventsNowProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Brings the tables to the current position (folding only the new events when the journal grew). */
    public void refresh() {
        List<JournalEvent> events = vm.events();
        int now = Math.min(vm.eventsNowProperty().get(), events.size());
        fold.advanceTo(events, now);
        MemoryTable table = fold.table();
        List<MemoryTable.Descriptor> d = table.descriptors();
        if (!d.equals(descriptors)) {
            descriptors.setAll(d);
        }
        MemoryTable.Transfer t = table.transfer();
        transfer.set(t);
        List<MemoryTable.Segment> s = t == null ? List.of() : t.segments();
        if (!s.equals(segments)) {
            segments.setAll(s);
        }
    }

    public ObservableList<MemoryTable.Descriptor> descriptors() {
        return descriptors;
    }

    public ObservableList<MemoryTable.Segment> segments() {
        return segments;
    }

    /** The latest transfer, or null before any. */
    public ObjectProperty<MemoryTable.Transfer> transferProperty() {
        return transfer;
    }

    /** Everything about one descriptor, for the line under the table (the selected one, else the first). */
    static String details(MemoryTable.Descriptor d) {
        return d.name() + ": " + d.cls() + " in " + d.task() + (d.owner().isEmpty() ? "" : " (" + d.owner() + ")")
                + ", direction " + d.direction() + ", length " + d.length()
                + (d.capacity().isEmpty() ? "" : " of capacity " + d.capacity()) + ", wire count " + d.wireCount()
                + (d.readOnly() ? " (wired for output: read-only)" : "") + "; "
                + (d.maps().isEmpty() ? "no map" : "maps " + String.join(", ", d.maps())) + "; " + d.state()
                + (d.last().isEmpty() ? "" : "; last: " + d.last());
    }

    /** One line on the transfer: what was prepared and how the command goes about it. */
    static String summary(MemoryTable.Transfer t) {
        if (t == null) {
            return "No DMA transfer yet: a scenario's dma-transfer action cuts one into segments";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(t.memory().isEmpty() ? "memory " + t.ranges() : t.memory() + " (" + t.ranges() + ")")
                .append(", length ").append(t.length()).append(": prepare ").append(t.result());
        if (t.cursor()) {
            sb.append(", segments straight from the memory (cursor)");
        } else if (t.doubleBuffer()) {
            sb.append(", double-buffered through ").append(t.copyBuffer());
        } else if (t.bouncePages() > 0) {
            sb.append(", ").append(t.bouncePages()).append(" bounce page(s) below the device's reach");
        }
        sb.append(" — ").append(t.segments().size()).append(" segment(s)");
        if (!t.end().isEmpty()) {
            sb.append(", ").append(t.end());
        }
        return sb.toString();
    }
}
