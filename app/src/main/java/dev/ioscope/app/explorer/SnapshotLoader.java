package dev.ioscope.app.explorer;

import dev.ioscope.app.ui.Resources;
import dev.ioscope.engine.explore.SampleMacRegistry;
import dev.ioscope.engine.machine.DefaultMachine;
import dev.ioscope.engine.machine.JsonFileKind;
import dev.ioscope.engine.machine.MachineReader;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.BenchmarkRegistry;
import dev.ioscope.engine.snapshot.DeferredTables;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Loads documents (runs on a job thread): a file, or the bundled default machine. */
public final class SnapshotLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoader.class);
    static final String DEFAULT_MACHINE = "default-machine.ioreg.gz";
    static final String DEFAULT_NAME = "iMac16-1.ioreg";

    /**
     * Reads {@code file} to its tree: an archive's property tables are left pending ({@link Snapshots#openTree})
     * and decoded, with the index, from when the explorer has drawn the tree ({@link PendingIndex#whenStarted}); an
     * entry whose properties are asked for first (the inspector's) decodes its own at once. The explorer then
     * completes the tables to report a bad one ({@link ExplorerViewModel}); {@code loadMillis} is the time to the
     * tree.
     */
    public Document load(Path file) throws SnapshotException {
        long t0 = System.nanoTime();
        Snapshot s = JsonFileKind.of(file)
                == JsonFileKind.MACHINE_DESCRIPTION
                // a machine description is booted (with the app's families and the user's plugins) and shown
                ? DefaultMachine.boot(MachineReader.read(file),
                        null)
                : Snapshots.openTree(file);
        DeferredTables tables = s.tables();
        PendingIndex index = PendingIndex.deferred(s.registry(), () -> { });
        // the tables start with start(), beside the quick stage (which they would otherwise feed one by one)
        index.whenStarted(tables::start);
        String title = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return new Document(s, index, file, title, (System.nanoTime() - t0) / 1_000_000);
    }

    /** How the default machine boots (DefaultMachine.boot; a test passes one that fails). */
    interface Boot {
        Snapshot boot() throws SnapshotException;
    }

    /**
     * The default machine: the bundled virtual Mac booted by the engine on virtual time with the built-in hardware
     * families (DefaultMachine). If it cannot boot (no families on the class path, a broken user plugin), the
     * bundled real iMac16,1 snapshot opens instead, so the app always shows a real registry; the reason is
     * logged and shown in the document's title, which the status bar shows.
     */
    public Document defaultMachine() {
        return defaultMachine(DefaultMachine::boot);
    }

    Document defaultMachine(Boot boot) {
        long t0 = System.nanoTime();
        try {
            Snapshot s = boot.boot();
            // its index is built from when the tree is drawn, as a file's
            return new Document(s, PendingIndex.deferred(s.registry(), () -> { }), null, "Virtual Mac (booted)",
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (SnapshotException | RuntimeException e) {
            LOG.warn("the virtual Mac could not boot ({}); opening the bundled {} instead", e.getMessage(),
                    DEFAULT_NAME, e);
            Document bundled = bundledSnapshot();
            return new Document(bundled.snapshot(), bundled.searchIndex(), null, bundled.title()
                    + " — the virtual Mac could not boot: " + e.getMessage(), bundled.loadMillis());
        }
    }

    /**
     * The bundled iMac16,1 registry (a real IORegistryExplorer save), read through the engine's .ioreg reader.
     * When that reader is not installed the app still opens, on a synthetic Mac-shaped registry.
     */
    public Document bundledSnapshot() {
        long t0 = System.nanoTime();
        Snapshot s;
        String title;
        try {
            s = Snapshots.read(gunzip(Resources.bytes(DEFAULT_MACHINE)), DEFAULT_NAME, "bundled " + DEFAULT_NAME,
                    ParseLimits.DEFAULT);
            title = DEFAULT_NAME + " (bundled)";
        } catch (SnapshotException e) {
            LOG.warn("the bundled {} could not be read ({}); opening a synthetic registry", DEFAULT_NAME,
                    e.getMessage(), e);
            s = new Snapshot(SampleMacRegistry.build(2_000, 1), SnapshotFormat.IOREG_ARCHIVE, OSDictionary.empty(),
                    "sample");
            title = "Sample machine (synthetic) — the bundled " + DEFAULT_NAME + " could not be read: "
                    + e.getMessage();
        }
        return new Document(s, PendingIndex.building(s.registry()), null, title, (System.nanoTime() - t0) / 1_000_000);
    }

    /** A synthetic registry of {@code entries} entries (benchmarks, the Help menu's stress sample). */
    public Document synthetic(int entries) {
        long t0 = System.nanoTime();
        Snapshot s = new Snapshot(SampleMacRegistry.build(entries, 7), SnapshotFormat.IOREG_ARCHIVE,
                OSDictionary.empty(), "synthetic");
        return new Document(s, PendingIndex.building(s.registry()), null, "Synthetic " + entries + " entries",
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * The project's standard synthetic registry ({@code BenchmarkRegistry}), as benchmarks use it: handed back as
     * soon as its tree is built; its property tables and its index are built on background threads from when the
     * tree is drawn ({@link PendingIndex#deferred}), or when first asked for.
     */
    public Document benchmark(int entries) {
        long t0 = System.nanoTime();
        Snapshot s = BenchmarkRegistry.open(entries, 1);
        DeferredTables tables = s.tables();
        return new Document(s, PendingIndex.deferred(s.registry(), tables::start), null,
                "Synthetic " + entries + " entries",
                (System.nanoTime() - t0) / 1_000_000);
    }

    static byte[] gunzip(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("bundled default machine is damaged", e);
        }
    }
}
