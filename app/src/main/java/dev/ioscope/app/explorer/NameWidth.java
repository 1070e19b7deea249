package dev.ioscope.app.explorer;

import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Sizes a tree table's first column: it takes the width the other columns leave, and grows to fit its content
 * (indent + icon + text of every row that is open) when branches open, so a deep path reads whole. A second,
 * flexible column (the class) gives up width down to its minimum first, its cells' tooltips holding the full
 * text; the name never pushes the class out of the pane (a deeper name is cut short, its tooltip whole), and the
 * columns after it scroll. Measured once per
 * change of the open rows, off the layout pass.
 */
final class NameWidth<T> {
    /** Per depth: the tree's indent (AtlantaFX's dense tree table: 12 px), plus arrow, icon and gaps per row. */
    static final double INDENT = 13;
    static final double ICON_AND_GAPS = 44;
    /** Beyond this many open rows only the first are measured (a 100k expand-all stays quick). */
    static final int MAX_MEASURED = 3000;
    /** Distinct texts whose widths are kept (a 100k registry has far fewer distinct names). */
    static final int MAX_CACHED = 50_000;
    private static final double SCROLL_BAR = 18;

    private final TreeTableView<T> tree;
    private final TreeTableColumn<T, ?> column;
    private final TreeTableColumn<T, ?> flex;
    private final double flexMax;
    private final Function<T, String> text;
    private final Text probe = new Text();
    /**
     * Text widths already measured in {@link #probeFont}: a search folds and opens hundreds of branches, and laying
     * out the text of every open row again on each keystroke cost more than the search itself.
     */
    private final Map<String, Double> widths = new HashMap<>();
    private Font probeFont;
    private double content;
    private boolean pending;

    NameWidth(TreeTableView<T> tree, TreeTableColumn<T, ?> column, TreeTableColumn<T, ?> flex,
              Function<T, String> text) {
        this.tree = tree;
        this.column = column;
        this.flex = flex;
        this.flexMax = flex == null ? 0 : flex.getPrefWidth();
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
            if (c != column && c != flex && c.isVisible()) {
                others += c.getWidth();
            }
        }
        // the flexible column (Class) gives up room down to its minimum before the name is cut or scrolled
        double flexWidth = flex == null ? 0 : Math.max(flex.getMinWidth(), Math.min(flexMax,
                tree.getWidth() - others - SCROLL_BAR - content));
        double free = tree.getWidth() - others - flexWidth - SCROLL_BAR;
        // grown to the content, but never so wide that the flexible column (the class) leaves the pane: a
        // deeper name is cut short then, its tooltip whole
        double cap = flex == null ? Double.MAX_VALUE : tree.getWidth() - flex.getMinWidth() - SCROLL_BAR;
        double want = Math.max(Math.max(free, column.getMinWidth()), Math.min(content, cap));
        if (flex != null && Math.abs(flex.getPrefWidth() - flexWidth) > 0.5) {
            flex.setPrefWidth(flexWidth);
        }
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
        // the cells' own font (the theme's and base.css's size), once a cell exists; the default before
        Font font = tree.lookup(".tree-table-cell") instanceof Labeled cell ? cell.getFont() : Font.getDefault();
        if (!font.equals(probeFont) || widths.size() > MAX_CACHED) {
            widths.clear();
            probeFont = font;
            probe.setFont(font);
        }
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
                widest = Math.max(widest, (d + 1) * INDENT + ICON_AND_GAPS + width(text.apply(t.getValue())));
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

    private double width(String s) {
        Double w = widths.get(s);
        if (w == null) {
            probe.setText(s);
            w = probe.getLayoutBounds().getWidth();
            widths.put(s, w);
        }
        return w;
    }

    /** The content width last measured (tests). */
    double content() {
        return content;
    }
}
