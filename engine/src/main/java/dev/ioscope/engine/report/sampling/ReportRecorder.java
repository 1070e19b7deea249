package dev.ioscope.engine.report.sampling;

import dev.ioscope.engine.report.IOReportHub;
import dev.ioscope.engine.report.IOReportSubscription;
import dev.ioscope.engine.report.ReportChannel;
import dev.ioscope.engine.sim.Scheduler;
import dev.ioscope.engine.sim.Simulation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a simulation and samples the selected IOReport channels at every interval of virtual time, as a user-space
 * tool that polls {@code IOReportCreateSamples} on a timer does ({@code powermetrics -i N}). Everything due at or
 * before a sample time runs first, then the clock stands at the sample time and every selected channel is sampled.
 * Channels published later (a driver that starts during the run) join the subscription from the next sample on.
 *
 * <p>The run ends at {@code untilNs} when it is given, else at the first sample time at which nothing is scheduled
 * (the scenario is quiet), else when the simulation's step bound is reached ({@link Recording#quiet()} false).
 */
public final class ReportRecorder {
    /** At most this many samples per run: a documented bound, so a tiny interval cannot fill the heap. */
    public static final int MAX_FRAMES = 100_000;

    /** What a run sampled: the channels in order of first appearance, and one frame per sample time. */
    public record Recording(List<ReportChannel> channels, List<ReportFrame> frames, boolean quiet) {
        public Recording {
            channels = List.copyOf(channels);
            frames = List.copyOf(frames);
        }
    }

    private ReportRecorder() {
    }

    /**
     * @param intervalNs the sampling period in virtual ns (greater than 0)
     * @param untilNs    the last sample time, or -1 to stop once the scenario is quiet
     * @throws IllegalArgumentException when the interval is not positive, or the run would take more than
     *                                  {@link #MAX_FRAMES} samples
     */
    public static Recording record(Simulation sim, ReportSelection selection, long intervalNs, long untilNs) {
        if (intervalNs <= 0) {
            throw new IllegalArgumentException("the interval must be greater than 0");
        }
        if (untilNs >= 0 && untilNs / intervalNs >= MAX_FRAMES) {
            throw new IllegalArgumentException("more than " + MAX_FRAMES + " samples: raise the interval");
        }
        Scheduler clock = sim.scheduler();
        Set<ReportChannel> channels = new LinkedHashSet<>();
        List<ReportFrame> frames = new ArrayList<>();
        IOReportSubscription subscription = null;
        Map<ReportChannel, long[]> bounds = Map.of();
        int hubSize = -1;
        boolean quiet = false;
        try {
            for (long t = intervalNs; untilNs < 0 || t <= untilNs; t += intervalNs) {
                while (clock.nextDue() >= 0 && clock.nextDue() <= t && sim.step()) {
                    // run everything due by the sample time
                }
                if (clock.nextDue() >= 0 && clock.nextDue() <= t) {
                    break;   // the step bound stopped the run before the sample time
                }
                clock.advanceTo(t);
                IOReportHub hub = sim.reportHub();
                if (hub.published().size() != hubSize) {
                    hubSize = hub.published().size();
                    for (ReportChannel ch : IOReportSubscription.copyChannelsInGroup(hub, selection.group(),
                            selection.subgroup())) {
                        if (selection.matches(ch)) {
                            channels.add(ch);
                        }
                    }
                    if (subscription != null) {
                        subscription.close();
                    }
                    subscription = channels.isEmpty() ? null
                            : IOReportSubscription.create(hub, List.copyOf(channels), clock::now);
                    bounds = ReportValues.histogramBounds(hub);
                }
                if (frames.size() == MAX_FRAMES) {
                    throw new IllegalArgumentException("more than " + MAX_FRAMES
                            + " samples before the scenario went quiet: raise the interval or give an end time");
                }
                frames.add(new ReportFrame(t, clock.executed(), subscription == null ? Map.of()
                        : ReportValues.copy(subscription.sample(), List.copyOf(channels), bounds)));
                if (clock.idle()) {
                    quiet = true;
                    if (untilNs < 0) {
                        break;
                    }
                }
            }
        } finally {
            if (subscription != null) {
                subscription.close();
            }
        }
        return new Recording(List.copyOf(channels), frames, quiet);
    }
}
