package dev.ioscope.app.workbench.streams;

import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.streams.IOStreams.Place;
import dev.ioscope.engine.sim.streams.StreamTable;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Streams tab: one row per IOStream, its buffer IDs in the column of where each buffer is — with the driver,
 * in the output queue, with the user client, in the input queue — so stepping shows them cycling.
 */
public final class StreamsPane extends VBox {
    private final StreamsViewModel model;

    public StreamsPane(WorkbenchViewModel vm) {
        super(4);
        model = new StreamsViewModel(vm);
        setId("streamsPane");
        setPadding(new Insets(4));
        TableView<StreamTable.Row> table = new TableView<>(model.rows());
        table.setId("streamsTable");
        table.setPlaceholder(new Label("No IOStream: scenarios make one with stream-create "
                + "(docs/scenarios.md, \"Streams\")"));
        table.getColumns().add(column("Stream", StreamTable.Row::stream, 80));
        table.getColumns().add(column("State", r -> r.state() + (r.client().isEmpty() ? "" : " by " + r.client()),
                110));
        table.getColumns().add(column("Kernel", r -> ids(r, Place.KERNEL), 70));
        table.getColumns().add(column("Output queue", r -> ids(r, Place.OUTPUT_QUEUE), 90));
        table.getColumns().add(column("User", r -> ids(r, Place.USER), 70));
        table.getColumns().add(column("Input queue", r -> ids(r, Place.INPUT_QUEUE), 90));
        table.getColumns().add(column("Round trips", r -> String.valueOf(r.roundTrips()), 80));
        table.getColumns().add(column("Last", StreamTable.Row::last, 200));
        getChildren().addAll(new Label("Buffers by place: driver → output queue → user client → input queue → "
                + "driver"), table);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
    }

    /** The IDs of the buffers at {@code place}, e.g. "0 2". */
    static String ids(StreamTable.Row r, Place place) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.buffers().size(); i++) {
            if (r.buffers().get(i) == place) {
                out.add(String.valueOf(i));
            }
        }
        return String.join(" ", out);
    }

    private static TableColumn<StreamTable.Row, String> column(String title, Function<StreamTable.Row, String> f,
                                                               double width) {
        TableColumn<StreamTable.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public StreamsViewModel model() {
        return model;
    }
}
