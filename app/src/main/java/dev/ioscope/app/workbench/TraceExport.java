package dev.ioscope.app.workbench;

import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.io.SafeOutput;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.trace.ChromeTrace;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.List;

/**
 * Session ▸ Export Trace…: the journal up to the current position as Chrome trace-event JSON (ChromeTrace, through
 * SafeOutput: a failed write leaves no half file), written on a job thread; what happened goes to the status line.
 * The trace has no IOReport counter tracks (the CLI's {@code run --trace} samples them).
 */
final class TraceExport {
    private final Jobs jobs = Jobs.background();
    private final StringProperty status;

    TraceExport(StringProperty status) {
        this.status = status;
    }

    /** Writes {@code upToNow} (copied on the FX thread) to {@code file}, titled after the scenario's file. */
    void write(Path scenarioFile, List<JournalEvent> upToNow, Path file) {
        String title = scenarioFile == null || scenarioFile.getFileName() == null ? "IOScope workbench"
                : scenarioFile.getFileName().toString();
        status.set("writing the trace to " + file.getFileName() + "…");
        jobs.submit(() -> {
            SafeOutput.write(file, out -> ChromeTrace.write(title, upToNow, List.of(), out));
            return file;
        }, f -> status.set("trace of " + upToNow.size() + " events written to " + f.getFileName()
                + " (open it in ui.perfetto.dev)"), e -> status.set("cannot write the trace " + file + ": "
                + e.getMessage()));
    }
}
