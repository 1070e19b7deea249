package dev.ioscope.engine.explore;

import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.ArrayDeque;
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
        if (descendants) {
            copyDescendants(out, top, plane, p, copies);
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
        copyFields(top, r, plane, p);
        Map<IORegistryEntry, IORegistryEntry> copies = new IdentityHashMap<>();
        copies.put(top, r);
        if (!descendants) {
            return out;
        }
        copyDescendants(out, top, plane, p, copies);
        return out;
    }

    /**
     * Copies {@code top}'s descendants in {@code src} (breadth first) under its copy, which {@code copies} already
     * holds. An entry reached twice (several parents in the plane) is copied once and linked under each parent,
     * except where that link would make a loop or reach above the copy's root.
     */
    private static void copyDescendants(IORegistry out, IORegistryEntry top, IORegistryPlane src, IORegistryPlane dst,
                                        Map<IORegistryEntry, IORegistryEntry> copies) {
        ArrayDeque<IORegistryEntry> work = new ArrayDeque<>();
        work.add(top);
        while (!work.isEmpty()) {
            IORegistryEntry e = work.poll();
            IORegistryEntry ce = copies.get(e);
            for (IORegistryEntry c : e.children(src)) {
                boolean fresh = !copies.containsKey(c);
                IORegistryEntry cc = fresh ? copy(out, c, src, dst, copies) : copies.get(c);
                if (cc != out.root() && !out.isAncestor(cc, ce, dst)) {
                    out.attach(cc, ce, dst);
                }
                if (fresh) {
                    work.add(c);
                }
            }
        }
    }

    private static IORegistryEntry copy(IORegistry out, IORegistryEntry e, IORegistryPlane src, IORegistryPlane dst,
                                        Map<IORegistryEntry, IORegistryEntry> copies) {
        IORegistryEntry c = out.createEntry(e.registryEntryID(), e.className(), e.name());
        copyFields(e, c, src, dst);
        copies.put(e, c);
        return c;
    }

    /** What a copy keeps of an entry besides its class, name and links: location, properties, state, names. */
    private static void copyFields(IORegistryEntry from, IORegistryEntry to, IORegistryPlane src,
                                   IORegistryPlane dst) {
        to.setLocation(from.location());
        to.setInheritance(from.inheritance());
        to.setProperties(from.properties());
        to.setState(from.state());
        to.setSnapshotInfo(from.snapshotInfo());
        if (from.ownName(src) != null) {
            to.setName(dst, from.ownName(src));
        }
        if (from.ownLocation(src) != null) {
            to.setLocation(dst, from.ownLocation(src));
        }
    }
}
