package dev.ioscope.engine.bench;

import dev.ioscope.engine.snapshot.SyntheticRegistry;
import dev.ioscope.engine.snapshot.xml.IoregXmlWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the benchmark inputs under {@code target/bench} (never committed): the synthetic registry of
 * {@code N} entries written as {@code ioreg -a -l} XML. The real-snapshot input is made by
 * {@code src/test/python/ioreg_archive_to_xml.py} (see docs/benchmarks.md).
 *
 * <p>usage: {@code BenchFiles [DIR] [ENTRIES]} (defaults: target/bench, 100000)
 */
public final class BenchFiles {
    public static final long SEED = 20181;

    private BenchFiles() {
    }

    public static void main(String[] args) throws IOException {
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
            try (OutputStream out = Files.newOutputStream(tmp)) {
                new IoregXmlWriter().write(SyntheticRegistry.snapshot(n, SEED), out);
            }
            Files.move(tmp, file);
        }
        return file;
    }
}
