package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;

import java.nio.file.Path;

/** Reads one snapshot format. Implementations are stateless and never write to their input. */
public interface SnapshotReader {
    SnapshotFormat format();

    /**
     * True if the first bytes of a file look like this format. {@code head} holds up to 4096 bytes;
     * {@code fileName} may help break ties but content decides.
     */
    boolean sniff(byte[] head, String fileName);

    /**
     * Reads a whole file's bytes. {@code name} is used in error messages.
     *
     * @throws SnapshotException for any malformed, truncated or hostile input (never another exception)
     */
    Snapshot read(byte[] data, String name, ParseLimits limits) throws SnapshotException;

    /**
     * Reads a file's bytes knowing where the file is, for formats that refer to other files (a {@code .dts}
     * includes {@code .dtsi} files beside it). Other files are only ever read. By default the location is unused.
     */
    default Snapshot read(byte[] data, String name, ParseLimits limits, Path location)
            throws SnapshotException {
        return read(data, name, limits);
    }

    /**
     * Reads as {@link #read(byte[], String, ParseLimits, java.nio.file.Path)} but may return before every
     * property table is decoded: the snapshot's {@link Snapshot#tables()} are left pending, not started (an
     * entry asked for decodes its own); the caller starts them ({@link DeferredTables#start()}) when it wants
     * them decoded in the background, and completes them to learn of bad input. By default everything is read at
     * once.
     */
    default Snapshot open(byte[] data, String name, ParseLimits limits, Path location)
            throws SnapshotException {
        return location == null ? read(data, name, limits) : read(data, name, limits, location);
    }
}
