package dev.ioscope.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;

import java.nio.file.Path;

/**
 * {@code ioscope.log} rolled at 5 MB into {@code ioscope.1.log} … {@code ioscope.3.log}, with the folder and the
 * file created only when the first event arrives: logback's own file appender opens its file when it starts,
 * which would make every run write to the user's data directory.
 */
final class LazyRollingFile extends UnsynchronizedAppenderBase<ILoggingEvent> {
    static final String NAME = "ioscope.log";

    private final Path dir;
    private final PatternLayoutEncoder encoder;
    private RollingFileAppender<ILoggingEvent> delegate;

    LazyRollingFile(Path dir, PatternLayoutEncoder encoder) {
        this.dir = dir;
        this.encoder = encoder;
    }

    Path path() {
        return dir.resolve(NAME);
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (delegate == null) {
            delegate = open();
        }
        delegate.doAppend(event);
    }

    @Override
    public synchronized void stop() {
        if (delegate != null) {
            delegate.stop();
            delegate = null;
        }
        super.stop();
    }

    private RollingFileAppender<ILoggingEvent> open() {
        RollingFileAppender<ILoggingEvent> a = new RollingFileAppender<>();
        a.setContext(getContext());
        a.setName("rolling-file");
        a.setFile(path().toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(getContext());
        rolling.setParent(a);
        rolling.setFileNamePattern(dir.resolve("ioscope.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(getContext());
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();
        a.setRollingPolicy(rolling);
        a.setTriggeringPolicy(trigger);
        a.setEncoder(encoder);   // immediateFlush (the default): each event is on disk once logged
        a.start();   // creates the folder (FileAppender makes missing parents) and opens the file
        return a;
    }
}
