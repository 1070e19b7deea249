package dev.ioscope.app.workbench.report;

import dev.ioscope.engine.report.sampling.ReportCsv;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.workbench.MachineSession;
import dev.ioscope.engine.report.ReportChannel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The IOReport dashboard's state: the machine's channel catalogue, the channels picked (posted to the engine as a
 * subscription), and the {@link ReportState} shown — the newest one the engine published, or, while paused, the
 * one shown when Pause was pressed (the engine keeps running and sampling). {@link #pull} is called by the view at
 * most 30 times a second.
 */
public final class ReportDashboardViewModel {
    private final MachineSession session;
    private final Jobs jobs;
    private ReportState seen;
    private final ObjectProperty<List<ReportChannel>> channels = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<ReportChannel>> selection = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<ReportState> shown = new SimpleObjectProperty<>(ReportState.EMPTY);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("pick channels on the left");

    public ReportDashboardViewModel(MachineSession session, Jobs jobs) {
        this.session = session;
        this.jobs = jobs;
        paused.addListener((o, a, b) -> {
            if (!b && seen != null) {
                shown.set(seen);   // resume: jump to the newest frames
            }
        });
    }

    /** The channels to sample, in the order the charts list them. */
    public void select(List<ReportChannel> picked) {
        List<ReportChannel> l = List.copyOf(picked);
        if (!l.equals(selection.get())) {
            selection.set(l);
            if (session.sampler(ReportState.STATE) instanceof ReportSampler sampler) {
                sampler.request(l);
                session.republish();
            }
            status.set(l.isEmpty() ? "pick channels on the left" : "sampling " + l.size() + " channel(s)");
        }
    }

    /** Takes the session's newest report state; true when what is shown changed (the view then redraws). */
    public boolean pull() {
        ReportState rs = session.state().panel(ReportState.STATE);
        if (rs == seen) {
            return false;
        }
        seen = rs;
        if (rs.channels() != channels.get() && !rs.channels().equals(channels.get())) {
            channels.set(rs.channels());
        }
        if (paused.get()) {
            return false;
        }
        shown.set(rs);
        return true;
    }

    /** Writes the shown frames as CSV ({@link ReportCsv}) off the FX thread; the outcome goes to the status. */
    public void exportCsv(Path target) {
        ReportState s = shown.get();
        status.set("writing " + target.getFileName() + "…");
        jobs.submit(() -> {
            ReportCsv.export(s.subscribed(), s.frames(), target);
            return target;
        }, t -> status.set("wrote " + s.frames().size() + " frames of " + s.subscribed().size() + " channel(s) to "
                + t), e -> status.set("CSV export failed: " + e.getMessage()));
    }

    /** Runs an export job (the PNG encoder) with the same status reporting. */
    void export(String what, Callable<Path> work) {
        status.set("writing " + what + "…");
        jobs.submit(work, t -> status.set("wrote " + t), e -> status.set(what + " export failed: " + e.getMessage()));
    }

    public MachineSession session() {
        return session;
    }

    public ObjectProperty<List<ReportChannel>> channelsProperty() {
        return channels;
    }

    public ObjectProperty<List<ReportChannel>> selectionProperty() {
        return selection;
    }

    public ObjectProperty<ReportState> shownProperty() {
        return shown;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
