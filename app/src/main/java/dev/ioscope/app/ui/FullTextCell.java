package dev.ioscope.app.ui;

import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.util.Duration;

/**
 * Text cells whose full text is a tooltip away: a cell cut short ("IOPCI2PCIBri…") shows the whole text when
 * hovered. One tooltip per cell, reused as the cell is reused; empty cells have none.
 */
public final class FullTextCell {
    private FullTextCell() {
    }

    /** A tree-table cell showing its string item, with the full text as its tooltip. */
    public static <S> TreeTableCell<S, String> forTreeTable() {
        return new TreeTableCell<>() {
            private final Tooltip tip = tooltip();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                show(this, tip, empty ? null : text);
            }
        };
    }

    /** A table cell showing its string item, with the full text as its tooltip. */
    public static <S> TableCell<S, String> forTable() {
        return new TableCell<>() {
            private final Tooltip tip = tooltip();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                show(this, tip, empty ? null : text);
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

    /** Sets {@code text} as the tooltip of {@code cell} (none when empty). */
    public static void show(Control cell, Tooltip tip, String text) {
        if (text == null || text.isEmpty()) {
            cell.setTooltip(null);
        } else {
            tip.setText(text);
            cell.setTooltip(tip);
        }
    }
}
