package dev.ioscope.app.workbench;

import dev.ioscope.app.ui.FullTextCell;
import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.journal.JournalKind;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The journal as a timeline: a scrubbable strip (one tick per event, coloured by kind; the known future faded;
 * a line at the current position) over a virtualized list of the events. Picking an event in either moves the
 * machine there.
 */
final class TimelinePane extends BorderPane {
    private static final double STRIP_H = 34;
    private final WorkbenchViewModel vm;
    private final Canvas strip = new Canvas(600, STRIP_H);
    private final ListView<JournalEvent> list = new ListView<>();
    private final TextArea detail = new TextArea();
    private int scrub = -1;
    private boolean syncing;
    /** When the running list last followed the newest event, wall ns (following costs a layout of the list). */
    private long lastFollow;
    /** While running, the list follows the newest event at most this often: every frame made layout the FX cost. */
    private static final long FOLLOW_NS = 250_000_000;

    TimelinePane(WorkbenchViewModel vm) {
        this.vm = vm;
        Pane holder = new Pane(strip);
        holder.setMinHeight(STRIP_H);
        holder.setPrefHeight(STRIP_H);
        strip.widthProperty().bind(holder.widthProperty());
        strip.setId("timelineStrip");
        holder.setPadding(new Insets(0, 0, 4, 0));

        list.setId("timeline");
        list.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        list.setItems(vm.events());
        list.setCellFactory(v -> new EventCell());
        // one line per event: a fixed height spares VirtualFlow measuring cells as 100k events stream in
        list.setFixedCellSize(22);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                vm.selectEvent(b);
            }
            showDetail();
            redraw();
        });
        list.setPlaceholder(new Label("No events yet: Step or Run the machine"));
        detail.setId("eventDetail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(6);
        detail.getStyleClass().add(Styles.HEX_DUMP);
        detail.setPromptText("The event at the current position, whole: select an event to see it here");
        vm.selectedEventProperty().addListener((o, a, b) -> select(b));
        vm.events().addListener((ListChangeListener<JournalEvent>) c -> redraw());
        vm.eventsNowProperty().addListener((o, a, b) -> {
            redraw();
            if (vm.runningProperty().get()) {
                long t = System.nanoTime();
                if (b.intValue() > 0 && t - lastFollow > FOLLOW_NS) {
                    lastFollow = t;
                    list.scrollTo(b.intValue() - 1);
                }
            } else {
                list.refresh();   // the faded future moved; not per frame while running (it rebuilds every cell)
            }
        });
        vm.runningProperty().addListener((o, a, b) -> {
            if (!b) {
                list.refresh();
                follow();
            }
        });
        vm.eventsNowProperty().addListener((o, a, b) -> {
            if (!vm.runningProperty().get()) {
                follow();   // Back, Step, Undo: the list and the detail go to the new position
            }
        });
        strip.widthProperty().addListener((o, a, b) -> redraw());
        strip.setOnMousePressed(e -> scrubTo(e.getX()));
        strip.setOnMouseDragged(e -> scrubTo(e.getX()));
        strip.setOnMouseReleased(e -> {
            if (scrub >= 0 && scrub < vm.events().size()) {
                JournalEvent ev = vm.events().get(scrub);
                scrub = -1;
                vm.selectEvent(ev);
            }
        });
        Label title = new Label("Journal");
        title.getStyleClass().add("workbench-title");
        setTop(new VBox(2, title, legend(), holder));
        SplitPane split = new SplitPane(list, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.74);
        setCenter(split);
    }

    /**
     * After the position moved (Run stopped, Back, Step, Undo): an event selected within the current step stays;
     * otherwise the list and the detail go to the last event of the new position.
     */
    private void follow() {
        int now = vm.eventsNowProperty().get();
        JournalEvent sel = list.getSelectionModel().getSelectedItem();
        boolean inStep = sel != null && sel.seq() < now && sel.seq() >= vm.stepFromProperty().get();
        if (!inStep && now > 0) {
            syncing = true;
            try {
                list.getSelectionModel().clearSelection();
            } finally {
                syncing = false;
            }
            list.scrollTo(Math.max(0, now - 4));
        }
        showDetail();
    }

    /** The selected event, or else the last event at the current position. */
    private void showDetail() {
        JournalEvent e = list.getSelectionModel().getSelectedItem();
        int now = vm.eventsNowProperty().get();
        if (e == null && now > 0 && now <= vm.events().size()) {
            e = vm.events().get(now - 1);
        }
        detail.setText(EventDetail.text(e));
    }

    TextArea detail() {
        return detail;
    }

    /** What the colours mean: one sample kind per colour of {@link EventColors}. */
    private static FlowPane legend() {
        var box = new FlowPane(8, 2);
        Map<JournalKind, String> items = new LinkedHashMap<>();
        items.put(JournalKind.KEXT_LOAD, "kext");
        items.put(JournalKind.REGISTRY_ATTACH, "registry");
        items.put(JournalKind.MATCH_ACCEPT, "match");
        items.put(JournalKind.MATCH_REJECT, "reject");
        items.put(JournalKind.MATCH_CATEGORY_TAKEN, "taken");
        items.put(JournalKind.PROBE_SCORE, "probe");
        items.put(JournalKind.SERVICE_START, "service");
        items.put(JournalKind.SERVICE_TERMINATE, "terminate");
        items.put(JournalKind.POWER_CHANGE_BEGIN, "power");
        items.put(JournalKind.USERCLIENT_CALL, "user client");
        items.put(JournalKind.NOTIFY_DELIVER, "notify");
        items.put(JournalKind.SERVICE_START_FAILED, "failure");
        for (Map.Entry<JournalKind, String> it : items.entrySet()) {
            Rectangle r = new Rectangle(9, 9, EventColors.of(it.getKey()));
            Label l = new Label(it.getValue(), r);
            l.setStyle("-fx-font-size: 0.85em;");
            l.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
        return box;
    }

    ListView<JournalEvent> list() {
        return list;
    }

    private void select(JournalEvent e) {
        syncing = true;
        try {
            if (e == null) {
                list.getSelectionModel().clearSelection();
            } else if (e.seq() < vm.events().size()) {
                list.getSelectionModel().select((int) e.seq());
                list.scrollTo(Math.max(0, (int) e.seq() - 3));
            }
        } finally {
            syncing = false;
        }
        redraw();
    }

    private void scrubTo(double x) {
        int n = vm.events().size();
        if (n == 0) {
            return;
        }
        scrub = (int) Math.max(0, Math.min(n - 1, Math.floor(x * n / Math.max(1, strip.getWidth()))));
        redraw();
    }

    private void redraw() {
        GraphicsContext g = strip.getGraphicsContext2D();
        double w = strip.getWidth();
        boolean dark = getScene() != null && getScene().getRoot().getStyleClass().contains(
                Styles.DARK);
        Color ink = dark ? Color.web("#e6e6e9") : Color.BLACK;
        g.setFill(dark ? Color.web("#161b22") : Color.web("#f4f4f4"));
        g.fillRect(0, 0, w, STRIP_H);
        int n = vm.events().size();
        if (n == 0) {
            return;
        }
        int now = vm.eventsNowProperty().get();
        double dx = w / n;
        if (n <= w) {
            for (int i = 0; i < n; i++) {
                g.setGlobalAlpha(i < now ? 1.0 : 0.3);
                g.setFill(EventColors.of(vm.events().get(i).kind()));
                g.fillRect(Math.floor(i * dx), 6, Math.max(1, Math.ceil(dx) - (dx > 3 ? 1 : 0)), STRIP_H - 12);
            }
        } else {
            // more events than pixels: one column per pixel, coloured by its last event (O(width) per frame)
            for (int c = 0; c < (int) w; c++) {
                int i = (int) Math.min(n - 1, Math.floor((c + 1) * (double) n / w) - 1);
                g.setGlobalAlpha(i < now ? 1.0 : 0.3);
                g.setFill(EventColors.of(vm.events().get(Math.max(0, i)).kind()));
                g.fillRect(c, 6, 1, STRIP_H - 12);
            }
        }
        g.setGlobalAlpha(1);
        g.setStroke(ink);
        g.setLineWidth(2);
        double xNow = Math.min(w - 1, now * dx);
        g.strokeLine(xNow, 0, xNow, STRIP_H);
        int sel = scrub >= 0 ? scrub : list.getSelectionModel().getSelectedIndex();
        if (sel >= 0) {
            double x = sel * dx + dx / 2;
            g.setFill(ink);
            g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {0, 0, 6}, 3);
            g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {STRIP_H, STRIP_H, STRIP_H - 6}, 3);
        }
    }

    /** One event: its colour, sequence, time, kind, entry and details; the known future faded. */
    private final class EventCell extends ListCell<JournalEvent> {
        private final Rectangle swatch = new Rectangle(10, 10);
        private final Label text = new Label();
        private final HBox box = new HBox(6, swatch, text);
        /** The line is cut at the list's width; the whole event is a tooltip away (and in the detail pane). */
        EventCell() {
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(JournalEvent e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                FullTextCell.show(this, null);
                return;
            }
            swatch.setFill(EventColors.of(e.kind()));
            StringBuilder sb = new StringBuilder();
            sb.append('#').append(e.seq()).append("  ").append(WorkbenchViewModel.formatNs(e.t())).append("  ")
                    .append(e.kind().id());
            if (!e.entry().isEmpty()) {
                sb.append("  ").append(e.entry());
            }
            e.details().forEach((k, v) -> sb.append("  ").append(k).append('=').append(v));
            text.setText(sb.toString());
            FullTextCell.show(this, sb.toString());
            boolean future = e.seq() >= vm.eventsNowProperty().get();
            boolean current = !future && e.seq() >= vm.stepFromProperty().get();
            box.setOpacity(future ? 0.45 : 1.0);
            text.setStyle(current ? "-fx-font-weight: bold;" : "");
            setGraphic(box);
            setText(null);
        }
    }
}
