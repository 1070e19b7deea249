package dev.ioscope.engine.explore;

import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryIterator;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Depth-first (IORegistryIterator) order of a plane: the order a user reads the tree in, used to step through
 * search hits with next/previous. Entries not in the plane sort last.
 */
public final class PlaneOrder {
    private final Map<IORegistryEntry, Integer> position = new IdentityHashMap<>();

    private PlaneOrder(IORegistry registry, IORegistryPlane plane) {
        position.put(registry.root(), 0);
        var it = IORegistryIterator.iterateOver(registry.root(), plane, IORegistryIterator.ITERATE_RECURSIVELY);
        while (it.hasNext()) {
            position.putIfAbsent(it.next(), position.size());
        }
    }

    public static PlaneOrder of(IORegistry registry, IORegistryPlane plane) {
        return new PlaneOrder(registry, plane);
    }

    /**
     * The index slots of the plane's entries in tree order, as {@code of(registry, plane).slots(index)} gives them,
     * by one walk of the plane that keeps no position map: what the first search after an open waits for.
     */
    public static int[] slots(IORegistry registry, IORegistryPlane plane, RegistryIndex index) {
        int[] out = new int[index.size()];
        BitSet seen = new BitSet(index.size());
        int n = 0;
        int s = index.slotOf(registry.root());
        if (s < 0) {
            return slotsByIterator(registry, plane, index);
        }
        seen.set(s);
        out[n++] = s;
        // IORegistryIterator's walk (depth first, attach order; an entry reached twice is entered the first time
        // only), with the slot bit set as its record of entered entries instead of an identity set of 100k.
        Deque<Iterator<IORegistryEntry>> stack = new ArrayDeque<>();
        stack.push(registry.root().children(plane).iterator());
        while (!stack.isEmpty()) {
            Iterator<IORegistryEntry> top = stack.peek();
            if (!top.hasNext()) {
                stack.pop();
                continue;
            }
            IORegistryEntry e = top.next();
            s = index.slotOf(e);
            if (s < 0) {
                return slotsByIterator(registry, plane, index);
            }
            if (!seen.get(s)) {
                seen.set(s);
                out[n++] = s;
                stack.push(e.children(plane).iterator());
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** As {@link #slots}, for a registry with entries the index does not hold (changed since it was built). */
    private static int[] slotsByIterator(IORegistry registry, IORegistryPlane plane, RegistryIndex index) {
        int[] out = new int[index.size()];
        BitSet seen = new BitSet(index.size());
        int n = 0;
        int s = index.slotOf(registry.root());
        if (s >= 0) {
            seen.set(s);
            out[n++] = s;
        }
        var it = IORegistryIterator.iterateOver(registry.root(), plane, IORegistryIterator.ITERATE_RECURSIVELY);
        while (it.hasNext()) {
            s = index.slotOf(it.next());
            if (s >= 0 && !seen.get(s)) {
                seen.set(s);
                out[n++] = s;
            }
        }
        return Arrays.copyOf(out, n);
    }

    public boolean contains(IORegistryEntry e) {
        return position.containsKey(e);
    }

    /**
     * The index slots of the plane's entries in tree order: with {@link RegistrySearch.Result#entriesIn} the hits
     * come out in tree order by one pass over a bit set, with no sort (the app asks once per document and plane).
     */
    public int[] slots(RegistryIndex index) {
        int[] bySlotOrder = new int[position.size()];
        int n = 0;
        IORegistryEntry[] inOrder = new IORegistryEntry[position.size()];
        for (Map.Entry<IORegistryEntry, Integer> e : position.entrySet()) {
            inOrder[e.getValue()] = e.getKey();
        }
        for (IORegistryEntry e : inOrder) {
            int s = e == null ? -1 : index.slotOf(e);
            if (s >= 0) {
                bySlotOrder[n++] = s;
            }
        }
        return Arrays.copyOf(bySlotOrder, n);
    }

    /** The entry's place in the plane's depth-first order (the root is 0), or -1 outside the plane. */
    public int position(IORegistryEntry e) {
        Integer p = position.get(e);
        return p == null ? -1 : p;
    }

    /** The entries in plane order; entries outside the plane are dropped. */
    public List<IORegistryEntry> sort(List<IORegistryEntry> entries) {
        List<IORegistryEntry> out = new ArrayList<>(entries.size());
        for (IORegistryEntry e : entries) {
            if (position.containsKey(e)) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingInt(position::get));
        return out;
    }

    /** The first-parent chain from the root down to {@code e} (both included), or empty if e is not in the plane. */
    public static List<IORegistryEntry> ancestry(IORegistry registry, IORegistryEntry e, IORegistryPlane plane) {
        List<IORegistryEntry> chain = new ArrayList<>();
        var seen = Collections.newSetFromMap(new IdentityHashMap<IORegistryEntry, Boolean>());
        for (IORegistryEntry x = e; x != null && seen.add(x); x = x.parent(plane)) {
            chain.add(0, x);
            if (x == registry.root()) {
                return chain;
            }
        }
        return List.of();
    }
}
