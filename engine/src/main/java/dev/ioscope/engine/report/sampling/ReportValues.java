package dev.ioscope.engine.report.sampling;

import dev.ioscope.engine.report.IOHistogramReporter;
import dev.ioscope.engine.report.IOReportElement;
import dev.ioscope.engine.report.IOReportHub;
import dev.ioscope.engine.report.IOReportSample;
import dev.ioscope.engine.report.IOReportTypes;
import dev.ioscope.engine.report.ReportChannel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies an {@link IOReportSample}'s elements into immutable {@link ReportValue}s per channel, in the shape of each
 * channel's {@code report_format}. The workbench's dashboard and {@code ioscope report} use the same copy, so the
 * CSV they write is the same.
 */
public final class ReportValues {
    private ReportValues() {
    }

    /** Each histogram channel's bucket upper bounds, by channel, from the reporters the hub publishes. */
    public static Map<ReportChannel, long[]> histogramBounds(IOReportHub hub) {
        Map<ReportChannel, long[]> bounds = new HashMap<>();
        for (IOReportHub.Published p : hub.published()) {
            if (p.reporter() instanceof IOHistogramReporter h) {
                for (var c : h.channels()) {
                    bounds.put(new ReportChannel(p.providerName(), h.providerId(), p.group(), p.subgroup(), c.id(),
                            c.name(), h.channelType(), h.unit()), h.bucketBounds());
                }
            }
        }
        return bounds;
    }

    /** The sample's values for {@code channels}, in that order; channels with no element in the sample are left out. */
    public static Map<ReportChannel, ReportValue> copy(IOReportSample smp, List<ReportChannel> channels,
            Map<ReportChannel, long[]> bounds) {
        Map<ReportChannel, ReportValue> out = new LinkedHashMap<>();
        for (ReportChannel ch : channels) {
            List<IOReportElement> els = smp.channel(ch);
            if (els.isEmpty()) {
                continue;
            }
            out.put(ch, switch (ch.channelType().reportFormat()) {
                case IOReportTypes.kIOReportFormatSimple -> new ReportValue.Simple(els.get(0).v0());
                case IOReportTypes.kIOReportFormatState -> state(els);
                case IOReportTypes.kIOReportFormatHistogram -> histogram(els, bounds.get(ch));
                default -> array(els);
            });
        }
        return out;
    }

    private static ReportValue.Array array(List<IOReportElement> els) {
        List<Long> vs = new ArrayList<>(els.size() * 4);
        for (IOReportElement e : els) {
            for (int i = 0; i < 4; i++) {
                vs.add(e.value(i));
            }
        }
        return new ReportValue.Array(vs);
    }

    private static ReportValue.State state(List<IOReportElement> els) {
        List<ReportValue.Slot> slots = new ArrayList<>(els.size());
        int current = -1;
        long latest = Long.MIN_VALUE;
        for (int i = 0; i < els.size(); i++) {
            IOReportElement e = els.get(i);
            slots.add(new ReportValue.Slot(e.v0(), e.v1(), e.v2(), e.v3()));
            // the state entered last; a state entered at virtual time 0 still counts once it has a transition
            if (e.v1() > 0 && e.v3() >= latest) {
                latest = e.v3();
                current = i;
            }
        }
        return new ReportValue.State(slots, current);
    }

    private static ReportValue.Histogram histogram(List<IOReportElement> els, long[] bounds) {
        List<ReportValue.Bucket> buckets = new ArrayList<>(els.size());
        for (int i = 0; i < els.size(); i++) {
            IOReportElement e = els.get(i);
            long bound = bounds == null || i >= bounds.length || i == els.size() - 1 ? Long.MAX_VALUE : bounds[i];
            buckets.add(new ReportValue.Bucket(bound, e.v0(), e.v1(), e.v2(), e.v3()));
        }
        return new ReportValue.Histogram(buckets);
    }
}
