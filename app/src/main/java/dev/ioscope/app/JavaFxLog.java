package dev.ioscope.app;

import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" on every start from
 * the class path (PlatformImpl.startup, through its "javafx" logger, a System.Logger backed by
 * java.util.logging). The fat jar and the jpackage image are class-path launches on purpose
 * (docs/development.md, "Toolchain"), so this filter drops that one message on that one logger; every other
 * message of the logger still shows.
 */
final class JavaFxLog {
    /** Held so the filter stays on the logger: java.util.logging keeps loggers weakly. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private JavaFxLog() {
    }

    static void dropUnsupportedConfigurationWarning() {
        Filter previous = JAVAFX.getFilter();
        JAVAFX.setFilter(r -> (r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"))
                && (previous == null || previous.isLoggable(r)));
    }
}
