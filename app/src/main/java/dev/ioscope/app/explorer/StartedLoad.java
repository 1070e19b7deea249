package dev.ioscope.app.explorer;

import dev.ioscope.app.ui.StartTimeline;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A document load started before the window asks for it, on a daemon thread of its own: the launcher starts the
 * first window's file (or the virtual Mac's boot) before the JavaFX toolkit starts, so the read runs on the second
 * core while the toolkit starts and the window is built (docs/benchmarks.md, "First window"). The window's
 * {@link ExplorerViewModel#open(StartedLoad)} then waits for it on its job thread like any load: the same
 * loading state, cancel, failure dialog and fallback as {@link ExplorerViewModel#open(Path)}.
 */
public final class StartedLoad {
    private final Path file;
    private final FutureTask<Document> task;

    /** Starts {@code work} (tests: a load of their own). */
    StartedLoad(Path file, Callable<Document> work) {
        this.file = file;
        this.task = new FutureTask<>(() -> {
            StartTimeline.mark("first document: load begins");
            try {
                return work.call();
            } finally {
                StartTimeline.mark("first document: load ends");
            }
        });
        Thread t = new Thread(task, "ioscope-first-load");
        t.setDaemon(true);
        t.start();
    }

    /** Starts reading {@code file} as {@link SnapshotLoader#load(Path)} does (a snapshot or a machine description). */
    public static StartedLoad ofFile(Path file) {
        return new StartedLoad(file, () -> new SnapshotLoader().load(file));
    }

    /** Starts booting the virtual Mac as {@link SnapshotLoader#defaultMachine()} does. */
    public static StartedLoad ofDefaultMachine() {
        return new StartedLoad(null, () -> new SnapshotLoader().defaultMachine());
    }

    /** The file being read, or null for the virtual Mac. */
    public Path file() {
        return file;
    }

    /**
     * The document if the load has already ended without a failure, else null; never waits. A load still running,
     * or one that failed, is left to {@link #await} (its failure is reported as any failed open).
     */
    Document loaded() {
        if (!task.isDone() || task.isCancelled()) {
            return null;
        }
        try {
            return task.get();
        } catch (ExecutionException | InterruptedException e) {
            return null;
        }
    }

    /** The document, waiting for the load to end; the load's own exception or error is rethrown as it was. */
    Document await() throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
