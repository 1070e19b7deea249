package dev.ioscope.app.ui;

import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.util.Duration;

/**
 * Text cells whose full text is a tooltip away: a cell cut short ("IOPCI2PCIBri…") shows the whole text when
 * hovered; empty cells have none. The tooltip is made the first time the pointer enters the cell and then reused
 * as the cell is reused: a {@link Tooltip} is a popup window of its own, and making one for each of the first
 * window's hundred-odd cells cost an eighth of the FX thread's time to the first frame (docs/benchmarks.md).
 */
public final class FullTextCell {
    private FullTextCell() {
    }

    /** A tree-table cell showing its string item, with the full text as its tooltip. */
    public static <S> TreeTableCell<S, String> forTreeTable() {
        return new TreeTableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                show(this, empty ? null : text);
            }
        };
    }

    /** A table cell showing its string item, with the full text as its tooltip. */
    public static <S> TableCell<S, String> forTable() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                show(this, empty ? null : text);
            }
        };
    }

    /** A tooltip that shows soon and wraps long values (a 4 KB OSData would otherwise be one line). */
    public static Tooltip tooltip() {
        Tooltip t = new Tooltip();
        t.setShowDelay(Duration.millis(400));
        t.setWrapText(true);
        t.setMaxWidth(640);
        return t;
    }

    /**
     * Makes {@code text} the tooltip of {@code cell} (none when empty): set at once on a tooltip the cell already
     * has, else kept until the pointer first enters the cell, which then gets its tooltip ({@link HoverTips}).
     */
    public static void show(Control cell, String text) {
        HoverTips.set(cell, text, FullTextCell::tooltip);
    }

    /** The text {@code cell}'s tooltip shows when hovered, or null for none (tests). */
    public static String fullText(Control cell) {
        return HoverTips.text(cell);
    }
}
