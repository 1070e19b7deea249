package dev.ioscope.engine.bench;

import dev.ioscope.engine.os.plist.XmlPlistWriter.KeyOrder;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.BenchmarkRegistry;
import dev.ioscope.engine.snapshot.xml.IoregXmlWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the benchmark inputs under {@code target/bench} (never committed), shaped exactly as {@code ioreg -a -l}
 * prints them (IOService plane, keys sorted, no IOScope extension key): the synthetic registry of {@code N}
 * entries, or a real snapshot converted. {@code src/test/python/ioreg_archive_to_xml.py} makes an independent
 * conversion of a real archive (see docs/benchmarks.md).
 *
 * <p>usage: {@code BenchFiles [DIR] [ENTRIES]} (defaults: target/bench, 100000), or
 * {@code BenchFiles --convert SNAPSHOT OUT.xml}
 */
public final class BenchFiles {
    public static final long SEED = 20181;

    private BenchFiles() {
    }

    public static void main(String[] args) throws IOException, SnapshotException {
        if (args.length == 3 && args[0].equals("--convert")) {
            Snapshot s = Snapshots.load(Path.of(args[1]));
            write(s, Path.of(args[2]));
            System.out.println(args[2]);
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        System.out.println(synthetic(dir, n));
    }

    /** The synthetic file for {@code n} entries, generated on first use. */
    public static Path synthetic(Path dir, int n) throws IOException {
        Path file = dir.resolve("synthetic-" + n + ".IOService.xml");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            write(BenchmarkRegistry.snapshot(n, SEED), tmp);
            Files.move(tmp, file);
        }
        return file;
    }

    /** Writes the IOService plane as plain {@code ioreg -a -l} would: sorted keys, no extension key. */
    public static void write(Snapshot s, Path out) throws IOException {
        try (OutputStream o = Files.newOutputStream(out)) {
            new IoregXmlWriter("IOService", KeyOrder.SORTED).write(s, o);
        }
    }
}
