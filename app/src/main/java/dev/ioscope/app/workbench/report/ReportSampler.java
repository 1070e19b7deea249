package dev.ioscope.app.workbench.report;

import dev.ioscope.app.workbench.PanelState;
import dev.ioscope.engine.report.sampling.ReportValue;
import dev.ioscope.engine.report.sampling.ReportValues;
import dev.ioscope.engine.report.sampling.ReportFrame;
import dev.ioscope.engine.report.IOReportHub;
import dev.ioscope.engine.report.IOReportSample;
import dev.ioscope.engine.report.IOReportSubscription;
import dev.ioscope.engine.report.ReportChannel;
import dev.ioscope.engine.sim.Simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine-thread side of the IOReport dashboard: keeps an {@link IOReportSubscription} on the running machine's
 * hub for the channels the UI asked for ({@link #request}, any thread), samples it when the session publishes, and
 * copies each sample into an immutable {@link ReportFrame} kept in a bounded ring. Only the engine thread calls
 * {@link #sample}; the reporters never leave it.
 *
 * <p>A machine rebuilt for replay (step back, an added action) has a new hub with new reporters: the subscription
 * is made again, and frames from after the new position are dropped (the past before it is the same, the
 * simulation being deterministic). A hub that gained reporters (a driver started) is subscribed again too, so a
 * channel asked for before its driver started appears once it exists.
 */
public final class ReportSampler implements PanelState.Sampler<ReportState> {
    /** Frames kept: 20 s at 30 Hz. */
    static final int CAPACITY = 600;
    /** While running, at most one frame per this many wall ns (the dashboard draws at most 30 Hz). */
    static final long RUNNING_PERIOD_NS = 33_000_000;

    private final AtomicReference<List<ReportChannel>> requested = new AtomicReference<>(List.of());
    private final ArrayDeque<ReportFrame> ring = new ArrayDeque<>();

    // engine thread only
    private Simulation sim;
    private int hubSize = -1;
    private List<ReportChannel> subscribedRequest;
    private IOReportSubscription subscription;
    private List<ReportChannel> sampled = List.of();
    private Map<ReportChannel, long[]> bounds = Map.of();
    private List<ReportChannel> catalogue = List.of();
    private long lastPosition = -1;
    private long lastWall;
    private ReportState state = ReportState.EMPTY;

    @Override
    public ReportState sample(PanelState.Capture at) {
        return sample(at.sim(), at.position(), at.running());
    }

    /** The channels to sample from now on (any thread; takes effect at the next publication). */
    public void request(List<ReportChannel> channels) {
        requested.set(List.copyOf(channels));
    }


    /**
     * Called by the engine thread when it publishes: samples the subscribed channels if the machine moved (or the
     * request, or the machine, changed) and returns the state to publish. While running ({@code throttle}) at most
     * one frame per {@link #RUNNING_PERIOD_NS}.
     */
    public ReportState sample(Simulation s, long position, boolean throttle) {
        IOReportHub hub = s.reportHub();
        List<IOReportHub.Published> published = hub.published();
        List<ReportChannel> want = requested.get();
        boolean rebuilt = s != sim;
        boolean grown = published.size() != hubSize;
        boolean changedRequest = want != subscribedRequest;
        if (rebuilt) {
            sim = s;
            subscription = null;   // the old machine's reporters are gone with it
            ring.removeIf(f -> f.position() >= position);   // the frame at position is taken again
            lastPosition = -1;
        }
        if (rebuilt || grown) {
            hubSize = published.size();
            catalogue = List.copyOf(IOReportSubscription.copyChannelsInGroup(hub, null, null));
        }
        if (rebuilt || grown || changedRequest) {
            subscribe(hub, published, want);
        }
        boolean moved = position != lastPosition;
        long wall = System.nanoTime();
        if ((moved || changedRequest) && !(throttle && !changedRequest && wall - lastWall < RUNNING_PERIOD_NS)) {
            if (subscription != null) {
                append(new ReportFrame(s.scheduler().now(), position, copy(subscription.sample())));
            }
            lastPosition = position;
            lastWall = wall;
            state = new ReportState(catalogue, sampled, List.copyOf(ring));
        } else if (rebuilt || grown || changedRequest) {
            state = new ReportState(catalogue, sampled, List.copyOf(ring));
        }
        return state;
    }

    private void subscribe(IOReportHub hub, List<IOReportHub.Published> published, List<ReportChannel> want) {
        if (subscription != null) {
            subscription.close();
        }
        subscribedRequest = want;
        List<ReportChannel> present = new ArrayList<>();
        Set<ReportChannel> known = new HashSet<>(catalogue);
        for (ReportChannel ch : want) {
            if (known.contains(ch)) {
                present.add(ch);
            }
        }
        sampled = List.copyOf(present);
        subscription = present.isEmpty() ? null : IOReportSubscription.create(hub, present, sim.scheduler()::now);
        bounds = ReportValues.histogramBounds(hub);
    }

    private void append(ReportFrame f) {
        if (ring.size() == CAPACITY) {
            ring.removeFirst();
        }
        ring.addLast(f);
    }

    /** The sample's elements as immutable values per channel, in subscription order. */
    private Map<ReportChannel, ReportValue> copy(IOReportSample smp) {
        return ReportValues.copy(smp, sampled, bounds);
    }
}
