package dev.ioscope.app.workbench.report;

import dev.ioscope.app.workbench.PanelState;
import dev.ioscope.engine.report.sampling.ReportFrame;
import dev.ioscope.app.workbench.MachineState;
import dev.ioscope.engine.report.ReportChannel;

import java.util.List;

/**
 * The IOReport part of a {@link MachineState}: every channel the machine's hub publishes (what
 * {@code IOReportCopyChannelsInGroup(nil, nil)} lists), the channels being sampled, and the last frames, oldest
 * first (a bounded ring: {@link ReportSampler#CAPACITY}). A new object only when something in it changed, so the UI
 * can skip a frame by identity.
 */
public record ReportState(List<ReportChannel> channels, List<ReportChannel> subscribed, List<ReportFrame> frames) {
    public static final ReportState EMPTY = new ReportState(List.of(), List.of(), List.of());
    /** The dashboard's data, published with the machine: each session samples with its own {@link ReportSampler}. */
    public static final PanelState<ReportState> STATE = new PanelState<>() {
        @Override
        public ReportState empty() {
            return EMPTY;
        }

        @Override
        public Sampler<ReportState> sampler() {
            return new ReportSampler();
        }

        @Override
        public String toString() {
            return "IOReport";
        }
    };

    public ReportState {
        channels = List.copyOf(channels);
        subscribed = List.copyOf(subscribed);
        frames = List.copyOf(frames);
    }

    /** The newest frame, or null. */
    public ReportFrame last() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }
}
