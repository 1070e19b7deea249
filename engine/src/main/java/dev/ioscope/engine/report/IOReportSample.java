package dev.ioscope.engine.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sample (or a delta of two samples): the elements of every subscribed channel at one virtual time, with
 * readers in the shape of the user-space IOReport accessors (simple value, state residency / transitions, histogram
 * buckets). {@code time} is the virtual ns the sample was taken (a delta keeps the later sample's time and records
 * the span in {@code intervalNs}).
 */
public final class IOReportSample {
    private final long time;
    private final long intervalNs;
    private final List<IOReportElement> elements;
    private final Map<Long, Map<Long, List<IOReportElement>>> index = new HashMap<>();

    IOReportSample(long time, long intervalNs, List<IOReportElement> elements) {
        this.time = time;
        this.intervalNs = intervalNs;
        this.elements = List.copyOf(elements);
        for (IOReportElement e : this.elements) {
            index.computeIfAbsent(e.providerId(), k -> new HashMap<>())
                    .computeIfAbsent(e.channelId(), k -> new ArrayList<>()).add(e);
        }
    }

    public long time() {
        return time;
    }

    public long intervalNs() {
        return intervalNs;
    }

    public List<IOReportElement> elements() {
        return elements;
    }

    /** The channel's elements in element order, or an empty list. */
    public List<IOReportElement> channel(ReportChannel ch) {
        return index.getOrDefault(ch.providerId(), Map.of()).getOrDefault(ch.channelId(), List.of());
    }

    private IOReportElement element(ReportChannel ch, int i) {
        List<IOReportElement> l = channel(ch);
        return i >= 0 && i < l.size() ? l.get(i) : null;
    }

    /** {@code IOReportSimpleGetIntegerValue}. */
    public long simpleValue(ReportChannel ch) {
        IOReportElement e = element(ch, 0);
        return e == null ? IOReportTypes.kIOReportInvalidValue : e.v0();
    }

    /** Value {@code i} of a simple-array channel. */
    public long arrayValue(ReportChannel ch, int i) {
        IOReportElement e = element(ch, i / 4);
        return e == null ? IOReportTypes.kIOReportInvalidValue : e.value(i % 4);
    }

    /** {@code IOReportStateGetCount}. */
    public int stateCount(ReportChannel ch) {
        return channel(ch).size();
    }

    /** {@code IOReportStateGetResidency} for state index {@code s} (in the unit's ticks; ns here). */
    public long stateResidency(ReportChannel ch, int s) {
        IOReportElement e = element(ch, s);
        return e == null ? IOReportTypes.kIOReportInvalidValue : e.v2();
    }

    /** {@code IOReportStateGetInTransitions}. */
    public long stateInTransitions(ReportChannel ch, int s) {
        IOReportElement e = element(ch, s);
        return e == null ? IOReportTypes.kIOReportInvalidValue : e.v1();
    }

    /** The state's {@code last_intransition} (virtual ns). */
    public long stateLastTransition(ReportChannel ch, int s) {
        IOReportElement e = element(ch, s);
        return e == null ? IOReportTypes.kIOReportInvalidValue : e.v3();
    }

    /** {@code IOReportStateGetStateID}. */
    public long stateId(ReportChannel ch, int s) {
        IOReportElement e = element(ch, s);
        return e == null ? IOReportTypes.kIOReportInvalidValue : e.v0();
    }

    /** Bucket {@code b}: {hits, min, max, sum}. */
    public long[] histogramBucket(ReportChannel ch, int b) {
        IOReportElement e = element(ch, b);
        return e == null ? null : new long[] {e.v0(), e.v1(), e.v2(), e.v3()};
    }
}
