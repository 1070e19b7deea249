package dev.ioscope.app.ui;

import javafx.scene.Scene;

import java.util.Locale;

/**
 * Light and dark themes: one base sheet plus a palette sheet. JavaFX 21 has no API for the desktop's colour
 * scheme (Platform.Preferences arrives in JavaFX 22), so "system" reads the GTK_THEME variable GTK uses
 * ("Adwaita:dark") and falls back to light.
 */
public final class Theme {
    private Theme() {
    }

    public static boolean systemPrefersDark() {
        String gtk = System.getenv("GTK_THEME");
        return gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark");
    }

    /** Resolves "light" / "dark" / "system" to dark or not. */
    public static boolean isDark(String setting) {
        return switch (setting) {
            case "dark" -> true;
            case "light" -> false;
            default -> systemPrefersDark();
        };
    }

    public static void apply(Scene scene, boolean dark) {
        scene.getStylesheets().setAll(Resources.css("ui/base.css"), Resources.css(dark ? "ui/dark.css"
                : "ui/light.css"));
        if (dark) {
            if (!scene.getRoot().getStyleClass().contains(Styles.DARK)) {
                scene.getRoot().getStyleClass().add(Styles.DARK);
            }
        } else {
            scene.getRoot().getStyleClass().remove(Styles.DARK);
        }
    }
}
