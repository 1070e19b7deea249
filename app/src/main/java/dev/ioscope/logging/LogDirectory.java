package dev.ioscope.logging;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where IOScope's log file lives: the user's data directory of each platform, or the folder the system property
 * {@value #PROPERTY} names (tests, and users who want it elsewhere).
 * <ul>
 *     <li>Linux and other Unix: {@code $XDG_DATA_HOME/ioscope/logs}, else {@code ~/.local/share/ioscope/logs}</li>
 *     <li>macOS: {@code ~/Library/Logs/IOScope}</li>
 *     <li>Windows: {@code %LOCALAPPDATA%\IOScope\logs}</li>
 * </ul>
 */
public final class LogDirectory {
    public static final String PROPERTY = "ioscope.log.dir";

    private LogDirectory() {
    }

    public static Path current() {
        return of(System.getProperty(PROPERTY), System.getProperty("os.name", ""), System.getProperty("user.home"),
                System.getenv());
    }

    /** The folder for the given override, OS name, home folder and environment (a pure function, for tests). */
    static Path of(String override, String osName, String home, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(home, "Library", "Logs", "IOScope");
        }
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(home, "AppData", "Local");
            return base.resolve("IOScope").resolve("logs");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec: a relative $XDG_DATA_HOME is invalid and must be ignored.
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("ioscope").resolve("logs");
    }
}
