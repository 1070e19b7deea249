package dev.ioscope.engine.registry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A whole registry: its planes, its root entry and every entry by ID. The root is a member of every plane,
 * as XNU's registry root is ({@code IORegistryEntry::getRegistryRoot()}).
 *
 * <p>Not thread-safe; a registry belongs to one thread at a time.
 */
public final class IORegistry {
    /** The ID XNU gives the registry root; later entries count up from it. */
    public static final long ROOT_ID = 0x100000100L;

    private final Map<String, IORegistryPlane> planes = new LinkedHashMap<>();
    private final EntryIds byId = new EntryIds();
    private final List<IORegistryEntry> entries = new ArrayList<>();
    private long linkChanges;
    /** Per plane name: how many entries other than the root have a parent there (kept by attach and detach). */
    private final Map<String, int[]> withParent = new HashMap<>();
    private final IORegistryEntry root;
    private final ClassCatalogue classes;
    private long nextId;
    /** Entries created so far (removed ones included): the next entry's creation ordinal. */
    private int created;

    private IORegistry(long rootId, String rootName, ClassCatalogue classes) {
        this.classes = classes;
        this.nextId = rootId + 1;
        this.root = new IORegistryEntry(rootId, "IORegistryEntry", rootName);
        register(root);
    }

    /** An empty registry with a root named "Root", the class catalogue of well-known I/O Kit classes. */
    public static IORegistry create() {
        return new IORegistry(ROOT_ID, "Root", ClassCatalogue.standard());
    }

    public static IORegistry create(long rootId, String rootName) {
        return new IORegistry(rootId, rootName, ClassCatalogue.standard());
    }

    public IORegistryEntry root() {
        return root;
    }

    public ClassCatalogue classes() {
        return classes;
    }

    /** Returns the plane with this name, creating it on first use (IORegistryEntry::makePlane). */
    public IORegistryPlane plane(String name) {
        return planes.computeIfAbsent(name, n -> {
            IORegistryPlane p = new IORegistryPlane(n);
            root.linksOrCreate(p).inPlane = true;
            return p;
        });
    }

    /** getPlane(name): an existing plane only. */
    public Optional<IORegistryPlane> findPlane(String name) {
        return Optional.ofNullable(planes.get(name));
    }

    /** The planes in creation order. */
    public List<IORegistryPlane> planes() {
        return List.copyOf(planes.values());
    }

    /** Creates an entry with the next free ID. */
    public IORegistryEntry createEntry(String className, String name) {
        while (byId.containsKey(nextId)) {
            nextId++;
        }
        return createEntry(nextId++, className, name);
    }

    /** Creates an entry with a given ID (from a snapshot). IDs are unique. */
    public IORegistryEntry createEntry(long id, String className, String name) {
        if (byId.containsKey(id)) {
            throw new IllegalArgumentException("duplicate registry entry ID 0x" + Long.toHexString(id));
        }
        IORegistryEntry e = new IORegistryEntry(id, className, name);
        register(e);
        if (Long.compareUnsigned(id, nextId) >= 0) {
            nextId = id + 1;
        }
        return e;
    }

    private void register(IORegistryEntry e) {
        byId.put(e.registryEntryID(), e);
        e.setCreationOrdinal(created++);
        entries.add(e);
    }

    public Optional<IORegistryEntry> entry(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every entry, in creation order (the root first). */
    public List<IORegistryEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public int size() {
        return entries.size();
    }

    /** Grows with every attach and detach: a caller that saw the same number saw the same links. */
    public long linkChanges() {
        return linkChanges;
    }

    /**
     * attachToParent(parent, plane): links {@code child} under {@code parent} in the plane, appended after
     * the parent's existing children. Attaching twice to the same parent is a no-op, as in XNU (makeLink
     * refuses duplicates). Cycles are refused.
     */
    public void attach(IORegistryEntry child, IORegistryEntry parent, IORegistryPlane plane) {
        Objects.requireNonNull(child);
        Objects.requireNonNull(parent);
        plane(plane.name());
        // Only a child that already has children in the plane can be an ancestor of its new parent: readers and
        // generators attach top-down, so most attaches skip the walk up the parent's ancestors.
        if (child == parent || child.childCount(plane) > 0 && isAncestor(child, parent, plane)) {
            throw new IllegalArgumentException("attaching " + child.name() + " under " + parent.name()
                    + " in " + plane + " would make a cycle");
        }
        IORegistryEntry.PlaneLinks cl = child.linksOrCreate(plane);
        IORegistryEntry.PlaneLinks pl = parent.linksOrCreate(plane);
        if (cl.parents.contains(parent)) {
            return;
        }
        cl.parents.add(parent);
        if (cl.parents.size() == 1 && child != root) {
            withParent.computeIfAbsent(plane.name(), n -> new int[1])[0]++;
        }
        cl.inPlane = true;
        pl.childrenOrCreate().add(child);
        pl.inPlane = true;
        linkChanges++;
    }

    /**
     * Restores a recorded link order (a snapshot's parent and child order) for one entry in a plane. The lists
     * must hold exactly the entry's current parents and children; only their order changes.
     */
    public void setLinkOrder(IORegistryEntry e, IORegistryPlane plane, List<IORegistryEntry> parents,
                             List<IORegistryEntry> children) {
        IORegistryEntry.PlaneLinks l = e.links(plane);
        if (l == null) {
            return;
        }
        if (parents != null) {
            reorder(l.parents, parents, e, "parents");
        }
        if (children != null) {
            reorder(l.childrenOrCreate(), children, e, "children");
        }
    }

    private static void reorder(List<IORegistryEntry> current, List<IORegistryEntry> wanted, IORegistryEntry e,
                                String what) {
        if (current.size() != wanted.size() || !new HashSet<>(current).equals(new HashSet<>(wanted))) {
            throw new IllegalArgumentException("recorded " + what + " of " + e.name() + " do not match its links");
        }
        current.clear();
        current.addAll(wanted);
    }

    /**
     * Puts {@code child}'s parents in the plane into a snapshot's saved order. {@link #attach} appends, so a
     * loader that attaches children in their parents' child order may get an entry's parents in another order
     * than the file recorded; this fixes that. {@code order} must hold exactly the current parents.
     */
    public void orderParents(IORegistryEntry child, IORegistryPlane plane, List<IORegistryEntry> order) {
        IORegistryEntry.PlaneLinks l = child.links(plane);
        List<IORegistryEntry> now = l == null ? List.of() : l.parents;
        if (now.size() != order.size() || !new HashSet<>(now).equals(new HashSet<>(order))) {
            throw new IllegalArgumentException(child.name() + "'s parents in " + plane + " are " + now
                    + ", not " + order);
        }
        if (l != null && !now.equals(order)) {
            List<IORegistryEntry> copy = List.copyOf(order);
            l.parents.clear();
            l.parents.addAll(copy);
        }
    }

    /** detachFromParent(parent, plane). */
    public void detach(IORegistryEntry child, IORegistryEntry parent, IORegistryPlane plane) {
        IORegistryEntry.PlaneLinks cl = child.links(plane);
        IORegistryEntry.PlaneLinks pl = parent.links(plane);
        if (cl == null || pl == null) {
            return;
        }
        if (cl.parents.remove(parent) && cl.parents.isEmpty() && child != root) {
            withParent.get(plane.name())[0]--;
        }
        if (pl.children != null) {
            pl.children.remove(child);
        }
        if (cl.parents.isEmpty() && child != root) {
            cl.inPlane = false;
        }
        linkChanges++;
    }

    /** detachAll(plane) for one entry, then drops it from the registry if it is in no plane any more. */
    public void detachAll(IORegistryEntry e, IORegistryPlane plane) {
        for (IORegistryEntry p : List.copyOf(e.parents(plane))) {
            detach(e, p, plane);
        }
        for (IORegistryEntry c : List.copyOf(e.children(plane))) {
            detach(c, e, plane);
        }
    }

    /** Removes an entry that is linked in no plane any more. */
    public void remove(IORegistryEntry e) {
        if (e == root) {
            throw new IllegalArgumentException("cannot remove the registry root");
        }
        for (IORegistryPlane p : planes()) {
            detachAll(e, p);
        }
        byId.remove(e.registryEntryID());
        entries.remove(e);
    }

    /** True if {@code maybeAncestor} is reachable from {@code e} by parent links in the plane. */
    public boolean isAncestor(IORegistryEntry maybeAncestor, IORegistryEntry e, IORegistryPlane plane) {
        ArrayDeque<IORegistryEntry> work = new ArrayDeque<>();
        Set<IORegistryEntry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        work.add(e);
        while (!work.isEmpty()) {
            IORegistryEntry x = work.poll();
            if (x == maybeAncestor) {
                return true;
            }
            if (seen.add(x)) {
                work.addAll(x.parents(plane));
            }
        }
        return false;
    }

    /**
     * Number of entries in the plane: those with a parent there, and the root (a snapshot's entries in a plane all
     * hang from the root). O(1): counted as links are made and broken.
     */
    public int entryCount(IORegistryPlane plane) {
        // Counted as links are made and broken: the explorer's status bar asks for a 100k plane's count on the FX
        // thread when the document is shown, where a walk of every entry cost tens of milliseconds cold.
        int[] n = withParent.get(plane.name());
        return 1 + (n == null ? 0 : n[0]);
    }
}
