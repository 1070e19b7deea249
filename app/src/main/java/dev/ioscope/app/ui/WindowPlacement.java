package dev.ioscope.app.ui;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;

/**
 * New windows cascade: each opens a title bar's height below and right of the window it was opened from, so it
 * never hides that window's title. Quit closes them all.
 */
public final class WindowPlacement {
    /** How far a new window is moved from the one it was opened from. */
    public static final double STEP = 28;
    /** A cascaded window is made smaller to stay on screen, but not below this. */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 400;

    private WindowPlacement() {
    }

    /**
     * Places {@code stage} (not shown yet, its size {@code width} x {@code height}) one step from {@code from},
     * inside {@code from}'s screen: a window that would run past the screen's edge is made narrower (or shorter)
     * rather than moved back over the one it was opened from; with no room left it starts at the screen's corner.
     */
    public static void cascade(Stage stage, Window from, double width, double height) {
        if (from == null || Double.isNaN(from.getX())) {
            return;
        }
        Rectangle2D screen = Screen.getScreensForRectangle(from.getX(), from.getY(), 1, 1).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        double x = from.getX() + STEP;
        double y = from.getY() + STEP;
        if (x + MIN_WIDTH > screen.getMaxX()) {
            x = screen.getMinX();
        }
        if (y + MIN_HEIGHT > screen.getMaxY()) {
            y = screen.getMinY();
        }
        stage.setX(x);
        stage.setY(y);
        if (x + width > screen.getMaxX()) {
            stage.setWidth(screen.getMaxX() - x);
        }
        if (y + height > screen.getMaxY()) {
            stage.setHeight(screen.getMaxY() - y);
        }
    }

    /**
     * Quit: closes every window (each saves its state and stops its machine as it hides), then the toolkit.
     * Under TestFX, which turns implicit exit off to keep one toolkit for all tests, only the windows close.
     */
    public static void quit() {
        for (Window w : new ArrayList<>(Window.getWindows())) {
            w.hide();
        }
        if (Platform.isImplicitExit()) {
            Platform.exit();
        }
    }

    /** The window the user is in: the focused one, else the last one shown. */
    public static Window current() {
        Window last = null;
        for (Window w : Window.getWindows()) {
            if (w.isFocused() && w instanceof Stage) {
                return w;
            }
            if (w instanceof Stage && w.isShowing()) {
                last = w;
            }
        }
        return last;
    }
}
