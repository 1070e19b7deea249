package dev.ioscope.app.workbench.report;

import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.report.sampling.ReportValue;
import dev.ioscope.engine.report.sampling.ReportFrame;
import dev.ioscope.engine.report.sampling.ReportFormat;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.report.IOReportTypes;
import dev.ioscope.engine.report.ReportChannel;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.ArrayList;
import java.util.List;

/**
 * One chart per subscribed channel, drawn on a {@link Canvas} (a few hundred primitives per chart, no scene-graph
 * node per point): simple counters as sparklines over virtual time, histograms as bars per bucket with count, min,
 * max and sum, state channels as stacked residency bars with the state over time below and the transition count,
 * simple arrays as bars of their values. A virtualized list: only the visible charts are drawn.
 */
final class ReportCharts extends ListView<ReportChannel> {
    static final Color[] PALETTE = {Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"),
        Color.web("#d62728"), Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f"),
        Color.web("#bcbd22"), Color.web("#17becf")};
    private static final Font SMALL = Font.font(10);

    private final List<ChartCell> cells = new ArrayList<>();
    private ReportState state = ReportState.EMPTY;
    private long draws;
    private boolean deltas;

    ReportCharts() {
        setId("reportCharts");
        setPlaceholder(new Label("Check channels in the picker to chart them"));
        setCellFactory(v -> {
            ChartCell c = new ChartCell();
            cells.add(c);
            return c;
        });
    }

    /** Shows a new state: the list follows the subscribed channels, and every visible chart is drawn again. */
    void show(ReportState s) {
        state = s;
        if (!getItems().equals(s.subscribed())) {
            getItems().setAll(s.subscribed());
        }
        redraw();
    }

    void redraw() {
        for (ChartCell c : cells) {
            if (c.getItem() != null && !c.isEmpty()) {
                c.draw();
            }
        }
    }

    /**
     * Deltas instead of totals: counters as their change per virtual second, histograms and state residencies as
     * what happened between the first and the last frame shown.
     */
    void setDeltas(boolean on) {
        deltas = on;
        redraw();
    }

    ReportState state() {
        return state;
    }

    /** How many chart draws ran (tests; a paused dashboard draws nothing new). */
    long draws() {
        return draws;
    }

    /** The frames a channel's chart was last drawn from (tests: "the chart received samples"). */
    int samplesShown(ReportChannel ch) {
        for (ChartCell c : cells) {
            if (ch.equals(c.getItem()) && !c.isEmpty()) {
                return c.samples;
            }
        }
        return -1;
    }

    private boolean dark() {
        return getScene() != null && getScene().getRoot().getStyleClass().contains(Styles.DARK);
    }

    private final class ChartCell extends ListCell<ReportChannel> {
        private final Label title = new Label();
        private final Label facts = new Label();
        private final Canvas canvas = new Canvas(300, 48);
        private final VBox box = new VBox(2, title, canvas, facts);
        private int samples;

        ChartCell() {
            // the cell takes the list's width and the canvas follows it; a canvas that set the cell's width would
            // widen the list on every layout
            setPrefWidth(0);
            box.setPadding(new Insets(2, 4, 4, 4));
            title.setStyle("-fx-font-weight: bold");
            facts.setStyle("-fx-font-size: 0.9em");
            canvas.widthProperty().addListener((o, a, b) -> {
                if (getItem() != null) {
                    draw();
                }
            });
        }

        @Override
        protected void updateItem(ReportChannel ch, boolean empty) {
            super.updateItem(ch, empty);
            if (empty || ch == null) {
                setGraphic(null);
                return;
            }
            canvas.setHeight(switch (ch.channelType().reportFormat()) {
                case IOReportTypes.kIOReportFormatHistogram -> 84;
                case IOReportTypes.kIOReportFormatState -> 40;
                default -> 44;
            });
            setGraphic(box);
            draw();
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            double w = Math.floor(Math.max(60, getWidth() - snappedLeftInset() - snappedRightInset() - 8));
            if (canvas.getWidth() != w) {
                canvas.setWidth(w);
            }
        }

        void draw() {
            ReportChannel ch = getItem();
            if (ch == null) {
                return;
            }
            draws++;
            List<ReportFrame> frames = state.frames();
            int n = 0;
            for (ReportFrame f : frames) {
                n += f.value(ch) != null ? 1 : 0;
            }
            samples = n;
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            boolean dark = dark();
            g.setFill(dark ? Color.web("#1e1f22") : Color.web("#fafafa"));
            g.fillRect(0, 0, w, h);
            g.setStroke(dark ? Color.web("#444") : Color.web("#ddd"));
            g.strokeRect(0.5, 0.5, w - 1, h - 1);
            g.setFont(SMALL);
            ReportFrame last = lastWith(frames, ch);
            ReportValue v = last == null ? null : last.value(ch);
            title.setText(ReportFormat.path(ch));
            if (v == null) {
                facts.setText("no sample yet (" + ReportFormat.kind(ch) + ")");
                return;
            }
            Color ink = dark ? Color.web("#ddd") : Color.web("#333");
            if (v instanceof ReportValue.Simple s) {
                sparkline(g, w, h, frames, ch, deltas);
                facts.setText(simpleFacts(frames, ch, s, last));
            } else if (v instanceof ReportValue.State st) {
                ReportFrame first = deltas ? firstWith(frames, ch) : null;
                ReportValue.State shown = first != null && first != last
                        && first.value(ch) instanceof ReportValue.State a ? st.since(a) : st;
                ReportCharts.state(g, w, h, frames, ch, shown, ink);
                facts.setText(stateFacts(ch, shown) + window(first, last));
            } else if (v instanceof ReportValue.Histogram hg) {
                ReportFrame first = deltas ? firstWith(frames, ch) : null;
                ReportValue.Histogram shown = first != null && first != last
                        && first.value(ch) instanceof ReportValue.Histogram a ? hg.since(a) : hg;
                histogram(g, w, h, shown, ch.unit(), ink);
                facts.setText(histogramFacts(ch, shown) + window(first, last));
            } else if (v instanceof ReportValue.Array a) {
                array(g, w, h, a);
                facts.setText(a.values().size() + " values; last " + ReportFormat.value(
                        a.values().get(a.values().size() - 1), ch.unit()));
            }
        }
    }

    private static ReportFrame firstWith(List<ReportFrame> frames, ReportChannel ch) {
        for (ReportFrame f : frames) {
            if (f.value(ch) != null) {
                return f;
            }
        }
        return null;
    }

    /** "over the last N ms" when a window delta is shown. */
    private static String window(ReportFrame first, ReportFrame last) {
        return first == null || first == last ? ""
                : "   (over the last " + WorkbenchViewModel.formatNs(last.clockNs() - first.clockNs()) + ")";
    }

    private static ReportFrame lastWith(List<ReportFrame> frames, ReportChannel ch) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i).value(ch) != null) {
                return frames.get(i);
            }
        }
        return null;
    }

    private static String simpleFacts(List<ReportFrame> frames, ReportChannel ch, ReportValue.Simple s,
            ReportFrame last) {
        String delta = "";
        int at = frames.size() - 1;
        while (at >= 0 && frames.get(at) != last) {
            at--;
        }
        for (int i = at - 1; i >= 0; i--) {
            if (frames.get(i).value(ch) instanceof ReportValue.Simple p) {
                long d = s.value() - p.value();
                long dt = last.clockNs() - frames.get(i).clockNs();
                delta = "   Δ " + (d >= 0 ? "+" : "") + ReportFormat.value(d, ch.unit()) + " in "
                        + WorkbenchViewModel.formatNs(dt)
                        + (dt > 0 ? "   " + ReportFormat.value(Math.round(d * 1e9 / dt), ch.unit()) + "/s" : "");
                break;
            }
        }
        return "= " + ReportFormat.value(s.value(), ch.unit()) + delta;
    }

    private static String stateFacts(ReportChannel ch, ReportValue.State st) {
        StringBuilder b = new StringBuilder();
        b.append(st.current() < 0 ? "no transition yet"
                : "in " + ReportFormat.state(st.states().get(st.current()).id()));
        b.append("   ").append(st.transitions()).append(" transition(s)");
        long total = st.residency();
        for (ReportValue.Slot s : st.states()) {
            b.append("   ").append(ReportFormat.state(s.id())).append(' ')
                    .append(total <= 0 ? "0" : Math.round(100.0 * Math.max(0, s.residency()) / total)).append('%');
        }
        return b.toString();
    }

    private static String histogramFacts(ReportChannel ch, ReportValue.Histogram h) {
        long count = h.count();
        if (count == 0) {
            return "count 0";
        }
        return "count " + count + "   min " + ReportFormat.value(h.min(), ch.unit()) + "   max "
                + ReportFormat.value(h.max(), ch.unit()) + "   sum " + ReportFormat.value(h.sum(), ch.unit())
                + "   mean " + ReportFormat.value(h.sum() / count, ch.unit());
    }

    /**
     * The counter over virtual time (x) between its smallest and largest value (y), area filled; with {@code rates}
     * its change per virtual second between consecutive frames instead.
     */
    static void sparkline(GraphicsContext g, double w, double h, List<ReportFrame> frames, ReportChannel ch,
            boolean rates) {
        int n = 0;
        long[] ts = new long[frames.size()];
        double[] vs = new double[frames.size()];
        long prevT = 0;
        long prevV = 0;
        boolean havePrev = false;
        for (ReportFrame f : frames) {
            if (f.value(ch) instanceof ReportValue.Simple s) {
                if (!rates) {
                    ts[n] = f.clockNs();
                    vs[n++] = s.value();
                } else if (havePrev && f.clockNs() > prevT) {
                    ts[n] = f.clockNs();
                    vs[n++] = (s.value() - prevV) * 1e9 / (f.clockNs() - prevT);
                }
                prevT = f.clockNs();
                prevV = s.value();
                havePrev = true;
            }
        }
        if (n == 0) {
            return;
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, vs[i]);
            hi = Math.max(hi, vs[i]);
        }
        if (rates) {
            lo = Math.min(0, lo);   // a rate reads against zero
        }
        long t0 = ts[0];
        long t1 = ts[n - 1];
        double pad = 3;
        double span = hi == lo ? 1 : hi - lo;
        double[] xs = new double[n + 2];
        double[] ys = new double[n + 2];
        for (int i = 0; i < n; i++) {
            xs[i] = pad + (t1 == t0 ? (n == 1 ? w - 2 * pad : i * (w - 2 * pad) / (n - 1))
                    : (ts[i] - t0) * (w - 2 * pad) / (double) (t1 - t0));
            ys[i] = h - pad - (hi == lo ? (h - 2 * pad) / 2 : (vs[i] - lo) * (h - 2 * pad) / span);
        }
        xs[n] = xs[n - 1];
        ys[n] = h - pad;
        xs[n + 1] = xs[0];
        ys[n + 1] = h - pad;
        Color c = rates ? PALETTE[2] : PALETTE[0];
        g.setFill(c.deriveColor(0, 1, 1, 0.18));
        g.fillPolygon(xs, ys, n + 2);
        g.setStroke(c);
        g.setLineWidth(1.5);
        g.strokePolyline(xs, ys, n);
        g.setLineWidth(1);
        g.setFill(c);
        g.fillOval(xs[n - 1] - 2.5, ys[n - 1] - 2.5, 5, 5);
    }

    /** Residency shares as one stacked bar (top), and below it the state the channel was in at each frame. */
    static void state(GraphicsContext g, double w, double h, List<ReportFrame> frames, ReportChannel ch,
            ReportValue.State st, Color ink) {
        double bar = Math.round(h * 0.55);
        long total = st.residency();
        double x = 0;
        for (int i = 0; i < st.states().size(); i++) {
            ReportValue.Slot s = st.states().get(i);
            double share = total <= 0 ? 0 : Math.max(0, s.residency()) / (double) total;
            double sw = share * (w - 2);
            g.setFill(PALETTE[i % PALETTE.length]);
            g.fillRect(1 + x, 1, sw, bar);
            if (sw > 50) {
                g.setFill(Color.WHITE);
                g.fillText(ReportFormat.state(s.id()) + " " + Math.round(share * 100) + "%", 1 + x + 4, bar - 5);
            }
            x += sw;
        }
        // the state over the frames: which state was current when each frame was taken
        List<ReportFrame> pts = new ArrayList<>();
        for (ReportFrame f : frames) {
            if (f.value(ch) instanceof ReportValue.State) {
                pts.add(f);
            }
        }
        double y = bar + 3;
        double sh = h - y - 2;
        for (int i = 0; i < pts.size(); i++) {
            int cur = ((ReportValue.State) pts.get(i).value(ch)).current();
            double x0 = 1 + i * (w - 2) / pts.size();
            double x1 = 1 + (i + 1) * (w - 2) / pts.size();
            g.setFill(cur < 0 ? Color.GRAY.deriveColor(0, 1, 1, 0.3) : PALETTE[cur % PALETTE.length]);
            // whole pixels: fractional edges would leave faint seams between equal neighbours
            g.fillRect(Math.floor(x0), y, Math.max(1, Math.ceil(x1) - Math.floor(x0)), sh);
        }
        if (pts.isEmpty()) {
            g.setFill(ink);
            g.fillText("no frames", 4, h - 4);
        }
    }

    /** One bar per bucket, height = hits / the fullest bucket's hits; bucket bounds under the first, middle, last. */
    static void histogram(GraphicsContext g, double w, double h, ReportValue.Histogram hg, long unit, Color ink) {
        List<ReportValue.Bucket> bs = hg.buckets();
        long most = 1;
        for (ReportValue.Bucket b : bs) {
            most = Math.max(most, b.hits());
        }
        double label = 12;
        double top = 12;
        double area = h - label - top - 2;
        double bw = (w - 4) / Math.max(1, bs.size());
        for (int i = 0; i < bs.size(); i++) {
            ReportValue.Bucket b = bs.get(i);
            double bh = b.hits() == 0 ? 0 : Math.max(1, area * b.hits() / most);
            g.setFill(PALETTE[1]);
            g.fillRect(2 + i * bw + 1, top + area - bh, Math.max(1, bw - 2), bh);
            String hits = Long.toString(b.hits());
            if (b.hits() > 0 && bw > 6 * hits.length() + 2) {
                g.setFill(ink);
                g.fillText(hits, 2 + i * bw + 2, top + area - bh - 2);
            }
        }
        g.setFill(ink);
        int[] marks = {0, bs.size() / 2, bs.size() - 1};
        for (int i : marks) {
            if (i < 0 || i >= bs.size()) {
                continue;
            }
            long ub = bs.get(i).upperBound();
            String t = ub == Long.MAX_VALUE ? "more" : "≤" + ReportFormat.value(ub, unit);
            double tx = Math.min(w - 6 * t.length() - 2, 2 + i * bw + 1);
            g.fillText(t, Math.max(2, tx), h - 3);
        }
    }

    /** The array's values as bars against the largest magnitude. */
    static void array(GraphicsContext g, double w, double h, ReportValue.Array a) {
        long most = 1;
        for (long v : a.values()) {
            if (v != Long.MIN_VALUE) {
                most = Math.max(most, Math.abs(v));
            }
        }
        double bw = (w - 4) / Math.max(1, a.values().size());
        for (int i = 0; i < a.values().size(); i++) {
            long v = a.values().get(i);
            double bh = v == Long.MIN_VALUE ? 0 : (h - 6) * Math.abs(v) / most;
            g.setFill(PALETTE[(i % (PALETTE.length - 1)) + 1]);
            g.fillRect(2 + i * bw + 1, h - 3 - bh, Math.max(1, bw - 2), bh);
        }
    }
}
