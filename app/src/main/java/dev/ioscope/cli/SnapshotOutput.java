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

    /**
     * The format a {@code --save TARGET} writes: {@code to} when given, else ioreg text for "-", else TARGET's
     * extension; refused when IOScope cannot write it.
     */
    static SnapshotFormat format(String target, SnapshotFormat to) throws UsageException {
        SnapshotFormat f = to;
        if (f == null) {
            f = target.equals("-") ? SnapshotFormat.IOREG_TEXT : SnapshotFormat.fromExtension(target).orElseThrow(
                    () -> new UsageException("cannot tell the format from " + target + "; use --to"));
        }
        if (Snapshots.writer(f).isEmpty()) {
            throw new UsageException("cannot write " + f.displayName());
        }
        return f;
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
