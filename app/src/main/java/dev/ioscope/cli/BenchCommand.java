package dev.ioscope.cli;

import dev.ioscope.engine.io.FileKind;
import dev.ioscope.engine.io.InputFiles;
import dev.ioscope.engine.os.plist.XmlPlistWriter;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotReader;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.BenchmarkRegistry;
import dev.ioscope.engine.snapshot.xml.IoregXmlWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ioscope bench [--runs N] [--warmup N] [--synthetic ENTRIES [--keep FILE]] FILE...}: times snapshot
 * import without JMH. Each file is read into memory once; every run parses the bytes into a registry (format
 * detected as {@code open} does). Prints the median time, throughput, and the heap still held by one loaded
 * registry (heap used after a full GC with the registry alive, minus the same before loading) against the
 * file size. Besides wall time it reports the reading thread's CPU time, which stays meaningful on a machine
 * shared with other work (it leaves out GC threads). For careful numbers use the JMH benchmark
 * (docs/benchmarks.md); this is the quick check.
 */
@Command(name = "bench",
        customSynopsis = "ioscope bench [--runs N] [--warmup N] [--synthetic ENTRIES [--keep FILE]] [FILE...]",
        description = {"Time snapshot import (median ms, MB/s) and heap held after load.",
            "With no FILE and no --synthetic: the largest real snapshot in the corpus "
                + "(engine/src/test/resources/real) (when found) and a synthetic 100000-entry registry."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per file (default 7).")
    int runs = 7;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Untimed runs first, to let the JIT compile the reader (default 10).")
    int warmup = 10;

    @Option(names = "--synthetic", paramLabel = "ENTRIES",
            description = "Also bench a generated registry of ENTRIES entries written as ioreg -a XML.")
    int synthetic;

    @Option(names = "--keep", paramLabel = "FILE",
            description = "Where to write that generated file (default: a temporary file, deleted).")
    Path keep;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Snapshots to time.")
    List<Path> inputs = new ArrayList<>();

    private final PrintStream out;

    BenchCommand(Streams io) {
        this.out = io.out();
    }

    @Override
    public Integer call() throws Exception {
        for (var n : List.of(Map.entry("--runs", runs), Map.entry("--warmup", warmup),
                Map.entry("--synthetic", synthetic))) {
            if (n.getValue() < 0) {
                throw new UsageException(n.getKey() + " needs a non-negative number, not " + n.getValue());
            }
        }
        int synthetic = this.synthetic;
        List<Path> files = new ArrayList<>(inputs);
        if (files.isEmpty() && synthetic == 0) {
            // No input named: the two benchmark inputs, the largest real snapshot (when the corpus
            // folder is found) and a synthetic 100k-entry registry.
            largestRealSnapshot().ifPresent(files::add);
            synthetic = 100_000;
        }
        Path generated = null;
        if (synthetic > 0 && keep != null) {
            FileKind k = FileKind.of(keep);
            if (k != FileKind.MISSING && k != FileKind.REGULAR) {   // a FIFO would block the write until a reader
                throw new RefusedException("--keep " + keep + ": is " + k.words() + "; the generated file is read "
                        + "back to be timed, so it must be a regular file or a new path");
            }
        }
        if (synthetic > 0) {
            generated = keep != null ? keep : Files.createTempFile("ioscope-synthetic-", ".IOService.xml");
            writeSynthetic(synthetic, generated);
            files.add(generated);
        }
        if (files.isEmpty()) {
            throw new UsageException("nothing to measure");
        }
        try {
            out.printf("%-40s %10s %10s %9s %9s %12s %7s%n", "file", "bytes", "median ms", "cpu ms", "MB/s",
                    "held bytes", "ratio");
            for (Path f : files) {
                bench(f, runs, warmup, out);
            }
        } finally {
            if (generated != null && keep == null) {
                Files.deleteIfExists(generated);
            }
        }
        return ExitCodes.OK;
    }

    /** The repository's real corpus (engine/src/test/resources/real/README.md). */
    private static final String CORPUS = "engine/src/test/resources/real";

    /** The largest file under the corpus's snapshots ({@code ioscope.corpus}, or found above the cwd). */
    static Optional<Path> largestRealSnapshot() throws IOException {
        Path data = null;
        String prop = System.getProperty("ioscope.corpus");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            data = Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); data == null && p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(CORPUS + "/snapshots"))) {
                data = p.resolve(CORPUS);
            }
        }
        if (data == null || !Files.isDirectory(data.resolve("snapshots"))) {
            return Optional.empty();
        }
        try (var s = Files.list(data.resolve("snapshots"))) {
            return s.filter(Files::isRegularFile).max(Comparator.comparingLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return -1L;
                }
            }));
        }
    }

    private static void writeSynthetic(int entries, Path file) throws IOException {
        Snapshot s = BenchmarkRegistry.snapshot(entries, 20181);
        try (OutputStream o = Files.newOutputStream(file)) {
            // Plain ioreg -a -l output (sorted keys, no IOScope extension key): what the benchmark is about.
            new IoregXmlWriter("IOService", XmlPlistWriter.KeyOrder.SORTED).write(s, o);
        }
    }

    private static void bench(Path file, int runs, int warmup, PrintStream out) throws Exception {
        byte[] data = InputFiles.read(file, ParseLimits.DEFAULT.maxFileBytes());
        String name = file.getFileName().toString();
        SnapshotReader reader = Snapshots.detect(data, name).orElseThrow(() -> new SnapshotException(
                file.toString(), null, "not a snapshot format IOScope knows"));
        for (int i = 0; i < warmup; i++) {
            Snapshots.readWith(reader, data, name, ParseLimits.DEFAULT);
        }
        double[] ms = new double[Math.max(1, runs)];
        double[] cpu = new double[ms.length];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < ms.length; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Snapshots.readWith(reader, data, name, ParseLimits.DEFAULT);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        double median = median(ms);
        double cpuMedian = median(cpu);

        long before = usedAfterGc();
        Snapshot held = Snapshots.readWith(reader, data, name, ParseLimits.DEFAULT);
        long after = usedAfterGc();
        long retained = Math.max(0, after - before);
        out.printf("%-40s %10d %10.1f %9.1f %9.1f %12d %6.2fx%n", shorten(name), data.length, median, cpuMedian,
                data.length / 1e6 / (median / 1000), retained, retained / (double) data.length);
        Reference.reachabilityFence(held);   // held must stay alive through the measurement
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Heap used after full collections (System.gc twice, as one pass may leave finalizable garbage). */
    private static long usedAfterGc() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : "…" + s.substring(s.length() - 39);
    }
}
