package dev.ioscope.app.explorer;

import java.time.Duration;

/** How often an open live registry (File ▸ Open This Mac) is read again: never, every second, every 5 seconds. */
public enum LiveRefresh {
    OFF("Off", Duration.ZERO),
    EVERY_SECOND("Every 1 s", Duration.ofSeconds(1)),
    EVERY_5_SECONDS("Every 5 s", Duration.ofSeconds(5));

    private final String label;
    private final Duration interval;

    LiveRefresh(String label, Duration interval) {
        this.label = label;
        this.interval = interval;
    }

    public String label() {
        return label;
    }

    /** Zero for {@link #OFF}. */
    public Duration interval() {
        return interval;
    }

    @Override
    public String toString() {
        return label;
    }
}
