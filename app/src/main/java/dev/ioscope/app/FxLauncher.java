package dev.ioscope.app;

import dev.ioscope.cli.ExitCodes;
import dev.ioscope.logging.LogSetup;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/** Kept apart from {@link Launcher} so the command line path never links a JavaFX class. */
final class FxLauncher {
    static final String NO_DISPLAY = "ioscope: no display: run a command, e.g. ioscope info FILE";

    /** Set once the toolkit is up (IOScopeApp.init runs after it started): a later failure is a bug. */
    static volatile boolean toolkitStarted;

    private FxLauncher() {
    }

    /** Runs the window until it closes; returns the exit code (0, or 1 with no display, or 3 for a bug). */
    static int launch(String[] args) {
        Logger log = LoggerFactory.getLogger(FxLauncher.class);
        if (displayMissing(System.getProperty("os.name", ""), System.getenv("DISPLAY"),
                System.getenv("WAYLAND_DISPLAY"), System.getProperty("glass.platform"))) {
            log.info("no DISPLAY or WAYLAND_DISPLAY: the window cannot open");
            System.err.println(NO_DISPLAY);
            return ExitCodes.USAGE;
        }
        JavaFxLog.dropUnsupportedConfigurationWarning();
        log.info("IOScope starting the window (Java {}, {} {})", System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
        if (!UiBench.enabled()) {
            // the first document loads on its own thread while the toolkit starts (docs/benchmarks.md)
            FirstDocument.startEarly(List.of(args));
        }
        try {
            Application.launch(IOScopeApp.class, args);
            return ExitCodes.OK;
        } catch (RuntimeException | Error e) {
            if (toolkitStarted) {
                log.error(LogSetup.fileOnly(), "the window failed", e);
                System.err.println("ioscope: internal error (" + e + "); the stack trace is in "
                        + LogSetup.logFile());
                return ExitCodes.INTERNAL;
            }
            // e.g. GTK's "Unable to open DISPLAY": the toolkit never came up
            log.info("JavaFX could not start", e);
            System.err.println(NO_DISPLAY + " (" + e.getMessage() + ")");
            return ExitCodes.USAGE;
        }
    }

    /** Linux and the other X11/Wayland systems need one of the two variables; Monocle (tests) needs none. */
    static boolean displayMissing(String osName, String display, String wayland, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("windows") || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return false;
        }
        return (display == null || display.isBlank()) && (wayland == null || wayland.isBlank());
    }
}
