package dev.ioscope.app.explorer;

import javafx.application.Platform;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * Sizes a tree table's first column: it takes the width the other columns leave, and grows to fit its content
 * (indent + icon + text of every row that is open) when branches open, so a deep path reads whole and a
 * horizontal scroll bar appears only when the content is wider than the window. A column the user resized by
 * hand keeps its width until the next fit. Measured once per change of the open rows, off the layout pass.
 */
final class NameWidth<T> {
    /** Per depth: the tree's disclosure indent (Modena / AtlantaFX: 18 px), plus the icon and gaps per row. */
    static final double INDENT = 18;
    static final double ICON_AND_GAPS = 42;
    /** Beyond this many open rows only the first are measured (a 100k expand-all stays quick). */
    static final int MAX_MEASURED = 3000;
    private static final double SCROLL_BAR = 18;

    private final TreeTableView<T> tree;
    private final TreeTableColumn<T, ?> column;
    private final Function<T, String> text;
    private final Text probe = new Text();
    private double content;
    private boolean pending;

    NameWidth(TreeTableView<T> tree, TreeTableColumn<T, ?> column, Function<T, String> text) {
        this.tree = tree;
        this.column = column;
        this.text = text;
        tree.widthProperty().addListener((o, a, b) -> fit());
        tree.expandedItemCountProperty().addListener((o, a, b) -> later());
        tree.rootProperty().addListener((o, a, b) -> later());
    }

    private void later() {
        if (!pending) {
            pending = true;
            Platform.runLater(() -> {
                pending = false;
                content = measure();
                fit();
            });
        }
    }

    /** The column's width: the room the other columns leave, or the content's width when that is more. */
    void fit() {
        double others = 0;
        for (TreeTableColumn<T, ?> c : tree.getColumns()) {
            if (c != column && c.isVisible()) {
                others += c.getWidth();
            }
        }
        double free = tree.getWidth() - others - SCROLL_BAR;
        double want = Math.max(Math.max(free, column.getMinWidth()), content);
        if (Math.abs(column.getPrefWidth() - want) > 0.5) {
            column.setPrefWidth(want);
        }
    }

    /** The width the open rows need: the widest indent + icon + text. */
    double measure() {
        TreeItem<T> root = tree.getRoot();
        if (root == null) {
            return 0;
        }
        probe.setFont(Font.getDefault());
        double widest = 0;
        int n = 0;
        ArrayDeque<TreeItem<T>> work = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        work.add(root);
        depths.add(0);
        while (!work.isEmpty() && n < MAX_MEASURED) {
            TreeItem<T> t = work.poll();
            int d = depths.poll();
            n++;
            if (t.getValue() != null) {
                probe.setText(text.apply(t.getValue()));
                widest = Math.max(widest, (d + 1) * INDENT + ICON_AND_GAPS + probe.getLayoutBounds().getWidth());
            }
            if (t.isExpanded()) {
                for (TreeItem<T> c : t.getChildren()) {
                    work.add(c);
                    depths.add(d + 1);
                }
            }
        }
        return widest;
    }

    /** The content width last measured (tests). */
    double content() {
        return content;
    }
}
