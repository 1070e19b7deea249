package dev.ioscope.engine.service.kext;

import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.io.SnapshotException;

/**
 * Turns the bytes of a property list into libkern values. The catalogue only needs this one operation, so it
 * depends on this interface rather than on a particular reader ({@link KextLoader#KextLoader()} uses the
 * engine's XmlPlistReader; tests and plugins may pass another).
 */
@FunctionalInterface
public interface PlistDecoder {
    /**
     * @param data the file's bytes
     * @param name the file name, used in error messages
     * @throws SnapshotException naming the file, the place (line:column) and the problem
     */
    OSObject decode(byte[] data, String name) throws SnapshotException;
}
