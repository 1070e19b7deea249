package dev.ioscope.engine.explore;

import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy of one entry and its descendants in one plane as a registry of its own (the entry hangs under a fresh
 * root), so that any snapshot writer can export a subtree. IDs, names, locations, properties and states are
 * kept; the source registry is only read.
 */
public final class Subtree {
    private Subtree() {
    }

    public static IORegistry extract(IORegistry source, IORegistryEntry top, IORegistryPlane plane) {
        return extract(source, top, plane, true);
    }

    /** The entry alone ({@code descendants} false) or with its subtree, under a fresh root. */
    public static IORegistry extract(IORegistry source, IORegistryEntry top, IORegistryPlane plane,
                                     boolean descendants) {
        // The copy's root keeps the source root's ID unless the top entry already uses it.
        long rootId = top != source.root() && top.registryEntryID() == source.root().registryEntryID()
                ? source.root().registryEntryID() + 0x100000000L : source.root().registryEntryID();
        IORegistry out = IORegistry.create(rootId, source.root().name());
        IORegistryPlane p = out.plane(plane.name());
        Map<IORegistryEntry, IORegistryEntry> copies = new IdentityHashMap<>();
        copies.put(source.root(), out.root());
        out.root().setProperties(source.root().properties());
        IORegistryEntry start = top == source.root() ? out.root() : copy(out, top, plane, p, copies);
        if (start != out.root()) {
            out.attach(start, out.root(), p);
        }
        java.util.ArrayDeque<IORegistryEntry> work = new java.util.ArrayDeque<>();
        if (descendants) {
            work.add(top);
        }
        while (!work.isEmpty()) {
            IORegistryEntry e = work.poll();
            IORegistryEntry ce = copies.get(e);
            for (IORegistryEntry c : e.children(plane)) {
                boolean fresh = !copies.containsKey(c);
                IORegistryEntry cc = fresh ? copy(out, c, plane, p, copies) : copies.get(c);
                if (cc != out.root() && !out.isAncestor(cc, ce, p)) {
                    out.attach(cc, ce, p);
                }
                if (fresh) {
                    work.add(c);
                }
            }
        }
        return out;
    }

    /**
     * The entry itself as the root of a copy (with its descendants in the plane when {@code descendants}), as
     * {@code ioreg -r} prints a subtree starting at the entry: for rendering one entry as text.
     */
    public static IORegistry extractAsRoot(IORegistry source, IORegistryEntry top, IORegistryPlane plane,
                                           boolean descendants) {
        IORegistry out = IORegistry.create(top.registryEntryID(), top.name());
        IORegistryPlane p = out.plane(plane.name());
        IORegistryEntry r = out.root();
        r.setClassName(top.className());
        r.setLocation(top.location());
        r.setInheritance(top.inheritance());
        r.setProperties(top.properties());
        r.setState(top.state());
        r.setSnapshotInfo(top.snapshotInfo());
        if (top.ownName(plane) != null) {
            r.setName(p, top.ownName(plane));
        }
        if (top.ownLocation(plane) != null) {
            r.setLocation(p, top.ownLocation(plane));
        }
        Map<IORegistryEntry, IORegistryEntry> copies = new IdentityHashMap<>();
        copies.put(top, r);
        if (!descendants) {
            return out;
        }
        java.util.ArrayDeque<IORegistryEntry> work = new java.util.ArrayDeque<>();
        work.add(top);
        while (!work.isEmpty()) {
            IORegistryEntry e = work.poll();
            IORegistryEntry ce = copies.get(e);
            for (IORegistryEntry c : e.children(plane)) {
                boolean fresh = !copies.containsKey(c);
                IORegistryEntry cc = fresh ? copy(out, c, plane, p, copies) : copies.get(c);
                if (cc != r && !out.isAncestor(cc, ce, p)) {
                    out.attach(cc, ce, p);
                }
                if (fresh) {
                    work.add(c);
                }
            }
        }
        return out;
    }

    private static IORegistryEntry copy(IORegistry out, IORegistryEntry e, IORegistryPlane src, IORegistryPlane dst,
                                        Map<IORegistryEntry, IORegistryEntry> copies) {
        IORegistryEntry c = out.createEntry(e.registryEntryID(), e.className(), e.name());
        c.setLocation(e.location());
        c.setInheritance(e.inheritance());
        c.setProperties(e.properties());
        c.setState(e.state());
        c.setSnapshotInfo(e.snapshotInfo());
        if (e.ownName(src) != null) {
            c.setName(dst, e.ownName(src));
        }
        if (e.ownLocation(src) != null) {
            c.setLocation(dst, e.ownLocation(src));
        }
        copies.put(e, c);
        return c;
    }
}
