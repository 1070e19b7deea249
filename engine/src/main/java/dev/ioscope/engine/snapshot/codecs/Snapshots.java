package dev.ioscope.engine.snapshot.codecs;

import dev.ioscope.engine.io.InputFiles;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.DeferredTables;
import dev.ioscope.engine.snapshot.RegistryDepth;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotReader;
import dev.ioscope.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The snapshot façade: detects a file's format by content, reads it, and writes registries in any exportable
 * format. Files are opened read-only and never modified.
 */
public final class Snapshots {
    private Snapshots() {
    }

    /** Readers in sniffing order: binary magics first, then structured text, then loose text. */
    public static List<SnapshotReader> readers() {
        return SnapshotCodecs.READERS;
    }

    public static List<SnapshotWriter> writers() {
        return SnapshotCodecs.WRITERS;
    }

    public static Optional<SnapshotWriter> writer(SnapshotFormat format) {
        return writers().stream().filter(w -> w.format() == format).findFirst();
    }

    public static Optional<SnapshotReader> reader(SnapshotFormat format) {
        return readers().stream().filter(r -> r.format() == format).findFirst();
    }

    /** Detects the format of {@code data} (content first, the file name only to break ties). */
    public static Optional<SnapshotReader> detect(byte[] data, String fileName) {
        byte[] head = Arrays.copyOf(data, Math.min(data.length, 4096));
        for (SnapshotReader r : readers()) {
            if (r.sniff(head, fileName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public static Snapshot load(Path file) throws SnapshotException {
        return load(file, ParseLimits.DEFAULT);
    }

    public static Snapshot load(Path file, ParseLimits limits) throws SnapshotException {
        return load(file, limits, false);
    }

    /**
     * Loads a file, returning as soon as its tree is ready: a reader that stores property tables apart (the
     * {@code .ioreg} archive) leaves them to decode in the background. The caller must
     * {@linkplain DeferredTables#complete() complete} {@link Snapshot#tables()} to learn of a bad table.
     */
    public static Snapshot open(Path file) throws SnapshotException {
        Snapshot s = openTree(file);
        s.tables().start();
        return s;
    }

    /**
     * As {@link #open} but the pending property tables are not started: an entry asked for decodes its own, and the
     * caller starts the rest ({@link DeferredTables#start()}) when it can spare the cores — the explorer once its
     * first frame is drawn — and completes them to learn of a bad table.
     */
    public static Snapshot openTree(Path file) throws SnapshotException {
        return load(file, ParseLimits.DEFAULT, true);
    }

    private static Snapshot load(Path file, ParseLimits limits, boolean deferTables) throws SnapshotException {
        String name = file.toString();
        byte[] data = InputFiles.read(file, limits.maxFileBytes());
        if (data.length == 0) {
            throw new SnapshotException(name, null, "file is empty");
        }
        String fileName = file.getFileName() == null ? name : file.getFileName().toString();
        SnapshotReader reader = detect(data, fileName).orElseThrow(() -> new SnapshotException(name,
                "offset 0", "not a registry snapshot format IOScope knows (" + knownFormats() + ")"));
        return deferTables ? readWith(reader, data, name, limits, file, true)
                : readWith(reader, data, name, limits, file);
    }

    /** Reads bytes whose format is detected; {@code displayName} names the input in errors. */
    public static Snapshot read(byte[] data, String fileName, String displayName, ParseLimits limits)
            throws SnapshotException {
        if (data.length == 0) {
            throw new SnapshotException(displayName, null, "file is empty");
        }
        SnapshotReader reader = detect(data, fileName).orElseThrow(() -> new SnapshotException(displayName,
                "offset 0", "not a registry snapshot format IOScope knows (" + knownFormats() + ")"));
        return readWith(reader, data, displayName, limits);
    }

    /** Reads with a given reader, turning any unexpected failure into a clean SnapshotException. */
    public static Snapshot readWith(SnapshotReader reader, byte[] data, String displayName, ParseLimits limits)
            throws SnapshotException {
        return readWith(reader, data, displayName, limits, null);
    }

    /** As above, telling the reader where the file is (so a .dts can read its includes), when known. */
    public static Snapshot readWith(SnapshotReader reader, byte[] data, String displayName, ParseLimits limits,
                                    Path location) throws SnapshotException {
        return readWith(reader, data, displayName, limits, location, false);
    }

    private static Snapshot readWith(SnapshotReader reader, byte[] data, String displayName, ParseLimits limits,
                                     Path location, boolean deferTables) throws SnapshotException {
        try {
            Snapshot s = deferTables ? reader.open(data, displayName, limits, location)
                    : location == null ? reader.read(data, displayName, limits)
                    : reader.read(data, displayName, limits, location);
            Optional<String> deep = RegistryDepth.tooDeep(s.registry(), limits);
            if (deep.isPresent()) {
                throw new SnapshotException(displayName, null, deep.get());
            }
            return s;
        } catch (SnapshotException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new SnapshotException(displayName, null, "nesting too deep to read");
        } catch (OutOfMemoryError e) {
            throw new SnapshotException(displayName, null, "too large to load in the available memory");
        } catch (RuntimeException e) {
            throw new SnapshotException(displayName, null, "malformed " + reader.format().displayName()
                    + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + ")", e);
        }
    }

    public static void write(Snapshot snapshot, SnapshotFormat format, OutputStream out) throws IOException {
        SnapshotWriter w = writer(format).orElseThrow(() ->
                new IOException("IOScope cannot write " + format.displayName() + " files"));
        // Whatever IOScope writes it reads back: the readers' limits, checked before the first byte is written.
        Optional<String> deep = RegistryDepth.tooDeep(snapshot.registry(), ParseLimits.DEFAULT);
        if (deep.isPresent()) {
            throw new IOException("cannot write " + format.displayName() + ": " + deep.get());
        }
        if (snapshot.registry().size() > ParseLimits.DEFAULT.maxCount()) {
            throw new IOException("cannot write " + format.displayName() + ": " + snapshot.registry().size()
                    + " entries, more than the " + ParseLimits.DEFAULT.maxCount() + " IOScope reads");
        }
        w.write(snapshot, out);
    }

    private static String knownFormats() {
        StringBuilder sb = new StringBuilder();
        for (SnapshotReader r : readers()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(r.format().displayName());
        }
        return sb.toString();
    }
}
