package dev.ioscope.app.workbench.userclient;

import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.userclient.IODataQueueLayout;
import dev.ioscope.engine.userclient.IODataQueueView;
import dev.ioscope.engine.userclient.UserClientConnection;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * A mapped {@code IOSharedDataQueue} as the user side sees it (IODataQueueShared.h): the queue area as a strip,
 * each live entry from head to tail as a block (its 4-byte size header darker than its data), the head above
 * the strip, the tail below, wrap markers (a size left at an old tail that sends the reader back to 0) in red,
 * and the entries' bytes listed under it. Redrawn from each published copy, so it is live as the machine runs.
 */
final class DataQueueView extends VBox {
    private static final double HEIGHT = 64;
    private static final double STRIP_TOP = 22;
    private static final double STRIP_HEIGHT = 18;

    private final Canvas canvas = new Canvas(420, HEIGHT);
    private final Label title = new Label();
    private final Label entries = new Label();

    DataQueueView() {
        super(2);
        getStyleClass().add("uc-queue");
        entries.getStyleClass().add(Styles.HEX_DUMP);
        entries.setWrapText(true);
        getChildren().addAll(title, canvas, entries);
        widthProperty().addListener((o, a, w) -> canvas.setWidth(Math.max(200, w.doubleValue() - 4)));
        canvas.widthProperty().addListener((o, a, w) -> {
            if (canvas.getUserData() instanceof IODataQueueView.State q) {
                draw(q);
            }
        });
    }

    void show(UserClientConnection.Mapping m) {
        IODataQueueView.State q = m.queue();
        title.setText("memory type " + m.memoryType() + ": data queue, queueSize " + q.queueSize() + "  head "
                + q.head() + "  tail " + q.tail() + "  " + q.entries().size() + " entr"
                + (q.entries().size() == 1 ? "y" : "ies") + (q.corrupt() ? "  (corrupt)" : ""));
        entries.setText(entryLines(m));
        canvas.setUserData(q);
        draw(q);
    }

    /** Each live entry: its offset in the queue area, size and bytes (from the mapping's hex). */
    static String entryLines(UserClientConnection.Mapping m) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (IODataQueueView.Entry e : m.queue().entries()) {
            int from = 2 * (IODataQueueLayout.DATA_QUEUE_MEMORY_HEADER_SIZE + e.offset()
                    + IODataQueueLayout.DATA_QUEUE_ENTRY_HEADER_SIZE);
            int to = Math.min(m.hex().length(), from + 2 * e.size());
            sb.append("#").append(i++).append(" @").append(e.offset()).append("  ").append(e.size())
                    .append(" byte(s)  ").append(from < to ? m.hex().substring(from, to) : "").append('\n');
        }
        return sb.length() == 0 ? "empty (head == tail)" : sb.toString().strip();
    }

    private void draw(IODataQueueView.State q) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.clearRect(0, 0, w, HEIGHT);
        double left = 8;
        double span = w - 16;
        int size = Math.max(1, q.queueSize());
        g.setFill(Color.web("#e4e4e8"));
        g.fillRect(left, STRIP_TOP, span, STRIP_HEIGHT);
        for (IODataQueueView.Entry e : q.entries()) {
            double x = left + span * e.offset() / size;
            double header = span * IODataQueueLayout.DATA_QUEUE_ENTRY_HEADER_SIZE / size;
            double data = span * e.size() / size;
            g.setFill(Color.web("#2e7d32"));
            g.fillRect(x, STRIP_TOP, header, STRIP_HEIGHT);
            g.setFill(Color.web("#81c784"));
            g.fillRect(x + header, STRIP_TOP, data, STRIP_HEIGHT);
            g.setStroke(Color.web("#1b5e20"));
            g.strokeRect(x, STRIP_TOP, header + data, STRIP_HEIGHT);
        }
        g.setStroke(Color.web("#d62728"));
        for (int marker : q.wrapMarkers()) {
            double x = left + span * marker / size;
            g.strokeLine(x, STRIP_TOP - 2, x, STRIP_TOP + STRIP_HEIGHT + 2);
        }
        g.setStroke(Color.web("#8a8a90"));
        g.strokeRect(left, STRIP_TOP, span, STRIP_HEIGHT);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(Color.web("#1c55a8"));
        double hx = left + span * q.head() / size;
        g.fillPolygon(new double[] {hx - 4, hx + 4, hx}, new double[] {STRIP_TOP - 7, STRIP_TOP - 7, STRIP_TOP - 1}, 3);
        g.fillText("head " + q.head(), clamp(hx, w), 0);
        g.setFill(Color.web("#b4321e"));
        double tx = left + span * q.tail() / size;
        double below = STRIP_TOP + STRIP_HEIGHT;
        g.fillPolygon(new double[] {tx - 4, tx + 4, tx}, new double[] {below + 7, below + 7, below + 1}, 3);
        g.fillText("tail " + q.tail(), clamp(tx, w), below + 7);
    }

    private static double clamp(double x, double w) {
        return Math.max(24, Math.min(w - 24, x));
    }
}
