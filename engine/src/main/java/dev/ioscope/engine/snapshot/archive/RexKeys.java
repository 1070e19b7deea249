package dev.ioscope.engine.snapshot.archive;

import java.util.List;

/**
 * The class and key names of IORegistryExplorer's archive (RexDataStore / RexRegistryEntry, dataStoreVersion
 * 1), as found in real files saved by IORegistryExplorer on OS X 10.11 and macOS 10.13.
 */
final class RexKeys {
    static final String DATA_STORE = "RexDataStore";
    static final String ENTRY = "RexRegistryEntry";
    static final List<String> DATA_STORE_CLASSES = List.of(DATA_STORE, "NSObject");
    static final List<String> ENTRY_CLASSES = List.of(ENTRY, "NSObject");
    static final long SUPPORTED_VERSION = 1;

    // RexDataStore
    static final String ARCH_NAME = "archName";
    static final String BYTE_ORDER = "byteOrder";
    static final String DATA_STORE_VERSION = "dataStoreVersion";
    static final String HOST_NAME = "hostName";
    static final String IS_UP_TO_DATE = "isUpToDate";
    static final String LAST_UPDATE_DATE = "lastUpdateDate";
    static final String REGISTRY_PLANES = "registryPlanes";
    static final String REGISTRY_ENTRIES = "registryEntries";

    // RexRegistryEntry
    static final String NAME = "name";
    static final String LOCATION = "location";
    static final String NAMES_IN_PLANES = "namesInPlanes";
    static final String LOCATIONS_IN_PLANES = "locationsInPlanes";
    static final String PARENTS_IN_PLANES = "parentsInPlanes";
    static final String CHILDREN_IN_PLANES = "childrenInPlanes";
    static final String INHERITANCE = "inheritance";
    static final String PROPERTIES = "properties";
    static final String ENTRY_TAG = "entryTag";
    static final String BUNDLE_ID = "bundleID";
    static final String BUSY_COUNT = "busyCount";
    static final String KERNEL_RETAIN_COUNT = "kernelRetainCount";
    static final String IS_REGISTERED = "isRegistered";
    static final String IS_MATCHED = "isMatched";
    static final String IS_ACTIVE = "isActive";
    static final String IS_REGISTRY_ROOT = "isRegistryRoot";
    static final String CONFORMS_TO_IOSERVICE = "conformsToIOService";
    static final String IS_NEW = "isNew";
    static final String DATE_DISCOVERED = "dateDiscovered";
    static final String DATE_LAST_UPDATED = "dateLastUpdated";
    static final String DATE_TERMINATED = "dateTerminated";
    static final String TERMINATION_ACKNOWLEDGED = "terminationAcknowledged";

    /**
     * Our own key in {@code snapshotInfo}: planes whose {@code childrenInPlanes} list was saved empty (an entry
     * whose children were detached keeps an empty list; seen once in iMac16-1.ioreg).
     */
    static final String EMPTY_CHILDREN_PLANES = "emptyChildrenInPlanes";

    /**
     * IOScope's own key on RexDataStore and RexRegistryEntry, present only when needed: the bytes of an XML plist
     * holding what Apple's keys cannot say for a registry that did not come from IORegistryExplorer (an entry ID
     * that does not follow the entryTag rule, busy time, snapshot info from other formats, exact property types).
     * NSKeyedUnarchiver ignores keys a class does not ask for, so IORegistryExplorer is not disturbed by it.
     */
    static final String IOSCOPE_EXTRAS = "ioscopeExtras";
    static final String X_REGISTRY_ENTRY_ID = "registryEntryID";
    static final String X_NO_INHERITANCE = "inheritanceUnknown";
    static final String X_BUSY_TIME_MS = "busyTimeMs";
    static final String X_SNAPSHOT_INFO = "snapshotInfo";
    static final String X_TYPED_PROPERTIES = "typedProperties";
    static final String X_OWN_NAME_PLANES = "planesNamingDefault";
    static final String X_OWN_LOCATION_PLANES = "planesLocatingDefault";
    /** On RexDataStore: the snapshot's info when the store's own keys do not reproduce it. */
    static final String X_INFO = "info";

    private RexKeys() {
    }
}
