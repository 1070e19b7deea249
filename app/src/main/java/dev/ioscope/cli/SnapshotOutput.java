package dev.ioscope.cli;

import dev.ioscope.engine.io.SafeOutput;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotWriter;
import dev.ioscope.engine.snapshot.codecs.Snapshots;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Where commands write a snapshot: standard output for "-", else the file SafeOutput writes by what it is. */
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

    /**
     * Writes {@code s} to {@code target} ("-" for standard output) through {@link SafeOutput} (what TARGET is
     * decides how; never onto one of {@code inputs}), first saying on {@code err} what the format leaves out.
     */
    static void write(Snapshot s, SnapshotFormat format, String target, List<Path> inputs, PrintStream stdout,
                      PrintStream err) throws IOException {
        SnapshotWriter w = Snapshots.writer(format).orElseThrow(() ->
                new IOException("IOScope cannot write " + format.displayName() + " files"));
        for (String left : w.leftOut(s)) {
            err.println("warning: " + left);
        }
        if (target.equals("-")) {
            Snapshots.write(s, format, stdout);
            SafeOutput.checkStandardOutput(stdout);
            return;
        }
        SafeOutput.write(Path.of(target), inputs, os -> Snapshots.write(s, format, os));
    }

    /** A loaded snapshot's warnings (it looks truncated, ...), one "warning:" line each on {@code err}. */
    static Snapshot warn(Snapshot s, PrintStream err) {
        for (String w : s.warnings()) {
            err.println("warning: " + (s.source() == null ? "" : s.source() + ": ") + w);
        }
        return s;
    }
}
