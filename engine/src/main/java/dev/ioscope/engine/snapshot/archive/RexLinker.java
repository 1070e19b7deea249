package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.plist.ArchivedObject;
import dev.ioscope.engine.os.plist.PlistValue;
import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links the entries of a RexDataStore plane by plane. Each parent's children are attached in their saved
 * order, parents breadth first from the root (then from any entry not reached, e.g. a detached subtree), so
 * every link's depth is known when it is made: a tree deeper than {@link ParseLimits#maxDepth()} is refused
 * there, which also keeps {@link IORegistry#attach}'s ancestor walk short (no quadratic time on a hostile
 * million-entry chain). Then each entry's parents are put back into their saved order.
 */
final class RexLinker {
    private record Work(int entry, String plane, int depth) {
    }

    private final IORegistry registry;
    private final Map<Long, IORegistryEntry> byUid;
    private final Map<IORegistryEntry, Integer> indexOf = new IdentityHashMap<>();
    private final ParseLimits limits;
    private final String file;

    RexLinker(IORegistry registry, Map<Long, IORegistryEntry> byUid, ParseLimits limits, String file) {
        this.registry = registry;
        this.byUid = byUid;
        this.limits = limits;
        this.file = file;
    }

    void link(List<ArchivedObject> objects, List<IORegistryEntry> entries, int rootIndex) throws SnapshotException {
        List<Map<String, PlistValue>> children = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            indexOf.put(entries.get(i), i);
            children.add(RexPlaneTables.lists(objects.get(i), RexKeys.CHILDREN_IN_PLANES));
        }
        Set<String> done = new HashSet<>();
        ArrayDeque<Work> queue = new ArrayDeque<>();
        for (String plane : children.get(rootIndex).keySet()) {
            queue.add(new Work(rootIndex, plane, 0));
        }
        drain(queue, done, objects, entries, children);
        for (int i = 0; i < objects.size(); i++) {
            for (String plane : children.get(i).keySet()) {
                queue.add(new Work(i, plane, 0));
            }
            drain(queue, done, objects, entries, children);
        }
        for (int i = 0; i < objects.size(); i++) {
            orderParents(objects.get(i), entries.get(i));
        }
    }

    private void drain(ArrayDeque<Work> queue, Set<String> done, List<ArchivedObject> objects,
                       List<IORegistryEntry> entries, List<Map<String, PlistValue>> children) throws SnapshotException {
        while (!queue.isEmpty()) {
            Work w = queue.poll();
            if (!done.add(w.entry() + "\0" + w.plane())) {
                continue;
            }
            ArchivedObject o = objects.get(w.entry());
            IORegistryEntry parent = entries.get(w.entry());
            IORegistryPlane plane = registry.plane(w.plane());
            List<PlistValue> list = ((PArray) children.get(w.entry()).get(w.plane())).items();
            if (!list.isEmpty() && w.depth() + 1 > limits.maxDepth()) {
                throw new SnapshotException(file, o.where(RexKeys.CHILDREN_IN_PLANES), "the " + w.plane()
                        + " plane is deeper than " + limits.maxDepth() + " levels");
            }
            for (int i = 0; i < list.size(); i++) {
                IORegistryEntry child = entryAt(o, RexKeys.CHILDREN_IN_PLANES, w.plane(), i, list.get(i));
                try {
                    registry.attach(child, parent, plane);
                } catch (IllegalArgumentException x) {
                    throw new SnapshotException(file, o.where(RexKeys.CHILDREN_IN_PLANES), x.getMessage());
                }
                int c = indexOf.get(child);
                if (children.get(c).containsKey(w.plane())) {
                    queue.add(new Work(c, w.plane(), w.depth() + 1));
                }
            }
        }
    }

    /**
     * Each saved parent must be linked (a file whose parent and child lists disagree gets the missing links
     * made), then the parents go back into their saved order.
     */
    private void orderParents(ArchivedObject o, IORegistryEntry child) throws SnapshotException {
        for (Map.Entry<String, PlistValue> p : RexPlaneTables.lists(o, RexKeys.PARENTS_IN_PLANES).entrySet()) {
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
}
