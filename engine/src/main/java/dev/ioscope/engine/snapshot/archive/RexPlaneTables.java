package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.plist.ArchivedObject;
import dev.ioscope.engine.os.plist.PlistValue;
import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.SnapshotException;

import java.util.Map;

/** RexRegistryEntry's per-plane tables (plane name → value), checked before use. */
final class RexPlaneTables {
    private RexPlaneTables() {
    }

    /** A plane → string dictionary (namesInPlanes, locationsInPlanes). */
    static Map<String, PlistValue> strings(ArchivedObject o, String key) throws SnapshotException {
        return table(o, key, PString.class, "a string");
    }

    /** A plane → array of entries dictionary (parentsInPlanes, childrenInPlanes). */
    static Map<String, PlistValue> lists(ArchivedObject o, String key) throws SnapshotException {
        return table(o, key, PArray.class, "an array");
    }

    private static Map<String, PlistValue> table(ArchivedObject o, String key, Class<?> type, String what)
            throws SnapshotException {
        PDict d = o.has(key) ? o.dictionary(key) : new PDict(Map.of());
        for (Map.Entry<String, PlistValue> e : d.entries().entrySet()) {
            plane(o, key, e.getKey());
            if (!type.isInstance(e.getValue())) {
                throw new SnapshotException(o.archive().file(), o.where(key), "value for plane " + e.getKey()
                        + " is not " + what);
            }
        }
        return d.entries();
    }

    /** A valid plane name (IORegistryPlane's rule), or an error naming the table. */
    static String plane(ArchivedObject o, String key, String plane) throws SnapshotException {
        try {
            return new IORegistryPlane(plane).name();
        } catch (IllegalArgumentException x) {
            throw new SnapshotException(o.archive().file(), o.where(key), "bad plane name '" + plane + "'");
        }
    }
}
