package dev.ioscope.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.util.Locale;
import java.util.Objects;

/**
 * Light and dark themes: AtlantaFX's Primer Light / Primer Dark as the user-agent sheet (every control of every
 * window, dialogs included), plus our base sheet and a palette sheet for the registry's own colours. The
 * user-agent sheet is the application's, so a theme is one for all windows: switching it re-applies the palette
 * to every open window. The binary (.bss) form of the theme is used: it loads faster than parsing the CSS on the
 * way to the first frame. JavaFX 21 has no API for the desktop's colour scheme (Platform.Preferences arrives in
 * JavaFX 22), so "system" reads the GTK_THEME variable GTK uses ("Adwaita:dark") and falls back to light.
 */
public final class Theme {
    private static String userAgent;

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

    /**
     * Sets the application's user-agent sheet (AtlantaFX's Primer Light or Dark). A window calls it before it makes
     * its first control: the first {@code Control} class to load sets JavaFX's default sheet (Modena) when none is
     * set, and parsing Modena only to replace it cost the first window ~5 % of its FX thread (docs/benchmarks.md).
     */
    public static void useUserAgent(boolean dark) {
        String ua = dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
        if (!Objects.equals(ua, userAgent)) {
            userAgent = ua;
            Application.setUserAgentStylesheet(ua);
        }
    }

    /** Themes one scene (and the application's user-agent sheet, shared by all windows). */
    public static void apply(Scene scene, boolean dark) {
        useUserAgent(dark);
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

    /** Themes every open window (the theme is the application's: one window switching it switches them all). */
    public static void applyEverywhere(boolean dark) {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && w.getScene().getRoot() != null) {
                apply(w.getScene(), dark);
            }
        }
    }

    /** Whether the open windows show the dark theme. */
    public static boolean isDarkNow() {
        return userAgent != null && userAgent.equals(new PrimerDark().getUserAgentStylesheetBSS());
    }
}
