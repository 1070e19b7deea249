package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.plist.ArchivedObject;
import dev.ioscope.engine.os.plist.NSKeyedArchive;
import dev.ioscope.engine.os.plist.PlistValue;
import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PDate;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.ParseLimits;
import dev.ioscope.engine.snapshot.SnapshotException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds our registry from a RexDataStore's entries: first every entry (in the saved order, so
 * {@link IORegistry#entries()} keeps it), then the links plane by plane, children in each parent's saved order
 * and then each entry's parents put back into their saved order.
 */
final class RexRegistryBuilder {
    /** Largest entryTag we accept: IDs must stay positive and distinct. */
    private static final long MAX_TAG = 1L << 40;

    private final NSKeyedArchive archive;
    private final PropertyTableDecoder decoder;
    private final ParseLimits limits;
    private final String file;
    private final Map<Long, IORegistryEntry> byUid = new HashMap<>();
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
        registry = IORegistry.create(idFor(root), root.requiredString(RexKeys.NAME));
        for (String p : planeNames) {
            registry.plane(p);
        }
        List<IORegistryEntry> entries = new ArrayList<>(objects.size());
        for (ArchivedObject o : objects) {
            entries.add(createEntry(o, o == root));
        }
        for (int i = 0; i < objects.size(); i++) {
            linkChildren(objects.get(i), entries.get(i));
        }
        for (int i = 0; i < objects.size(); i++) {
            checkParents(objects.get(i), entries.get(i));
        }
        return registry;
    }

    private IORegistryEntry createEntry(ArchivedObject o, boolean isRoot) throws SnapshotException {
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
            long id = idFor(o);
            if (registry.entry(id).isPresent() || byUid.containsKey((long) o.uid())) {
                throw new SnapshotException(file, o.where(RexKeys.ENTRY_TAG), "entry listed twice or entryTag "
                        + o.integer(RexKeys.ENTRY_TAG) + " used twice");
            }
            e = registry.createEntry(id, chain.get(0), name);
        }
        byUid.put((long) o.uid(), e);
        e.setInheritance(chain);
        registry.classes().learnChain(chain);
        e.setLocation(o.string(RexKeys.LOCATION));
        for (Map.Entry<String, PlistValue> n : planeStrings(o, RexKeys.NAMES_IN_PLANES).entrySet()) {
            if (!n.getValue().equals(new PString(name))) {
                e.setName(registry.plane(n.getKey()), ((PString) n.getValue()).value());
            }
        }
        String loc = e.location();
        for (Map.Entry<String, PlistValue> l : planeStrings(o, RexKeys.LOCATIONS_IN_PLANES).entrySet()) {
            String v = ((PString) l.getValue()).value();
            if (!v.equals(loc)) {
                e.setLocation(registry.plane(l.getKey()), v);
            }
        }
        byte[] xml = o.data(RexKeys.PROPERTIES).toByteArray();
        try {
            // Kernel-serialized "<Class> is not serializable" strings are kept as such markers, as every importer does.
            e.setProperties((dev.ioscope.engine.os.OSDictionary) dev.ioscope.engine.os.OSUnserializable.recognize(
                    decoder.decode(xml, file, limits)));
        } catch (SnapshotException x) {
            throw new SnapshotException(file, o.where(RexKeys.PROPERTIES) + (x.place() == null ? "" : ", "
                    + x.place()), x.problem(), x);
        }
        boolean service = o.bool(RexKeys.CONFORMS_TO_IOSERVICE);
        e.setState(new EntryState(service, o.bool(RexKeys.IS_REGISTERED), o.bool(RexKeys.IS_MATCHED),
                o.bool(RexKeys.IS_ACTIVE), (int) o.integer(RexKeys.BUSY_COUNT), -1,
                (int) o.integer(RexKeys.KERNEL_RETAIN_COUNT)));
        e.setSnapshotInfo(entryInfo(o, chain, service));
        return e;
    }

    /** Facts I/O Kit's model has no field for, kept so a rewrite loses nothing. */
    private OSDictionary entryInfo(ArchivedObject o, List<String> chain, boolean service) throws SnapshotException {
        OSDictionary.Builder b = OSDictionary.builder(8);
        b.put(RexKeys.ENTRY_TAG, OSNumber.of64(o.integer(RexKeys.ENTRY_TAG)));
        String bundle = o.string(RexKeys.BUNDLE_ID);
        if (bundle != null) {
            b.put(RexKeys.BUNDLE_ID, OSString.of(bundle));
        }
        b.put(RexKeys.IS_NEW, OSBoolean.of(o.bool(RexKeys.IS_NEW)));
        for (String k : List.of(RexKeys.DATE_DISCOVERED, RexKeys.DATE_LAST_UPDATED, RexKeys.DATE_TERMINATED)) {
            PDate d = o.date(k);
            if (d != null) {
                b.put(k, ArchiveDates.toInfo(d));
            }
        }
        b.put(RexKeys.TERMINATION_ACKNOWLEDGED, OSBoolean.of(o.bool(RexKeys.TERMINATION_ACKNOWLEDGED)));
        if (service != chain.contains("IOService")) {
            b.put(RexKeys.CONFORMS_TO_IOSERVICE, OSBoolean.of(service));
        }
        return b.build();
    }

    private void linkChildren(ArchivedObject o, IORegistryEntry parent) throws SnapshotException {
        List<String> empty = new ArrayList<>();
        for (Map.Entry<String, PlistValue> c : planeLists(o, RexKeys.CHILDREN_IN_PLANES).entrySet()) {
            IORegistryPlane plane = registry.plane(c.getKey());
            List<PlistValue> children = ((PArray) c.getValue()).items();
            if (children.isEmpty()) {
                empty.add(c.getKey());
            }
            for (int i = 0; i < children.size(); i++) {
                IORegistryEntry child = entryAt(o, RexKeys.CHILDREN_IN_PLANES, c.getKey(), i, children.get(i));
                try {
                    registry.attach(child, parent, plane);
                } catch (IllegalArgumentException x) {
                    throw new SnapshotException(file, o.where(RexKeys.CHILDREN_IN_PLANES), x.getMessage());
                }
            }
        }
        if (!empty.isEmpty()) {
            OSArray planes = OSArray.of(empty.stream().map(s -> (dev.ioscope.engine.os.OSObject) OSString.of(s))
                    .toList());
            parent.setSnapshotInfo(parent.snapshotInfo().with(RexKeys.EMPTY_CHILDREN_PLANES, planes));
        }
    }

    /**
     * Each saved parent must be linked (a file whose parent and child lists disagree gets the missing links
     * made), then the parents go back into their saved order.
     */
    private void checkParents(ArchivedObject o, IORegistryEntry child) throws SnapshotException {
        for (Map.Entry<String, PlistValue> p : planeLists(o, RexKeys.PARENTS_IN_PLANES).entrySet()) {
            IORegistryPlane plane = registry.plane(p.getKey());
            List<PlistValue> saved = ((PArray) p.getValue()).items();
            List<IORegistryEntry> order = new ArrayList<>(saved.size());
            Set<IORegistryEntry> seen = new HashSet<>();
            try {
                for (int i = 0; i < saved.size(); i++) {
                    IORegistryEntry parent = entryAt(o, RexKeys.PARENTS_IN_PLANES, p.getKey(), i, saved.get(i));
                    if (seen.add(parent)) {
                        order.add(parent);
                    }
                    if (!child.isChildOf(parent, plane)) {
                        registry.attach(child, parent, plane);
                    }
                }
                if (order.size() == child.parents(plane).size()) {
                    registry.orderParents(child, plane, order);
                }
            } catch (IllegalArgumentException x) {
                throw new SnapshotException(file, o.where(RexKeys.PARENTS_IN_PLANES), x.getMessage());
            }
        }
    }

    private IORegistryEntry entryAt(ArchivedObject o, String key, String plane, int i, PlistValue v)
            throws SnapshotException {
        IORegistryEntry e = v instanceof PUid u ? byUid.get(u.index()) : null;
        if (e == null) {
            throw new SnapshotException(file, o.where(key), "item " + i + " in plane " + plane + " is "
                    + (v instanceof PUid u ? "archive object " + u.index() + ", which is not in registryEntries"
                    : "not an entry reference"));
        }
        return e;
    }

    /** A plane → string dictionary (namesInPlanes, locationsInPlanes). */
    private Map<String, PlistValue> planeStrings(ArchivedObject o, String key) throws SnapshotException {
        PDict d = o.has(key) ? o.dictionary(key) : new PDict(Map.of());
        for (Map.Entry<String, PlistValue> e : d.entries().entrySet()) {
            checkPlane(o, key, e.getKey());
            if (!(e.getValue() instanceof PString)) {
                throw new SnapshotException(file, o.where(key), "value for plane " + e.getKey()
                        + " is not a string");
            }
        }
        return d.entries();
    }

    /** A plane → array of entries dictionary (parentsInPlanes, childrenInPlanes). */
    private Map<String, PlistValue> planeLists(ArchivedObject o, String key) throws SnapshotException {
        PDict d = o.has(key) ? o.dictionary(key) : new PDict(Map.of());
        for (Map.Entry<String, PlistValue> e : d.entries().entrySet()) {
            checkPlane(o, key, e.getKey());
            if (!(e.getValue() instanceof PArray)) {
                throw new SnapshotException(file, o.where(key), "value for plane " + e.getKey()
                        + " is not an array");
            }
        }
        return d.entries();
    }

    private void checkPlane(ArchivedObject o, String key, String plane) throws SnapshotException {
        try {
            new IORegistryPlane(plane);
        } catch (IllegalArgumentException x) {
            throw new SnapshotException(file, o.where(key), "bad plane name '" + plane + "'");
        }
    }

    private long idFor(ArchivedObject o) throws SnapshotException {
        long tag = o.integer(RexKeys.ENTRY_TAG);
        if (tag < 1 || tag > MAX_TAG) {
            throw new SnapshotException(file, o.where(RexKeys.ENTRY_TAG), "entryTag " + tag + " is not 1.."
                    + MAX_TAG);
        }
        return IORegistry.ROOT_ID + tag - 1;
    }
}
