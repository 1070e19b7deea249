package dev.ioscope.app.workbench.memory;

import dev.ioscope.app.ui.Resources;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.MemoryTable;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/**
 * The Memory &amp; DMA tab (I/O Kit ▸ Memory &amp; DMA): the live memory descriptors — class, owner, direction,
 * length and capacity, wire count (read-only when wired for output), maps, and whether a released one is still
 * held by a map — and below, the latest DMA transfer as the device gets it: the segments in order, bounce pages
 * and copy-buffer segments marked (docs/interrupts-and-dma.md).
 */
public final class MemoryPane extends VBox {
    /** The style class of a segment the device reaches through a bounce page or the copy buffer. */
    public static final String BOUNCE = "dma-bounce";

    private final MemoryViewModel model;

    public MemoryPane(WorkbenchViewModel vm) {
        super(4);
        model = new MemoryViewModel(vm);
        setId("memoryPane");
        setPadding(new Insets(4));
        getStylesheets().add(Resources.css("workbench/memory.css"));

        TableView<MemoryTable.Descriptor> descriptors = new TableView<>(model.descriptors());
        descriptors.setId("memoryDescriptors");
        descriptors.setPlaceholder(new Label("No memory descriptor: scenarios make them with memory-create "
                + "(docs/scenarios.md, \"Memory\")"));
        descriptors.getColumns().add(column("Name", MemoryTable.Descriptor::name, 60));
        descriptors.getColumns().add(column("Dir", MemoryTable.Descriptor::direction, 42));
        descriptors.getColumns().add(column("Length / cap.", d -> d.length()
                + (d.capacity().isEmpty() ? "" : " / " + d.capacity()), 118));
        descriptors.getColumns().add(column("Wired", d -> d.wireCount() + (d.readOnly() ? " ro" : ""), 56));
        descriptors.getColumns().add(column("Maps", d -> String.valueOf(d.maps().size()), 50));
        descriptors.getColumns().add(column("State", MemoryTable.Descriptor::state, 110));
        descriptors.getColumns().add(column("Last", MemoryTable.Descriptor::last, 110));
        descriptors.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Label details = new Label();
        details.setId("memoryDetails");
        details.setWrapText(true);
        details.setMinHeight(Label.USE_PREF_SIZE);
        Runnable showDetails = () -> {
            MemoryTable.Descriptor d = descriptors.getSelectionModel().getSelectedItem();
            if (d == null && !model.descriptors().isEmpty()) {
                d = model.descriptors().get(0);
            }
            details.setText(d == null ? "" : MemoryViewModel.details(d));
        };
        descriptors.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetails.run());
        model.descriptors().addListener((ListChangeListener<MemoryTable.Descriptor>) c -> showDetails.run());
        showDetails.run();

        Label summary = new Label();
        summary.setId("dmaSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Label.USE_PREF_SIZE);
        model.transferProperty().addListener((o, a, t) -> summary.setText(MemoryViewModel.summary(t)));
        summary.setText(MemoryViewModel.summary(model.transferProperty().get()));

        TableView<MemoryTable.Segment> segments = new TableView<>(model.segments());
        segments.setId("dmaSegments");
        segments.setPlaceholder(new Label("No segments"));
        segments.getColumns().add(segmentColumn("#", s -> String.valueOf(s.index()), 40));
        segments.getColumns().add(segmentColumn("Device address", MemoryTable.Segment::address, 130));
        segments.getColumns().add(segmentColumn("Length", MemoryTable.Segment::length, 90));
        segments.getColumns().add(segmentColumn("Through", s -> s.bounce() ? "bounce page (a low copy)"
                : "the memory", 200));
        segments.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        segments.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(MemoryTable.Segment s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().remove(BOUNCE);
                if (!empty && s != null && s.bounce()) {
                    getStyleClass().add(BOUNCE);
                }
            }
        });

        Label top = new Label("Memory descriptors: wiring (prepare/complete), maps, lifetime");
        top.getStyleClass().add("workbench-title");
        Label bottom = new Label("Latest DMA transfer, as IODMACommand cuts it into segments");
        bottom.getStyleClass().add("workbench-title");
        VBox upper = new VBox(4, top, descriptors, details);
        VBox lower = new VBox(4, bottom, summary, segments);
        VBox.setVgrow(descriptors, Priority.ALWAYS);
        VBox.setVgrow(segments, Priority.ALWAYS);
        upper.setMinHeight(0);
        lower.setMinHeight(0);
        SplitPane split = new SplitPane(upper, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().add(split);
    }

    private static TableColumn<MemoryTable.Descriptor, String> column(String title,
            Function<MemoryTable.Descriptor, String> f, double width) {
        TableColumn<MemoryTable.Descriptor, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        return c;
    }

    private static TableColumn<MemoryTable.Segment, String> segmentColumn(String title,
            Function<MemoryTable.Segment, String> f, double width) {
        TableColumn<MemoryTable.Segment, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public MemoryViewModel model() {
        return model;
    }
}
