package dev.ioscope.app;

import dev.ioscope.app.ui.StartTimeline;
import dev.ioscope.cli.ExitCodes;
import dev.ioscope.logging.LogSetup;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Kept apart from {@link Launcher} so the command line path never links a JavaFX class. */
final class FxLauncher {
    static final String NO_DISPLAY = "ioscope: no display: run a command, e.g. ioscope info FILE";

    /** Set once the toolkit is up (IOScopeApp.init runs after it started): a later failure is a bug. */
    static volatile boolean toolkitStarted;

    /**
     * Completed once logging is configured: the window's {@code init} waits for it, so no log call of the window
     * meets SLF4J while logback is being configured (it would get a substitute logger and a replay). Complete
     * unless {@link #launch} is configuring it.
     */
    static volatile CompletableFuture<Void> loggingReady = CompletableFuture.completedFuture(null);

    private FxLauncher() {
    }

    /** Runs the window until it closes; returns the exit code (0, or 1 with no display, or 3 for a bug). */
    static int launch(String[] args) {
        if (displayMissing(System.getProperty("os.name", ""), System.getenv("DISPLAY"),
                System.getenv("WAYLAND_DISPLAY"), System.getProperty("glass.platform"))) {
            LoggerFactory.getLogger(FxLauncher.class).info("no DISPLAY or WAYLAND_DISPLAY: the window cannot open");
            System.err.println(NO_DISPLAY);
            return ExitCodes.USAGE;
        }
        JavaFxLog.dropUnsupportedConfigurationWarning();
        // The toolkit starts now, on a thread of its own, while this one configures logging (the first logger)
        // and starts the first document: neither waits for the other (docs/benchmarks.md, sixth session).
        CompletableFuture<Void> logging = new CompletableFuture<>();
        loggingReady = logging;
        StartTimeline.mark("toolkit starting");
        WindowThread window = WindowThread.start(args);
        Logger log;
        try {
            log = LoggerFactory.getLogger(FxLauncher.class);
            log.info("IOScope starting the window (Java {}, {} {})", System.getProperty("java.version"),
                    System.getProperty("os.name"), System.getProperty("os.arch"));
            StartTimeline.mark("logging configured");
        } finally {
            logging.complete(null);
        }
        if (!UiBench.enabled()) {
            // the first document loads on its own thread while the toolkit starts (docs/benchmarks.md)
            try {
                FirstDocument.startEarly(List.of(args));
            } catch (RuntimeException e) {
                log.warn("the first document could not be started early; the window starts it", e);
            }
        }
        Throwable e = window.await();
        if (e == null) {
            return ExitCodes.OK;
        }
        if (toolkitStarted) {
            log.error(LogSetup.fileOnly(), "the window failed", e);
            System.err.println("ioscope: internal error (" + e + "); the stack trace is in " + LogSetup.logFile());
            return ExitCodes.INTERNAL;
        }
        // e.g. GTK's "Unable to open DISPLAY": the toolkit never came up
        log.info("JavaFX could not start", e);
        System.err.println(NO_DISPLAY + " (" + e.getMessage() + ")");
        return ExitCodes.USAGE;
    }

    /** Linux and the other X11/Wayland systems need one of the two variables; Monocle (tests) needs none. */
    static boolean displayMissing(String osName, String display, String wayland, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("windows") || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return false;
        }
        return (display == null || display.isBlank()) && (wayland == null || wayland.isBlank());
    }

    /** {@code Application.launch} of the window on a thread of its own ({@code ioscope-window}), until it closes. */
    private static final class WindowThread {
        private final CompletableFuture<Throwable> ended = new CompletableFuture<>();

        static WindowThread start(String[] args) {
            WindowThread t = new WindowThread();
            Thread thread = new Thread(() -> {
                try {
                    Application.launch(IOScopeApp.class, args);
                    t.ended.complete(null);
                } catch (RuntimeException | Error e) {
                    t.ended.complete(e);
                }
            }, "ioscope-window");
            thread.start();
            return t;
        }

        /** Waits until the window has closed; what {@code Application.launch} threw, or null. */
        Throwable await() {
            return ended.join();
        }
    }
}
