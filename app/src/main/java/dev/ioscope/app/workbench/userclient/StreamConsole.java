package dev.ioscope.app.workbench.userclient;

import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.streams.StreamAction;
import dev.ioscope.engine.sim.streams.StreamAction.StreamClose;
import dev.ioscope.engine.sim.streams.StreamAction.StreamDequeueInput;
import dev.ioscope.engine.sim.streams.StreamAction.StreamDequeueOutput;
import dev.ioscope.engine.sim.streams.StreamAction.StreamEnqueueInput;
import dev.ioscope.engine.sim.streams.StreamAction.StreamEnqueueOutput;
import dev.ioscope.engine.sim.streams.StreamAction.StreamOpen;
import dev.ioscope.engine.sim.streams.StreamAction.StreamStart;
import dev.ioscope.engine.sim.streams.StreamAction.StreamStop;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.streams.IOStreams.Place;
import dev.ioscope.engine.sim.streams.StreamTable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The console's IOStream part: a stream a driver published (scenario {@code stream-create}) is opened through its
 * IOStreamUserClient, started, and its buffers moved by hand — the user client dequeues output and gives buffers
 * back on the input queue, the driver (played here too, so a stream can be driven alone) sends a buffer and takes
 * one back. Every button is a scenario action at the current time (docs/scenarios.md, "Streams"), so it is in the
 * history, survives step back and replays; the line below says where each buffer is now (rules ST1-ST6), as the
 * Streams tab does.
 */
final class StreamConsole extends TitledPane {
    private final WorkbenchViewModel vm;
    private final Supplier<String> service;
    private final ComboBox<String> stream = new ComboBox<>();
    private final TextField client = new TextField("console");
    private final TextField buffer = new TextField();
    private final Label places = new Label();
    private StreamTable table = new StreamTable();
    private JournalEvent lastFed;
    private Map<String, StreamTable.Row> rows = Map.of();

    StreamConsole(WorkbenchViewModel vm, Supplier<String> service) {
        this.vm = vm;
        this.service = service;
        setText("IOStream (IOStreamUserClient)");
        setId("ucStream");
        stream.setId("ucStreamName");
        stream.setPrefWidth(120);
        HBox.setHgrow(stream, Priority.ALWAYS);
        stream.setMaxWidth(Double.MAX_VALUE);
        client.setId("ucStreamClient");
        client.setPrefColumnCount(6);
        buffer.setId("ucStreamBuffer");
        buffer.setPrefColumnCount(3);
        buffer.setPromptText("auto");
        places.setId("ucStreamPlaces");
        places.setWrapText(true);
        HBox open = row(new Label("Stream"), stream, new Label("client"), client);
        FlowPane control = new FlowPane(6, 4,
                button("ucStreamOpen", "Open", () -> act(new StreamOpen(stream.getValue(), clientName()))),
                button("ucStreamStart", "Start", () -> act(new StreamStart(stream.getValue(), clientName()))),
                button("ucStreamStop", "Stop", () -> act(new StreamStop(stream.getValue(), clientName()))),
                button("ucStreamClose", "Close", () -> act(new StreamClose(stream.getValue(), clientName()))));
        control.setAlignment(Pos.CENTER_LEFT);
        FlowPane move = new FlowPane(6, 4, new Label("buffer"), buffer, new Label("User client:"),
                button("ucStreamDequeueOutput", "Dequeue output",
                        () -> act(new StreamDequeueOutput(stream.getValue(), clientName()))),
                button("ucStreamEnqueueInput", "Enqueue input", this::enqueueInput),
                new Label("Driver:"),
                button("ucStreamSend", "Send output", this::sendOutput),
                button("ucStreamTake", "Take input", () -> act(new StreamDequeueInput(stream.getValue()))));
        move.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, open, control, move, places);
        box.setPadding(new Insets(4));
        setContent(box);
        setExpanded(true);
        stream.valueProperty().addListener((o, a, b) -> showPlaces());
        vm.eventsNowProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private Button button(String id, String text, Runnable r) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            if (stream.getValue() == null) {
                vm.statusProperty().set("no stream: a driver publishes one with stream-create");
                return;
            }
            r.run();
        });
        b.disableProperty().bind(vm.runningProperty());
        return b;
    }

    private static HBox row(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Labeled l) {
                l.setMinWidth(Label.USE_PREF_SIZE);
            }
        }
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private String clientName() {
        String c = client.getText() == null ? "" : client.getText().trim();
        return c.isEmpty() ? "console" : c;
    }

    /** The user client gives a buffer back: the one typed, else the first it holds. */
    private void enqueueInput() {
        Integer b = chosen(Place.USER);
        if (b == null) {
            vm.statusProperty().set("the user client holds no buffer: dequeue output first");
            return;
        }
        act(new StreamEnqueueInput(stream.getValue(), clientName(), JsonValue.of(String.valueOf(b)), null));
    }

    /** The driver sends a buffer on the output queue: the one typed, else the first it holds. */
    private void sendOutput() {
        Integer b = chosen(Place.KERNEL);
        if (b == null) {
            vm.statusProperty().set("the driver holds no buffer: the client must give one back");
            return;
        }
        act(new StreamEnqueueOutput(stream.getValue(), JsonValue.of(String.valueOf(b)), JsonValue.of("4096")));
    }

    /** The buffer typed (any: the engine refuses one held elsewhere, ST6), or the first at {@code place}. */
    private Integer chosen(Place place) {
        String t = buffer.getText() == null ? "" : buffer.getText().trim();
        if (t.matches("\\d{1,9}")) {
            return Integer.parseInt(t);
        }
        StreamTable.Row r = rows.get(stream.getValue());
        if (r != null) {
            for (int i = 0; i < r.buffers().size(); i++) {
                if (r.buffers().get(i) == place) {
                    return i;
                }
            }
        }
        return null;
    }

    private void act(StreamAction op) {
        vm.userClientAction(op);
    }

    /** The streams as the journal tells them at the current position. */
    void refresh() {
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
        Map<String, StreamTable.Row> byName = new LinkedHashMap<>();
        table.rows().forEach(r -> byName.put(r.stream(), r));
        rows = byName;
        List<String> names = new ArrayList<>(byName.keySet());
        if (!names.equals(stream.getItems())) {
            String keep = stream.getValue();
            stream.getItems().setAll(names);
            stream.setValue(names.contains(keep) ? keep : preferred(byName));
        } else if (stream.getValue() == null && !names.isEmpty()) {
            stream.setValue(preferred(byName));
        }
        setVisible(!names.isEmpty());
        setManaged(!names.isEmpty());
        showPlaces();
    }

    /** The stream of the service picked above, else the first. */
    private String preferred(Map<String, StreamTable.Row> byName) {
        String s = service.get();
        return byName.values().stream().filter(r -> !r.owner().isEmpty() && r.owner().equals(s)).map(
                StreamTable.Row::stream).findFirst().orElse(byName.isEmpty() ? null : byName.keySet().iterator()
                .next());
    }

    private void showPlaces() {
        StreamTable.Row r = rows.get(stream.getValue());
        places.setText(r == null ? "" : describe(r));
    }

    /** e.g. "open by console, started · driver 1 2 · output queue 0 · user — · input queue — · 0 round trips". */
    static String describe(StreamTable.Row r) {
        return r.state() + (r.client().isEmpty() ? "" : " by " + r.client())
                + (r.owner().isEmpty() ? "" : " (" + r.owner() + ")")
                + " · driver " + ids(r, Place.KERNEL) + " · output queue " + ids(r, Place.OUTPUT_QUEUE)
                + " · user " + ids(r, Place.USER) + " · input queue " + ids(r, Place.INPUT_QUEUE)
                + " · " + r.roundTrips() + " round trip(s)" + (Objects.toString(r.last(), "").isEmpty() ? ""
                : " · last: " + r.last());
    }

    private static String ids(StreamTable.Row r, Place p) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.buffers().size(); i++) {
            if (r.buffers().get(i) == p) {
                out.add(String.valueOf(i));
            }
        }
        return out.isEmpty() ? "—" : String.join(" ", out);
    }
}
