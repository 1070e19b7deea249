package dev.ioscope.engine.registry;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;

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

    /**
     * True when {@link #property} answers {@code key} without decoding the table: a reader that knows a few values
     * before decoding (the benchmark generator knows every entry's {@code BSD Name} from its tree pass) says so, and
     * the quick search index then reads them without waiting for the tables. None by default.
     */
    default boolean knows(String key) {
        return false;
    }

    /**
     * The value {@code key} has in the decoded table (null when it has none), for a key this table {@link #knows};
     * it must equal {@code decode().get(key)}.
     */
    default OSObject property(String key) {
        return decode().get(key);
    }
}
