package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.plist.PlistValue.PDate;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry's {@code snapshotInfo} as the reader derives it from a RexRegistryEntry's own keys: the facts
 * I/O Kit's model has no field for. The writer derives the same from what it writes, and when an entry's
 * snapshotInfo differs (it came from another format, or was edited) the exact table goes into the archive's
 * IOScope extras, so nothing is lost either way.
 */
record RexEntryInfo(long entryTag, String bundleID, boolean isNew, PDate dateDiscovered, PDate dateLastUpdated,
                    PDate dateTerminated, boolean terminationAcknowledged, boolean conformsToIOService,
                    List<String> inheritance, List<String> emptyChildrenPlanes) {

    OSDictionary toInfo() {
        OSDictionary.Builder b = OSDictionary.builder(8);
        b.put(RexKeys.ENTRY_TAG, OSNumber.of64(entryTag));
        if (bundleID != null) {
            b.put(RexKeys.BUNDLE_ID, OSString.of(bundleID));
        }
        b.put(RexKeys.IS_NEW, OSBoolean.of(isNew));
        putDate(b, RexKeys.DATE_DISCOVERED, dateDiscovered);
        putDate(b, RexKeys.DATE_LAST_UPDATED, dateLastUpdated);
        putDate(b, RexKeys.DATE_TERMINATED, dateTerminated);
        b.put(RexKeys.TERMINATION_ACKNOWLEDGED, OSBoolean.of(terminationAcknowledged));
        // recorded only when the archive's flag disagrees with the class chain (EntryState.service has it too)
        if (conformsToIOService != inheritance.contains("IOService")) {
            b.put(RexKeys.CONFORMS_TO_IOSERVICE, OSBoolean.of(conformsToIOService));
        }
        if (!emptyChildrenPlanes.isEmpty()) {
            List<OSObject> planes = new ArrayList<>();
            emptyChildrenPlanes.forEach(p -> planes.add(OSString.of(p)));
            b.put(RexKeys.EMPTY_CHILDREN_PLANES, OSArray.of(planes));
        }
        return b.build();
    }

    private static void putDate(OSDictionary.Builder b, String key, PDate d) {
        if (d != null) {
            b.put(key, ArchiveDates.toInfo(d));
        }
    }
}
