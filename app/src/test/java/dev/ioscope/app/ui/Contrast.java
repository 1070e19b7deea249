package dev.ioscope.app.ui;

import javafx.scene.Node;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** WCAG 2 contrast of a node's text against the background it is drawn on (the nearest opaque fill). */
public final class Contrast {
    private Contrast() {
    }

    /** The colour behind {@code n}: the last opaque colour fill of it or its nearest filled ancestor. */
    public static Color background(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at instanceof Region r && r.getBackground() != null) {
                Color top = null;
                for (BackgroundFill f : r.getBackground().getFills()) {
                    if (f.getFill() instanceof Color c && c.getOpacity() > 0.5) {
                        top = c;
                    }
                }
                if (top != null) {
                    return top;
                }
            }
        }
        return Color.WHITE;
    }

    private static double channel(double c) {
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    /** (L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 (none) to 21 (black on white). */
    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
}
