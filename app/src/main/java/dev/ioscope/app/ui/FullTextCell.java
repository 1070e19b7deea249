package dev.ioscope.app.ui;

import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * Text cells whose full text is a tooltip away: a cell cut short ("IOPCI2PCIBri…") shows the whole text when
 * hovered; empty cells have none. The tooltip is made the first time the pointer enters the cell and then reused
 * as the cell is reused: a {@link Tooltip} is a popup window of its own, and making one for each of the first
 * window's hundred-odd cells cost an eighth of the FX thread's time to the first frame (docs/benchmarks.md).
 */
public final class FullTextCell {
    private static final String FULL_TEXT = "ioscope.fullText";
    private static final String HOVER_HOOK = "ioscope.fullTextHook";

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
     * has, else kept until the pointer first enters the cell, which then gets its tooltip.
     */
    public static void show(Control cell, String text) {
        if (text == null || text.isEmpty()) {
            cell.getProperties().remove(FULL_TEXT);
            cell.setTooltip(null);
            return;
        }
        cell.getProperties().put(FULL_TEXT, text);
        Tooltip tip = cell.getTooltip();
        if (tip != null) {
            tip.setText(text);
        } else if (cell.getProperties().putIfAbsent(HOVER_HOOK, Boolean.TRUE) == null) {
            // Entered comes before the first move over the cell, which starts the tooltip's show delay.
            cell.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (cell.getProperties().get(FULL_TEXT) instanceof String full && cell.getTooltip() == null) {
                    Tooltip t = tooltip();
                    t.setText(full);
                    cell.setTooltip(t);
                }
            });
        }
    }

    /** The text {@code cell}'s tooltip shows when hovered, or null for none (tests). */
    public static String fullText(Control cell) {
        return cell.getProperties().get(FULL_TEXT) instanceof String full ? full : null;
    }
}
