package dev.ioscope.cli;

import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.Snapshots;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where commands write a snapshot: standard output for "-", else a file replaced only once fully written. */
final class SnapshotOutput {
    private SnapshotOutput() {
    }

    static void write(Snapshot s, SnapshotFormat format, String target, PrintStream stdout) throws IOException {
        if (target.equals("-")) {
            Snapshots.write(s, format, stdout);
            stdout.flush();
            return;
        }
        // Write to a temporary file beside the target and move it into place, so a failure leaves no half file.
        Path path = Path.of(target).toAbsolutePath();
        Path tmp = Files.createTempFile(path.getParent(), ".ioscope-", ".tmp");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                Snapshots.write(s, format, os);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
