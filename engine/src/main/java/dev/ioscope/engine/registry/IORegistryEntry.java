package dev.ioscope.engine.registry;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One I/O Kit registry entry: a 64-bit ID, a class (with its superclass chain where known), one property
 * table, and per-plane name, location, parents and children. Mirrors XNU's IORegistryEntry.
 *
 * <p>Entries are created and linked through {@link IORegistry}, which owns the link bookkeeping in both
 * directions. Not thread-safe: a registry belongs to one thread (the engine's, or the loader's until it
 * is published). The one exception is a {@linkplain PendingProperties pending property table}, which a
 * reader's background threads may decode while the owner reads the entry: that hand-over is synchronised here.
 */
public final class IORegistryEntry {
    private final long registryEntryID;
    /** Set once by the registry that creates the entry: see {@link #creationOrdinal()}. */
    private int creationOrdinal = -1;
    private String className;
    private List<String> inheritance;
    private String name;
    private String location;
    private OSDictionary properties;
    /** A table still to decode (then {@link #properties} is empty until it is), or null. */
    private volatile PendingProperties pending;
    private EntryState state;
    private OSDictionary snapshotInfo;
    /**
     * Per-plane links, in the order planes were first linked: a chain through {@link PlaneLinks#next} (one or two
     * planes per entry, so no list or map object per entry).
     */
    private PlaneLinks planeLinks;

    IORegistryEntry(long registryEntryID, String className, String name) {
        this.registryEntryID = registryEntryID;
        this.className = Objects.requireNonNull(className, "className");
        this.name = Objects.requireNonNull(name, "name");
        this.inheritance = List.of();
        this.properties = OSDictionary.empty();
        this.state = EntryState.PLAIN;
        this.snapshotInfo = OSDictionary.empty();
    }

    /** getRegistryEntryID(). */
    public long registryEntryID() {
        return registryEntryID;
    }

    /**
     * How many entries its registry had created before this one (the root is 0): its index in
     * {@link IORegistry#entries()} as long as no entry has been removed since. A search index uses it as the
     * entry's slot instead of a map keyed by entry (docs/benchmarks.md, sixth session); any user checks that
     * the entry is at that place.
     */
    public int creationOrdinal() {
        return creationOrdinal;
    }

    void setCreationOrdinal(int ordinal) {
        this.creationOrdinal = ordinal;
    }

    /** The leaf class name (getMetaClass()->getClassName()). */
    public String className() {
        return className;
    }

    public void setClassName(String className) {
        this.className = Objects.requireNonNull(className);
    }

    /** The class chain leaf first as the snapshot recorded it ({@code IOObjectInheritance}), or empty. */
    public List<String> inheritance() {
        return inheritance;
    }

    public void setInheritance(List<String> chain) {
        this.inheritance = List.copyOf(chain);
    }

    /** getName(): the name outside any plane. */
    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name);
    }

    /** getLocation(): the location outside any plane, or null. */
    public String location() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    /** getName(plane): the plane's own name if set, else the entry's name. */
    public String name(IORegistryPlane plane) {
        PlaneLinks l = links(plane);
        return l != null && l.name != null ? l.name : name;
    }

    /** getLocation(plane): the plane's own location if set, else the entry's location (may be null). */
    public String location(IORegistryPlane plane) {
        PlaneLinks l = links(plane);
        return l != null && l.location != null ? l.location : location;
    }

    /** The name a plane sets for this entry, without falling back to the default name; null if none. */
    public String ownName(IORegistryPlane plane) {
        PlaneLinks l = links(plane);
        return l == null ? null : l.name;
    }

    public String ownLocation(IORegistryPlane plane) {
        PlaneLinks l = links(plane);
        return l == null ? null : l.location;
    }

    public void setName(IORegistryPlane plane, String planeName) {
        linksOrCreate(plane).name = planeName;
    }

    public void setLocation(IORegistryPlane plane, String planeLocation) {
        linksOrCreate(plane).location = planeLocation;
    }

    /** name@location in the plane, as paths and ioreg print it. */
    public String nameWithLocation(IORegistryPlane plane) {
        String loc = location(plane);
        String n = name(plane);
        return loc == null || loc.isEmpty() ? n : n + "@" + loc;
    }

    /** The whole property table (getPropertyTable()); a pending table is decoded first. */
    public OSDictionary properties() {
        PendingProperties p = pending;
        if (p != null) {
            decodePending(p);
        }
        return properties;
    }

    public void setProperties(OSDictionary properties) {
        Objects.requireNonNull(properties);
        synchronized (this) {
            this.properties = properties;
            pending = null;
        }
    }

    /**
     * A table to decode on first use (or earlier, by the reader's background threads through
     * {@link #properties()}): the tree of a large snapshot is ready before its 1,859 property plists are read.
     */
    public void setPendingProperties(PendingProperties table) {
        Objects.requireNonNull(table);
        synchronized (this) {
            properties = OSDictionary.empty();
            pending = table;
        }
    }

    /** True while the property table is still to decode. */
    public boolean propertiesPending() {
        return pending != null;
    }

    private synchronized void decodePending(PendingProperties p) {
        if (pending == p) {
            properties = p.decode();
            pending = null; // volatile write after the table: a thread that sees null sees the table
        }
    }

    /**
     * getProperty(key) on this entry alone. A pending table that {@linkplain PendingProperties#knows knows} the key
     * answers it without being decoded (the same value its decoded table holds).
     */
    public OSObject property(String key) {
        PendingProperties p = pending;
        if (p != null && p.knows(key)) {
            return p.property(key);
        }
        return properties().get(key);
    }

    public void setProperty(String key, OSObject value) {
        properties = properties().with(key, value);
    }

    public void removeProperty(String key) {
        properties = properties().without(key);
    }

    public EntryState state() {
        return state;
    }

    public void setState(EntryState state) {
        this.state = Objects.requireNonNull(state);
    }

    /**
     * What a snapshot recorded about the entry beyond I/O Kit's own state (IORegistryExplorer's entryTag,
     * bundleID, dates, ...). Kept so that nothing a file holds is dropped.
     */
    public OSDictionary snapshotInfo() {
        return snapshotInfo;
    }

    public void setSnapshotInfo(OSDictionary info) {
        this.snapshotInfo = Objects.requireNonNull(info);
    }

    /** True if the entry is attached in the plane (has a parent there) or is linked in it at all. */
    public boolean inPlane(IORegistryPlane plane) {
        PlaneLinks l = links(plane);
        return l != null && l.inPlane;
    }

    /** The planes this entry is linked in, in first-link order. */
    public List<IORegistryPlane> planes() {
        List<IORegistryPlane> out = new ArrayList<>(2);
        for (PlaneLinks l = planeLinks; l != null; l = l.next) {
            if (l.inPlane) {
                out.add(l.plane);
            }
        }
        return out;
    }

    /** getParentEntry(plane): the first parent, or null. */
    public IORegistryEntry parent(IORegistryPlane plane) {
        PlaneLinks l = links(plane);
        return l == null || l.parents.isEmpty() ? null : l.parents.get(0);
    }

    /** All parents in the plane, in attach order. */
    public List<IORegistryEntry> parents(IORegistryPlane plane) {
        PlaneLinks l = links(plane);
        return l == null ? List.of() : Collections.unmodifiableList(l.parents);
    }

    /** All children in the plane, in attach order (the order IORegistryIterator visits them). */
    public List<IORegistryEntry> children(IORegistryPlane plane) {
        PlaneLinks l = links(plane);
        return l == null || l.children == null ? List.of() : Collections.unmodifiableList(l.children);
    }

    public int childCount(IORegistryPlane plane) {
        PlaneLinks l = links(plane);
        return l == null || l.children == null ? 0 : l.children.size();
    }

    /** getDepth(plane): the number of parent steps to the root along first parents. */
    public int depth(IORegistryPlane plane) {
        int d = 0;
        Set<IORegistryEntry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (IORegistryEntry e = parent(plane); e != null && seen.add(e); e = e.parent(plane)) {
            d++;
        }
        return d;
    }

    /** True if {@code other} is a parent of this entry in the plane (isParent). */
    public boolean isChildOf(IORegistryEntry other, IORegistryPlane plane) {
        return parents(plane).contains(other);
    }

    PlaneLinks links(IORegistryPlane plane) {
        for (PlaneLinks l = planeLinks; l != null; l = l.next) {
            // a registry's own plane objects nearly always; else the same name (a record's equals, without its
            // bootstrap's method handles: this runs for every link made and read)
            if (l.plane == plane || l.plane.name().equals(plane.name())) {
                return l;
            }
        }
        return null;
    }

    PlaneLinks linksOrCreate(IORegistryPlane plane) {
        PlaneLinks l = links(plane);
        if (l == null) {
            l = new PlaneLinks(plane);
            if (planeLinks == null) {
                planeLinks = l;
            } else {
                PlaneLinks last = planeLinks;
                while (last.next != null) {
                    last = last.next;
                }
                last.next = l;
            }
        }
        return l;
    }

    @Override
    public String toString() {
        return name + (location == null ? "" : "@" + location) + " <class " + className + ", id 0x"
                + Long.toHexString(registryEntryID) + ">";
    }

    /**
     * Per-plane link state, keeping attach order as XNU's OSArray links do; children are made with the first
     * child (most entries are leaves).
     */
    static final class PlaneLinks {
        final IORegistryPlane plane;
        String name;
        String location;
        boolean inPlane;
        final List<IORegistryEntry> parents = new EntryList();
        List<IORegistryEntry> children;
        /** The links of the next plane this entry was linked in, or null. */
        PlaneLinks next;

        PlaneLinks(IORegistryPlane plane) {
            this.plane = plane;
        }

        List<IORegistryEntry> childrenOrCreate() {
            if (children == null) {
                children = new EntryList();
            }
            return children;
        }
    }
}
