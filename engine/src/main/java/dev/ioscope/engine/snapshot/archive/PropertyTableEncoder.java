package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSDictionary;

/** Writes one entry's property table as the embedded XML plist IORegistryExplorer stores. */
@FunctionalInterface
public interface PropertyTableEncoder {
    byte[] encode(OSDictionary properties);
}
