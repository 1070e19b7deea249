package dev.ioscope.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import java.nio.file.Path;

/**
 * IOScope's logging, configured in code (logback finds this class through its {@code Configurator} service file,
 * so no XML is looked up or parsed at start-up): a console appender on standard error, quiet unless
 * {@code --verbose} (INFO) or {@code --debug} (DEBUG), and a rolling file {@code ioscope.log} in
 * {@link LogDirectory}, opened only when the first event reaches it (so a command that logs nothing writes
 * nothing). The command line sends problems (WARN and up) to the file, the GUI everything from INFO up.
 * Call {@link #start} before the first {@code LoggerFactory.getLogger}; the {@code --version} and {@code --help}
 * paths never do, so they pay nothing for logging.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** Who is logging: the command line or the GUI. */
    public enum Mode {
        CLI(Level.WARN), GUI(Level.INFO);

        private final Level fileThreshold;

        Mode(Level fileThreshold) {
            this.fileThreshold = fileThreshold;
        }
    }

    /** How much the console (standard error) shows. */
    public enum Console {
        QUIET(Level.WARN), VERBOSE(Level.INFO), DEBUG(Level.DEBUG);

        private final Level threshold;

        Console(Level threshold) {
            this.threshold = threshold;
        }
    }

    private static final String FILE_ONLY = "FILE_ONLY";

    private static volatile Mode mode = Mode.CLI;
    private static volatile Console console = Console.QUIET;
    private static volatile LazyRollingFile file;

    /** Logback instantiates this through its service file. */
    public LogSetup() {
    }

    /** Sets who logs and how much the console shows; then the first logger configures logback from these. */
    public static void start(Mode m, Console c) {
        mode = m;
        console = c;
    }

    /** The log file (it may not exist yet: it is created when the first event reaches it). */
    public static Path logFile() {
        LazyRollingFile f = file;
        return f != null ? f.path() : LogDirectory.current().resolve(LazyRollingFile.NAME);
    }

    /**
     * A marker for events that go to the log file only, unless {@code --debug}: an internal error's stack trace,
     * which the command line reports in one line of its own.
     */
    public static Marker fileOnly() {
        return MarkerFactory.getMarker(FILE_ONLY);
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Console c = console;
        Mode m = mode;
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(c == Console.DEBUG ? Level.DEBUG : Level.INFO);

        ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
        err.setContext(context);
        err.setName("stderr");
        err.setTarget("System.err");
        // Without --debug, one line per message and no stack traces on the console: those go to the file.
        err.setEncoder(encoder(context, c == Console.DEBUG ? "%-5level %logger{0}: %msg%n"
                : "ioscope: %msg%n%nopex"));
        err.addFilter(threshold(context, c.threshold));
        if (c != Console.DEBUG) {
            err.addFilter(notFileOnly(context));
        }
        err.start();
        root.addAppender(err);

        LazyRollingFile f = new LazyRollingFile(LogDirectory.current(),
                encoder(context, "%d{ISO8601} %-5level [%thread] %logger{36}: %msg%n"));
        f.setContext(context);
        f.setName("file");
        f.addFilter(threshold(context, c == Console.DEBUG ? Level.DEBUG : m.fileThreshold));
        f.start();
        root.addAppender(f);
        file = f;
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(context);
        e.setPattern(pattern);
        e.start();
        return e;
    }

    private static Filter<ILoggingEvent> notFileOnly(LoggerContext context) {
        Filter<ILoggingEvent> f = new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent event) {
                var markers = event.getMarkerList();
                return markers != null && markers.stream().anyMatch(m -> m.contains(FILE_ONLY)) ? FilterReply.DENY
                        : FilterReply.NEUTRAL;
            }
        };
        f.setContext(context);
        f.start();
        return f;
    }

    private static Filter<ILoggingEvent> threshold(LoggerContext context, Level level) {
        Filter<ILoggingEvent> f = new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent event) {
                return event.getLevel().isGreaterOrEqual(level) ? FilterReply.NEUTRAL : FilterReply.DENY;
            }
        };
        f.setContext(context);
        f.start();
        return f;
    }
}
