package dev.ioscope.engine.trace;

import dev.ioscope.engine.report.IOReportHub;
import dev.ioscope.engine.report.IOReportSubscription;
import dev.ioscope.engine.report.ReportChannel;
import dev.ioscope.engine.report.sampling.ReportFormat;
import dev.ioscope.engine.report.sampling.ReportValue;
import dev.ioscope.engine.report.sampling.ReportValues;
import dev.ioscope.engine.sim.Simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a simulation's IOReport channels as counter tracks while it runs: after each step that moved the clock
 * (and once at the end) every channel is sampled, and a value is kept only when it differs from the track's last
 * one, so a long quiet stretch costs nothing. A simple channel is one track; a simple array one track per element
 * ({@code name[i]}); a state channel the index of its current state; a histogram its total hits ({@code name.count}).
 */
public final class CounterRecorder {
    /** At most this many counter values per run (a documented bound; the journal itself is bounded elsewhere). */
    public static final int MAX_SAMPLES = 1_000_000;

    private final Simulation sim;
    private final List<CounterSample> samples = new ArrayList<>();
    private final Map<String, Long> last = new HashMap<>();
    private int hubSize = -1;
    private List<ReportChannel> channels = List.of();
    private IOReportSubscription subscription;
    private Map<ReportChannel, long[]> bounds = Map.of();
    private long sampledAt = -1;
    private boolean truncated;

    public CounterRecorder(Simulation sim) {
        this.sim = sim;
    }

    /** Runs the simulation until quiet (or its step bound), sampling as it goes. */
    public List<CounterSample> runUntilQuiet() {
        sample();
        while (sim.step()) {
            if (sim.scheduler().now() != sampledAt) {
                sample();
            }
        }
        sample();
        close();
        return samples();
    }

    /** True when {@link #MAX_SAMPLES} was reached and later values were left out. */
    public boolean truncated() {
        return truncated;
    }

    public List<CounterSample> samples() {
        return List.copyOf(samples);
    }

    /** Samples every channel now. */
    public void sample() {
        long t = sim.scheduler().now();
        sampledAt = t;
        IOReportHub hub = sim.reportHub();
        if (hub.published().size() != hubSize) {
            hubSize = hub.published().size();
            close();
            channels = List.copyOf(IOReportSubscription.copyChannelsInGroup(hub, null, null));
            subscription = channels.isEmpty() ? null : IOReportSubscription.create(hub, channels,
                    sim.scheduler()::now);
            bounds = ReportValues.histogramBounds(hub);
        }
        if (subscription == null) {
            return;
        }
        ReportValues.copy(subscription.sample(), channels, bounds).forEach((ch, v) -> put(t, ch, v));
    }

    private void put(long t, ReportChannel ch, ReportValue v) {
        String name = ReportFormat.path(ch);
        if (v instanceof ReportValue.Simple s) {
            keep(t, name, s.value());
        } else if (v instanceof ReportValue.Array a) {
            for (int i = 0; i < a.values().size(); i++) {
                keep(t, name + "[" + i + "]", a.values().get(i));
            }
        } else if (v instanceof ReportValue.State st) {
            keep(t, name + ".state", st.current());
        } else if (v instanceof ReportValue.Histogram h) {
            keep(t, name + ".count", h.count());
        }
    }

    private void keep(long t, String track, long value) {
        Long before = last.put(track, value);
        if (before != null && before == value) {
            return;
        }
        if (samples.size() >= MAX_SAMPLES) {
            truncated = true;
            return;
        }
        samples.add(new CounterSample(t, track, value));
    }

    private void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
