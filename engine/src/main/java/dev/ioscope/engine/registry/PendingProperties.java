package dev.ioscope.engine.registry;

import dev.ioscope.engine.os.OSDictionary;

/**
 * An entry's property table that a snapshot reader has not decoded yet (an {@code .ioreg} archive stores each
 * table as its own embedded plist). The entry decodes it the first time its properties are asked for, unless
 * the reader's background decoding got there first; either way it is decoded exactly once.
 */
@FunctionalInterface
public interface PendingProperties {
    /**
     * The decoded table. A table that cannot be decoded gives an empty one here; its reader keeps the error and
     * reports it (see {@code dev.ioscope.engine.snapshot.DeferredTables}), so nothing is lost silently.
     */
    OSDictionary decode();
}
