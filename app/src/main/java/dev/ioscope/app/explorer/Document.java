package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.RegistryIndex;
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
 * @param loadMillis  read time (the index is built after, in the background)
 */
public record Document(Snapshot snapshot, PendingIndex searchIndex, Path file, String title, long loadMillis) {
    /** A document whose index is already built. */
    public Document(Snapshot snapshot, RegistryIndex index, Path file, String title, long loadMillis) {
        this(snapshot, PendingIndex.ready(index), file, title, loadMillis);
    }

    public IORegistry registry() {
        return snapshot.registry();
    }

    /** The search index; waits while it is being built (call it off the FX thread where it may not be ready). */
    public RegistryIndex index() {
        return searchIndex.get();
    }
}
