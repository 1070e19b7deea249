package dev.ioscope.app.workbench.power;

import dev.ioscope.app.ui.Styles;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.JournalEvent;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One swim lane per power-tree member over virtual time, read from the journal by {@link PowerLanes}: coloured
 * segments (off / low / on / changing) under a step line of the state ordinal, a time axis on top and a red
 * cursor at the current position's clock. Time after the cursor is the known future (an earlier run) and is
 * faded, as on the timeline. Clicking a lane selects its entry; double-clicking also moves the machine to the
 * event that started the segment under the mouse. A change takes µs in a picture of seconds: Ctrl + wheel zooms
 * the time axis around the mouse, a double click on the axis shows everything again.
 */
final class PowerSwimLanes extends ScrollPane {
    static final double LABEL_W = 150;
    static final double LANE_H = 30;
    static final double AXIS_H = 22;
    private static final double RIGHT = 10;
    private final WorkbenchViewModel vm;
    private final Pane holder = new Pane();
    private final Canvas canvas = new Canvas();
    private PowerLanes.Reader reader = new PowerLanes.Reader();
    private PowerLanes lanes = new PowerLanes(List.of(), 0);
    private boolean scheduled;
    private final Map<String, String> fitted = new HashMap<>();
    /** The time shown, ns; {@code zoomTo} &lt;= 0: everything known. */
    private double zoomFrom;
    private double zoomTo;
    /** The power action whose changes the zoom followed to their end (it is then the user's again). */
    private long followedUntil = -1;

    PowerSwimLanes(WorkbenchViewModel vm) {
        this.vm = vm;
        setId("powerLanes");
        holder.getChildren().add(canvas);
        setContent(holder);
        setFitToWidth(true);
        widthProperty().addListener((o, a, b) -> later());
        viewportBoundsProperty().addListener((o, a, b) -> later());
        vvalueProperty().addListener((o, a, b) -> draw());
        vm.events().addListener((ListChangeListener<JournalEvent>) c -> later());
        vm.panelState(PowerRow.STATE).addListener((o, a, b) -> later());
        vm.clockNsProperty().addListener((o, a, b) -> later());
        vm.eventsNowProperty().addListener((o, a, b) -> later());
        vm.selectedEntryProperty().addListener((o, a, b) -> later());
        canvas.setOnScroll(e -> {
            if (e.isControlDown() && e.getDeltaY() != 0 && e.getX() > LABEL_W) {
                zoom(timeAt(e.getX()), e.getDeltaY() > 0 ? 0.5 : 2);
                e.consume();
            }
        });
        Tooltip.install(canvas, new Tooltip(
                "click: select the device · double click: go to that change · Ctrl+wheel: zoom time · "
                        + "double click on the axis: show all"));
        canvas.setOnMouseClicked(e -> {
            if (e.getY() < AXIS_H && e.getClickCount() == 2) {
                followedUntil = vm.powerActionAtProperty().get();
                zoomTo = 0;
                draw();
                return;
            }
            int i = (int) Math.floor((e.getY() - AXIS_H + offset()) / LANE_H);
            if (e.getY() < AXIS_H || i < 0 || i >= lanes.lanes().size()) {
                return;
            }
            PowerLanes.Lane lane = lanes.lanes().get(i);
            vm.selectedEntryProperty().set(lane.path());
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.getX() > LABEL_W) {
                PowerLanes.Segment s = lane.at(timeAt(e.getX()));
                if (s != null && s.seq() < vm.events().size()) {
                    vm.selectEvent(vm.events().get((int) s.seq()));
                }
            }
        });
        later();
    }

    /** The lanes drawn now (tests). */
    PowerLanes lanes() {
        return lanes;
    }

    /** Redraws once on the next pulse however many changes arrive in this one (a run changes several a frame). */
    private void later() {
        if (!scheduled) {
            scheduled = true;
            Platform.runLater(() -> {
                scheduled = false;
                refresh();
            });
        }
    }

    private void refresh() {
        List<JournalEvent> history = vm.events();
        int fed = reader.fed();
        if (history.size() < fed || (fed > 0 && history.get(fed - 1) != reader.last())) {
            reader = new PowerLanes.Reader();   // cut back (an action was added): read again
        }
        for (int i = reader.fed(); i < history.size(); i++) {
            reader.feed(history.get(i));
        }
        lanes = reader.lanes(vm.panelState(PowerRow.STATE).get().stream().map(PowerRow::path).toList(),
                vm.clockNsProperty().get());
        zoomToTriggered();
        draw();
    }

    private double width() {
        return Math.max(LABEL_W + 120, getViewportBounds() == null ? getWidth() : getViewportBounds().getWidth());
    }

    /**
     * A lane's label, the name cut with an ellipsis so that it and {@code suffix} fit the label column (measured
     * once per text: every frame draws them all).
     */
    private String fitted(String name, String suffix, boolean bold) {
        return fitted.computeIfAbsent((bold ? "b" : "n") + name + suffix, k -> {
            var t = new Text(name + suffix);
            t.setFont(Font.font(null, bold ? FontWeight.BOLD : FontWeight.NORMAL, 11));
            String s = name;
            while (s.length() > 4 && t.getLayoutBounds().getWidth() > LABEL_W - 12) {
                s = s.substring(0, s.length() - 1);
                t.setText(s + "…" + suffix);
            }
            return t.getText();
        });
    }

    /**
     * After a power action the lanes show the changes it set off: from the action's time to the end of the
     * changes that began after it (while they last, the window follows them), with a margin either side. A zoom
     * by hand, or a double click on the axis, ends the following.
     */
    private void zoomToTriggered() {
        long at = vm.powerActionAtProperty().get();
        if (at < 0 || at == followedUntil) {
            return;
        }
        PowerLanes.Span span = lanes.changesFrom(at);
        if (span == null) {
            return;   // not run to the change yet
        }
        double width = Math.max(1_000, span.toNs() - at);
        zoomFrom = Math.max(0, at - width * 0.15);
        zoomTo = span.toNs() + width * 0.15;
        if (!span.open()) {
            followedUntil = at;   // the change has ended: leave the zoom to the user from now on
        }
    }

    /** The time window shown, ns (tests). */
    double[] shown() {
        return new double[] {from(), to()};
    }

    /** Zooms the time axis by {@code factor} keeping {@code t} under the mouse (never below 1 µs shown). */
    void zoom(long t, double factor) {
        followedUntil = vm.powerActionAtProperty().get();
        double from = from();
        double to = to();
        double span = Math.max(1_000, (to - from) * factor);
        double share = (t - from) / Math.max(1, to - from);
        zoomFrom = Math.max(0, t - share * span);
        zoomTo = zoomFrom + span;
        if (zoomTo >= lanes.endNs() && zoomFrom <= 0) {
            zoomTo = 0;   // all of it again
        }
        draw();
    }

    private double from() {
        return zoomTo > 0 ? zoomFrom : 0;
    }

    private double to() {
        return zoomTo > 0 ? zoomTo : Math.max(1, lanes.endNs());
    }

    private double xOf(long t) {
        return LABEL_W + (width() - LABEL_W - RIGHT) * ((t - from()) / (to() - from()));
    }

    private long timeAt(double x) {
        return (long) (from() + (x - LABEL_W) / (width() - LABEL_W - RIGHT) * (to() - from()));
    }

    /**
     * How far the lanes are scrolled, px. The canvas is only as tall as the view and moves with the scrolling
     * (a canvas as tall as hundreds of lanes would pass the largest texture the pipeline draws); the time axis
     * stays on top.
     */
    private double offset() {
        double view = getViewportBounds() == null ? 0 : getViewportBounds().getHeight();
        return Math.max(0, getVvalue() * (fullHeight() - view));
    }

    private double fullHeight() {
        return AXIS_H + Math.max(1, lanes.lanes().size()) * LANE_H + 4;
    }

    private void draw() {
        double w = width();
        double full = fullHeight();
        double view = getViewportBounds() == null || getViewportBounds().getHeight() <= 0 ? full
                : getViewportBounds().getHeight();
        double h = Math.min(full, view);
        double off = offset();
        holder.setPrefHeight(full);
        canvas.setWidth(w);
        canvas.setHeight(h);
        canvas.setLayoutY(off);
        boolean dark = getScene() != null && getScene().getRoot().getStyleClass().contains(
                Styles.DARK);
        Color fg = dark ? Color.web("#dddddd") : Color.web("#222222");
        Color bg = dark ? Color.web("#2b2b2b") : Color.web("#ffffff");
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(bg);
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        if (lanes.lanes().isEmpty()) {
            g.setFill(fg);
            g.fillText("No power-managed device yet: lanes start at registerPowerDriver", 8, AXIS_H + LANE_H / 2);
            return;
        }
        long step = step(w);
        grid(g, step, h, fg);
        String selected = vm.selectedEntryProperty().get();
        int first = (int) Math.max(0, Math.floor(off / LANE_H));
        int last = (int) Math.min(lanes.lanes().size() - 1, Math.ceil((off + h) / LANE_H));
        for (int i = first; i <= last; i++) {
            lane(g, lanes.lanes().get(i), AXIS_H + i * LANE_H - off, w, fg,
                    lanes.lanes().get(i).path().equals(selected));
        }
        g.save();
        g.beginPath();
        g.rect(LABEL_W, 0, w - LABEL_W, h);
        g.clip();
        for (int i = first; i <= last; i++) {
            segments(g, lanes.lanes().get(i), AXIS_H + i * LANE_H - off, fg);
        }
        long now = vm.clockNsProperty().get();
        double cx = Math.max(LABEL_W, Math.min(xOf(now), w));
        g.setFill(Color.color(bg.getRed(), bg.getGreen(), bg.getBlue(), 0.55));   // the known future, faded
        g.fillRect(cx, AXIS_H, w - cx, h - AXIS_H);
        g.restore();
        header(g, step, w, fg, bg);
        g.setStroke(Color.web("#d62728"));
        g.setLineWidth(1.5);
        if (cx < w) {
            g.strokeLine(cx, 2, cx, h);
        }
    }

    /** Ticks about 90 px apart. */
    private long step(double w) {
        return PowerTimeAxis.niceStep((to() - from()) / Math.max(1, (w - LABEL_W) / 90));
    }

    /** The ticks' lines down the lanes, behind them. */
    private void grid(GraphicsContext g, long step, double h, Color fg) {
        g.setStroke(fg.deriveColor(0, 1, 1, 0.25));
        g.setLineWidth(1);
        for (long t = ((long) from() + step - 1) / step * step; t <= to(); t += step) {
            g.strokeLine(xOf(t), AXIS_H - 4, xOf(t), h);
        }
    }

    /** The time labels, on top of lanes scrolled under them. */
    private void header(GraphicsContext g, long step, double w, Color fg, Color bg) {
        g.setFill(bg);
        g.fillRect(0, 0, w, AXIS_H);
        g.setFill(fg);
        g.setStroke(fg.deriveColor(0, 1, 1, 0.25));
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.CENTER);
        for (long t = ((long) from() + step - 1) / step * step; t <= to(); t += step) {
            g.strokeLine(xOf(t), AXIS_H - 4, xOf(t), AXIS_H);
            g.fillText(PowerTimeAxis.label(t, step), Math.max(LABEL_W + 12, Math.min(xOf(t), w - 24)), AXIS_H / 2 - 1);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    private void lane(GraphicsContext g, PowerLanes.Lane lane, double y, double w, Color fg, boolean selected) {
        if (selected) {
            g.setFill(Color.web("#1565c0", 0.15));
            g.fillRect(0, y, w, LANE_H);
        }
        g.setFill(fg);
        g.setFont(Font.font(null, selected ? FontWeight.BOLD : FontWeight.NORMAL, 11));
        g.fillText(fitted(lane.name(), "  (" + lane.states() + ")", selected), 6, y + LANE_H / 2);
        g.setFont(Font.font(11));
        g.setStroke(fg.deriveColor(0, 1, 1, 0.15));
        g.strokeLine(LABEL_W, y + LANE_H, w - RIGHT, y + LANE_H);
    }

    private void segments(GraphicsContext g, PowerLanes.Lane lane, double y, Color fg) {
        double top = y + 5;
        double span = LANE_H - 10;
        double prevY = Double.NaN;
        double pen = Double.NaN;
        long prevTo = Long.MIN_VALUE;
        for (PowerLanes.Segment s : lane.segments()) {
            boolean joined = s.fromNs() == prevTo;
            // a change of µs in a picture of seconds still gets 2 px, pushing what follows a little right
            double x1 = joined ? Math.max(xOf(s.fromNs()), pen) : xOf(s.fromNs());
            double x2 = Math.max(xOf(s.toNs()), x1 + (s.changing() ? 2 : 0.5));
            g.setFill(s.kind(lane.states()).color().deriveColor(0, 1, 1, 0.75));
            g.fillRect(x1, top, x2 - x1, span);
            double level = lane.states() <= 1 ? 0 : s.state() / (double) (lane.states() - 1);
            double sy = top + span - level * span;
            g.setStroke(fg);
            g.setLineWidth(1.5);
            if (joined) {
                g.strokeLine(x1, prevY, x1, sy);   // the step
            }
            g.strokeLine(x1, sy, x2, sy);
            pen = x2;
            prevY = sy;
            prevTo = s.toNs();
        }
    }
}
