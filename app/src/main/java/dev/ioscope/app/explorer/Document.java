package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.RegistryIndex;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.snapshot.Snapshot;

import java.nio.file.Path;

/**
 * A loaded snapshot as the explorer shows it: the snapshot, its search index, where it came from and how long
 * loading took. Built on a job thread, then handed to the FX thread, which from then on only reads it.
 *
 * @param searchIndex the search index, possibly still being built ({@link PendingIndex})
 * @param file        the file, or null for the bundled machine
 * @param title       what the title bar and status bar call it
 * @param loadMillis  read time to the tree (the index, and a file's pending property tables, are built after, in
 *                    the background)
 */
public record Document(Snapshot snapshot, PendingIndex searchIndex, Path file, String title, long loadMillis) {
    /** A document whose index is already built. */
    public Document(Snapshot snapshot, RegistryIndex index, Path file, String title, long loadMillis) {
        this(snapshot, PendingIndex.ready(index), file, title, loadMillis);
    }

    public IORegistry registry() {
        return snapshot.registry();
    }

    /**
     * Decodes the property tables still pending and throws the first bad one's error, as an eager read would have
     * (a job thread: it waits; {@link SnapshotLoader#load} leaves an archive's tables pending).
     */
    public Document complete() throws SnapshotException {
        snapshot.tables().complete();
        return this;
    }

    /** The search index; waits while it is being built (call it off the FX thread where it may not be ready). */
    public RegistryIndex index() {
        return searchIndex.get();
    }
}
