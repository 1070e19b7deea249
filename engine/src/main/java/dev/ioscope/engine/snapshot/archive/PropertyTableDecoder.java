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
     * @param xml    the embedded plist's bytes
     * @param file   the archive's name, for errors
     * @param limits the bounds the archive is read with
     */
    OSDictionary decode(byte[] xml, String file, ParseLimits limits) throws SnapshotException;
}
