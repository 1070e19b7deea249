package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.plist.ArchivedObject;
import dev.ioscope.engine.os.plist.NSKeyedArchive;
import dev.ioscope.engine.os.plist.PlistValue;
import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.snapshot.DeferredTables;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds our registry from a RexDataStore's entries: first every entry (in the saved order, so
 * {@link IORegistry#entries()} keeps it) with its class chain, names, locations, property table, state and
 * snapshot info (IOScope's extras, when present, override what Apple's keys give), then the links through
 * {@link RexLinker}.
 */
final class RexRegistryBuilder {
    /** Largest entryTag we accept: IDs must stay positive and distinct. */
    private static final long MAX_TAG = 1L << 40;

    private final NSKeyedArchive archive;
    private final PropertyTableDecoder decoder;
    private final ParseLimits limits;
    private final String file;
    private final Map<Long, IORegistryEntry> byUid = new HashMap<>();
    private final List<ArchiveTable> tables = new ArrayList<>();
    private IORegistry registry;

    RexRegistryBuilder(NSKeyedArchive archive, PropertyTableDecoder decoder, ParseLimits limits) {
        this.archive = archive;
        this.decoder = decoder;
        this.limits = limits;
        this.file = archive.file();
    }

    IORegistry build(List<String> planeNames, PArray entryRefs, String where) throws SnapshotException {
        if (entryRefs.size() > limits.maxCount()) {
            throw new SnapshotException(file, where, entryRefs.size() + " entries exceed the limit of "
                    + limits.maxCount());
        }
        List<ArchivedObject> objects = new ArrayList<>(entryRefs.size());
        ArchivedObject root = null;
        for (int i = 0; i < entryRefs.size(); i++) {
            if (!(entryRefs.get(i) instanceof PUid u)) {
                throw new SnapshotException(file, where + " item " + i, "not a RexRegistryEntry reference");
            }
            ArchivedObject o = archive.object(u.index(), "registryEntries item " + i);
            if (!o.isKindOf(RexKeys.ENTRY)) {
                throw new SnapshotException(file, "archive object " + u.index(), "registryEntries item " + i
                        + " is a '" + o.className() + "', not a " + RexKeys.ENTRY);
            }
            if (o.bool(RexKeys.IS_REGISTRY_ROOT)) {
                if (root != null) {
                    throw new SnapshotException(file, "archive object " + u.index(), "a second registry root (the "
                            + "first is archive object " + root.uid() + ")");
                }
                root = o;
            }
            objects.add(o);
        }
        if (root == null) {
            throw new SnapshotException(file, where, "no entry is marked isRegistryRoot");
        }
        Map<ArchivedObject, OSDictionary> extras = new IdentityHashMap<>();
        for (ArchivedObject o : objects) {
            extras.put(o, extras(o));
        }
        registry = IORegistry.create(idFor(root, extras.get(root)), root.requiredString(RexKeys.NAME));
        for (String p : planeNames) {
            registry.plane(p);
        }
        List<IORegistryEntry> entries = new ArrayList<>(objects.size());
        for (ArchivedObject o : objects) {
            entries.add(createEntry(o, o == root, extras.get(o)));
        }
        new RexLinker(registry, byUid, limits, file).link(objects, entries, objects.indexOf(root));
        return registry;
    }

    /** The property tables left to decode, in file order (filled by {@link #build}). */
    DeferredTables tables() {
        return new DeferredTables(tables);
    }

    private IORegistryEntry createEntry(ArchivedObject o, boolean isRoot, OSDictionary extras)
            throws SnapshotException {
        String name = o.requiredString(RexKeys.NAME);
        List<String> chain = new ArrayList<>();
        for (PlistValue c : o.array(RexKeys.INHERITANCE).items()) {
            if (!(c instanceof PString s)) {
                throw new SnapshotException(file, o.where(RexKeys.INHERITANCE), "a class name is not a string");
            }
            chain.add(s.value());
        }
        if (chain.isEmpty()) {
            throw new SnapshotException(file, o.where(RexKeys.INHERITANCE), "empty class chain");
        }
        IORegistryEntry e;
        if (isRoot) {
            e = registry.root();
            e.setClassName(chain.get(0));
        } else {
            long id = idFor(o, extras);
            if (registry.entry(id).isPresent() || byUid.containsKey((long) o.uid())) {
                throw new SnapshotException(file, o.where(RexKeys.ENTRY_TAG), "entry listed twice, or its ID 0x"
                        + Long.toHexString(id) + " (from entryTag " + o.integer(RexKeys.ENTRY_TAG) + ") used twice");
            }
            e = registry.createEntry(id, chain.get(0), name);
        }
        byUid.put((long) o.uid(), e);
        if (!(extras.get(RexKeys.X_NO_INHERITANCE) instanceof OSBoolean b && b.value())) {
            e.setInheritance(chain);
            registry.classes().learnChain(chain);
        }
        e.setLocation(o.string(RexKeys.LOCATION));
        for (Map.Entry<String, PlistValue> n : RexPlaneTables.strings(o, RexKeys.NAMES_IN_PLANES).entrySet()) {
            if (!n.getValue().equals(new PString(name))) {
                e.setName(registry.plane(n.getKey()), ((PString) n.getValue()).value());
            }
        }
        String loc = e.location();
        for (Map.Entry<String, PlistValue> l : RexPlaneTables.strings(o, RexKeys.LOCATIONS_IN_PLANES).entrySet()) {
            String v = ((PString) l.getValue()).value();
            if (!v.equals(loc)) {
                e.setLocation(registry.plane(l.getKey()), v);
            }
        }
        for (String p : IoregArchiveWriter.strings(extras.get(RexKeys.X_OWN_NAME_PLANES))) {
            e.setName(registry.plane(RexPlaneTables.plane(o, RexKeys.IOSCOPE_EXTRAS, p)), name);
        }
        for (String p : IoregArchiveWriter.strings(extras.get(RexKeys.X_OWN_LOCATION_PLANES))) {
            e.setLocation(registry.plane(RexPlaneTables.plane(o, RexKeys.IOSCOPE_EXTRAS, p)), loc);
        }
        if (extras.get(RexKeys.X_TYPED_PROPERTIES) instanceof OSDictionary typed) {
            e.setProperties(typed);
        } else {
            // decoded on first use or by the background threads (DeferredTables); the bytes are checked now
            ArchiveTable table = new ArchiveTable(e, o.data(RexKeys.PROPERTIES), decoder, limits, file,
                    o.where(RexKeys.PROPERTIES));
            e.setPendingProperties(table);
            tables.add(table);
        }
        boolean service = o.bool(RexKeys.CONFORMS_TO_IOSERVICE);
        long busyTime = extras.get(RexKeys.X_BUSY_TIME_MS) instanceof OSNumber n ? n.signedValue() : -1;
        e.setState(new EntryState(service, o.bool(RexKeys.IS_REGISTERED), o.bool(RexKeys.IS_MATCHED),
                o.bool(RexKeys.IS_ACTIVE), (int) o.integer(RexKeys.BUSY_COUNT), busyTime,
                (int) o.integer(RexKeys.KERNEL_RETAIN_COUNT)));
        if (extras.get(RexKeys.X_SNAPSHOT_INFO) instanceof OSDictionary info) {
            e.setSnapshotInfo(info);
        } else {
            e.setSnapshotInfo(new RexEntryInfo(o.integer(RexKeys.ENTRY_TAG), o.string(RexKeys.BUNDLE_ID),
                    o.bool(RexKeys.IS_NEW), o.date(RexKeys.DATE_DISCOVERED), o.date(RexKeys.DATE_LAST_UPDATED),
                    o.date(RexKeys.DATE_TERMINATED), o.bool(RexKeys.TERMINATION_ACKNOWLEDGED), service, chain,
                    emptyChildPlanes(o)).toInfo());
        }
        return e;
    }

    /** IOScope's extras (see {@link RexKeys#IOSCOPE_EXTRAS}), or an empty table. */
    private OSDictionary extras(ArchivedObject o) throws SnapshotException {
        if (!o.has(RexKeys.IOSCOPE_EXTRAS)) {
            return OSDictionary.empty();
        }
        return (OSDictionary) TypedValues.untag(decode(o, RexKeys.IOSCOPE_EXTRAS,
                o.data(RexKeys.IOSCOPE_EXTRAS).toByteArray()));
    }

    private OSDictionary decode(ArchivedObject o, String key, byte[] xml) throws SnapshotException {
        try {
            return decoder.decode(xml, file, limits);
        } catch (SnapshotException x) {
            throw new SnapshotException(file, o.where(key) + (x.place() == null ? "" : ", " + x.place()),
                    x.problem(), x);
        }
    }

    private List<String> emptyChildPlanes(ArchivedObject o) throws SnapshotException {
        List<String> empty = new ArrayList<>();
        for (Map.Entry<String, PlistValue> c : RexPlaneTables.lists(o, RexKeys.CHILDREN_IN_PLANES).entrySet()) {
            if (((PArray) c.getValue()).size() == 0) {
                empty.add(c.getKey());
            }
        }
        return empty;
    }

    private long idFor(ArchivedObject o, OSDictionary extras) throws SnapshotException {
        if (extras.get(RexKeys.X_REGISTRY_ENTRY_ID) instanceof OSNumber id) {
            return id.unsigned64BitValue();
        }
        long tag = o.integer(RexKeys.ENTRY_TAG);
        if (tag < 1 || tag > MAX_TAG) {
            throw new SnapshotException(file, o.where(RexKeys.ENTRY_TAG), "entryTag " + tag + " is not 1.."
                    + MAX_TAG);
        }
        return IORegistry.ROOT_ID + tag - 1;
    }
}
