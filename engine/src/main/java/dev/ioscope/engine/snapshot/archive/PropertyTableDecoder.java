package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;

/**
 * Turns the bytes of one entry's embedded property list (IORegistryExplorer stores each property table as an
 * XML plist inside the archive) into the entry's property table.
 */
@FunctionalInterface
public interface PropertyTableDecoder {
    /**
     * @param data   an array holding the embedded plist's bytes (read only: not written to)
     * @param from   where they start in it
     * @param to     where they end (exclusive)
     * @param file   the archive's name, for errors
     * @param limits the bounds the archive is read with
     */
    OSDictionary decode(byte[] data, int from, int to, String file, ParseLimits limits) throws SnapshotException;

    /** The plist in {@code xml}, the whole array. */
    default OSDictionary decode(byte[] xml, String file, ParseLimits limits) throws SnapshotException {
        return decode(xml, 0, xml.length, file, limits);
    }
}
