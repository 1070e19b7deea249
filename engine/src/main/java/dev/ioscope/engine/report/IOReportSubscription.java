package dev.ioscope.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The user-space IOReport flow macOS tools use, over an {@link IOReportHub}: {@link #copyChannelsInGroup} →
 * {@link #create} (configures {@code kIOReportEnable} on every channel's reporter) → {@link #sample} (
 * {@code updateReport(kIOReportCopyChannelData)}) → {@link #delta}; {@link #close} disables again.
 */
public final class IOReportSubscription implements AutoCloseable {
    private final Map<IOReporter, long[]> byReporter = new LinkedHashMap<>();
    private final List<ReportChannel> channels;
    private final LongSupplier clock;
    private boolean closed;

    private IOReportSubscription(IOReportHub hub, List<ReportChannel> channels, LongSupplier clock) {
        this.channels = List.copyOf(channels);
        this.clock = clock;
        Map<IOReporter, List<Long>> ids = new LinkedHashMap<>();
        for (IOReportHub.Published p : hub.published()) {
            for (ReportChannel ch : channels) {
                if (ch.providerId() == p.reporter().providerId() && p.reporter().indexOf(ch.channelId()) >= 0
                        && same(p, ch)) {
                    ids.computeIfAbsent(p.reporter(), k -> new ArrayList<>()).add(ch.channelId());
                }
            }
        }
        ids.forEach((r, l) -> byReporter.put(r, l.stream().mapToLong(Long::longValue).toArray()));
        byReporter.forEach((r, l) -> r.configureReport(l, IOReportTypes.kIOReportEnable));
    }

    private static boolean same(IOReportHub.Published p, ReportChannel ch) {
        return p.providerName().equals(ch.providerName()) && p.group().equals(ch.group())
                && Objects.equals(p.subgroup(), ch.subgroup());
    }

    /**
     * {@code IOReportCopyChannelsInGroup(group, subgroup)}: every channel filed under {@code group} (null = any) and
     * {@code subgroup} (null = any), in publication order.
     */
    public static List<ReportChannel> copyChannelsInGroup(IOReportHub hub, String group, String subgroup) {
        List<ReportChannel> out = new ArrayList<>();
        for (IOReportHub.Published p : hub.published()) {
            if ((group == null || group.equals(p.group())) && (subgroup == null || subgroup.equals(p.subgroup()))) {
                IOReporter r = p.reporter();
                for (IOReporter.Channel c : r.channels()) {
                    out.add(new ReportChannel(p.providerName(), r.providerId(), p.group(), p.subgroup(), c.id(),
                            c.name(), r.channelType(), r.unit()));
                }
            }
        }
        return out;
    }

    /** {@code IOReportCreateSubscription}. */
    public static IOReportSubscription create(IOReportHub hub, List<ReportChannel> channels, LongSupplier clock) {
        return new IOReportSubscription(hub, channels, clock);
    }

    public List<ReportChannel> channels() {
        return channels;
    }

    /** {@code IOReportCreateSamples}: every subscribed channel's elements now. */
    public IOReportSample sample() {
        if (closed) {
            throw new IllegalStateException("subscription closed");
        }
        List<IOReportElement> out = new ArrayList<>();
        byReporter.forEach((r, ids) -> r.updateReport(ids, IOReportTypes.kIOReportCopyChannelData, out));
        return new IOReportSample(clock.getAsLong(), 0, out);
    }

    /**
     * {@code IOReportCreateSamplesDelta(a, b)}: per element, counters become b - a (simple and array values; state
     * intransitions and residency; histogram hits and sum) while identities and "latest" fields are b's (state id,
     * last transition time, histogram min and max). Elements only in {@code b} pass through whole. libIOReport is
     * closed source: these rules are ours, chosen so a delta reads as "what happened in between".
     */
    public static IOReportSample delta(IOReportSample a, IOReportSample b) {
        Map<String, IOReportElement> before = new LinkedHashMap<>();
        for (IOReportElement e : a.elements()) {
            before.put(key(e), e);
        }
        List<IOReportElement> out = new ArrayList<>(b.elements().size());
        for (IOReportElement e : b.elements()) {
            IOReportElement p = before.get(key(e));
            if (p == null) {
                out.add(e);
                continue;
            }
            out.add(switch (e.channelType().reportFormat()) {
                case IOReportTypes.kIOReportFormatState -> new IOReportElement(e.providerId(), e.channelId(),
                        e.channelType(), e.timestamp(), e.v0(), e.v1() - p.v1(), e.v2() - p.v2(), e.v3());
                case IOReportTypes.kIOReportFormatHistogram -> new IOReportElement(e.providerId(), e.channelId(),
                        e.channelType(), e.timestamp(), e.v0() - p.v0(), e.v1(), e.v2(), p.v0() == 0 ? e.v3()
                                : e.v3() - p.v3());
                default -> new IOReportElement(e.providerId(), e.channelId(), e.channelType(), e.timestamp(),
                        e.v0() - p.v0(), e.v1() - p.v1(), e.v2() - p.v2(), e.v3() - p.v3());
            });
        }
        return new IOReportSample(b.time(), b.time() - a.time(), out);
    }

    private static String key(IOReportElement e) {
        return e.providerId() + ":" + e.channelId() + ":" + e.channelType().elementIdx();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            byReporter.forEach((r, l) -> r.configureReport(l, IOReportTypes.kIOReportDisable));
        }
    }
}
