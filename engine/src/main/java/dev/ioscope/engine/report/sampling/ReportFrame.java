package dev.ioscope.engine.report.sampling;

import dev.ioscope.engine.report.ReportChannel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sample of the subscribed IOReport channels, taken on the engine thread (by the workbench when it publishes,
 * or by {@link ReportRecorder} at fixed intervals of virtual time): the virtual time and scheduler position it was
 * taken at and each channel's values. Immutable.
 */
public record ReportFrame(long clockNs, long position, Map<ReportChannel, ReportValue> values) {
    public ReportFrame {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public ReportValue value(ReportChannel ch) {
        return values.get(ch);
    }
}
