package dev.ioscope.app.prefs;

import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between runs, in java.util.prefs under the node named by system property
 * {@code ioscope.prefs.node} (default {@code dev/ioscope}; tests use their own node so they never touch a
 * user's settings). Plain values only: no JavaFX here.
 */
public final class AppPreferences {
    public static final String NODE_PROPERTY = "ioscope.prefs.node";
    static final int MAX_RECENT = 10;

    private final Preferences node;

    private AppPreferences(Preferences node) {
        this.node = node;
    }

    public static AppPreferences fromSystemProperty() {
        quietFirstStart();
        String path = System.getProperty(NODE_PROPERTY, "dev/ioscope");
        return new AppPreferences(Preferences.userRoot().node(path.startsWith("/") ? path.substring(1) : path));
    }

    /** Keeps the JDK's own logger of java.util.prefs at WARNING: held here, since a logger only weakly held resets. */
    private static Logger prefsLog;

    /**
     * On the first start ever, Linux's java.util.prefs prints "INFO: Created user preferences directory." on
     * stderr, two lines a user did not ask for; its warnings (a store it cannot lock or write) still show. Only then:
     * the check is one stat, and java.util.logging is not loaded on later starts.
     */
    private static void quietFirstStart() {
        String root = System.getProperty("java.util.prefs.userRoot", System.getProperty("user.home"));
        if (root != null && prefsLog == null && !Files.isDirectory(Path.of(root, ".java", ".userPrefs"))) {
            prefsLog = Logger.getLogger("java.util.prefs");
            prefsLog.setLevel(Level.WARNING);
        }
    }

    /** A node of its own (tests), wiped first. */
    public static AppPreferences at(String path) {
        AppPreferences p = new AppPreferences(Preferences.userRoot().node(path));
        p.clear();
        return p;
    }

    public void clear() {
        try {
            node.clear();
        } catch (BackingStoreException e) {
            // a preferences store that cannot be written only loses comfort settings
            LoggerFactory.getLogger(AppPreferences.class).warn("preferences could not be cleared: {}", e.toString());
        }
    }

    /** Most recent first, without duplicates. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String s = node.get("recent." + i, null);
            if (s != null) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    public List<Path> addRecentFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = recentFiles();
        list.remove(abs);
        list.add(0, abs);
        return setRecentFiles(list);
    }

    /** Replaces the list (most recent first; at most {@value #MAX_RECENT} kept), as a failed open puts it back. */
    public List<Path> setRecentFiles(List<Path> files) {
        List<Path> list = new ArrayList<>(files.subList(0, Math.min(files.size(), MAX_RECENT)));
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                node.put("recent." + i, list.get(i).toString());
            } else {
                node.remove("recent." + i);
            }
        }
        return list;
    }

    public String lastPlane() {
        return node.get("lastPlane", "IOService");
    }

    public void setLastPlane(String plane) {
        node.put("lastPlane", plane);
    }

    public double[] windowBounds() {
        return new double[]{node.getDouble("window.x", Double.NaN), node.getDouble("window.y", Double.NaN),
                node.getDouble("window.w", 1280), node.getDouble("window.h", 800)};
    }

    public void setWindowBounds(double x, double y, double w, double h) {
        node.putDouble("window.x", x);
        node.putDouble("window.y", y);
        node.putDouble("window.w", w);
        node.putDouble("window.h", h);
    }

    public double[] dividers(String split, double... defaults) {
        double[] out = defaults.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = node.getDouble("split." + split + "." + i, defaults[i]);
        }
        return out;
    }

    public void setDividers(String split, double[] positions) {
        for (int i = 0; i < positions.length; i++) {
            node.putDouble("split." + split + "." + i, positions[i]);
        }
    }

    /** "light", "dark" or "system". */
    public String theme() {
        return node.get("theme", "system");
    }

    public void setTheme(String theme) {
        node.put("theme", theme);
    }

    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // see clear()
            LoggerFactory.getLogger(AppPreferences.class).warn("preferences could not be saved: {}", e.toString());
        }
    }
}
