package dev.ioscope.app.workbench.report;

import dev.ioscope.app.workbench.MachineState;
import dev.ioscope.engine.report.ReportChannel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sample of the subscribed IOReport channels, taken on the engine thread when it published a
 * {@link MachineState}: the virtual time and scheduler position it was taken at and each channel's values.
 * Immutable; the FX thread only reads it.
 */
public record ReportFrame(long clockNs, long position, Map<ReportChannel, ReportValue> values) {
    public ReportFrame {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public ReportValue value(ReportChannel ch) {
        return values.get(ch);
    }
}
