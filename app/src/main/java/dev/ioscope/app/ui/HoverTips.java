package dev.ioscope.app.ui;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.function.Supplier;

/**
 * Tooltips made the first time the pointer enters their control. A {@link Tooltip} is a popup window with a scene
 * of its own: the first window's buttons, path crumbs and cells made theirs before the first frame, which cost the
 * FX thread an eighth of its time for the cells and another ~5 % for the rest (docs/benchmarks.md, "First
 * window"). The text is kept on the control; the entry, which comes before the first move over the control, makes
 * the tooltip, and that move starts its show delay as for any tooltip. Later texts go straight to the tooltip.
 */
public final class HoverTips {
    private static final String TEXT = "ioscope.hoverTip";
    private static final String HOOK = "ioscope.hoverTipHook";

    private HoverTips() {
    }

    /** Gives {@code control} the tooltip {@code text} (none for null or empty), as a plain {@link Tooltip}. */
    public static void set(Control control, String text) {
        set(control, text, Tooltip::new);
    }

    /** Gives {@code control} the tooltip {@code text} (none for null or empty), made by {@code make} when needed. */
    public static void set(Control control, String text, Supplier<Tooltip> make) {
        if (text == null || text.isEmpty()) {
            control.getProperties().remove(TEXT);
            control.setTooltip(null);
            return;
        }
        control.getProperties().put(TEXT, text);
        Tooltip tip = control.getTooltip();
        if (tip != null) {
            tip.setText(text);
        } else if (control.getProperties().putIfAbsent(HOOK, Boolean.TRUE) == null) {
            control.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (control.getProperties().get(TEXT) instanceof String t && control.getTooltip() == null) {
                    Tooltip made = make.get();
                    made.setText(t);
                    control.setTooltip(made);
                }
            });
        }
    }

    /** The text {@code control}'s tooltip shows when hovered, or null for none. */
    public static String text(Control control) {
        return control.getProperties().get(TEXT) instanceof String t ? t : null;
    }
}
