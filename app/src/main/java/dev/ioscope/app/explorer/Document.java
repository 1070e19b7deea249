package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.RegistryIndex;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.snapshot.Snapshot;

import java.nio.file.Path;

/**
 * A loaded snapshot as the explorer shows it: the snapshot, its search index, where it came from and how long
 * loading took. Built on a job thread, then handed to the FX thread, which from then on only reads it.
 *
 * @param file       the file, or null for the bundled machine
 * @param title      what the title bar and status bar call it
 * @param loadMillis read + index time
 */
public record Document(Snapshot snapshot, RegistryIndex index, Path file, String title, long loadMillis) {
    public IORegistry registry() {
        return snapshot.registry();
    }
}
