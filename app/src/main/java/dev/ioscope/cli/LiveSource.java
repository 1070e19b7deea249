package dev.ioscope.cli;

import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.live.LiveRegistry;

import java.nio.file.Path;

/** {@code --live}: the running Mac's registry through the first ioreg on the PATH, or FILE, but not both. */
final class LiveSource {
    private LiveSource() {
    }

    /** Checks that exactly one of FILE and --live was given. */
    static void check(String file, boolean live) throws UsageException {
        if (live && file != null) {
            throw new UsageException("give FILE or --live, not both");
        }
        if (!live && file == null) {
            throw new UsageException("no FILE given (or --live for this Mac's registry)");
        }
    }

    static Snapshot read() throws RefusedException, SnapshotException {
        Path ioreg = LiveRegistry.locate().orElseThrow(() -> new RefusedException(LiveRegistry.NO_IOREG));
        return new LiveRegistry(ioreg).read();
    }
}
