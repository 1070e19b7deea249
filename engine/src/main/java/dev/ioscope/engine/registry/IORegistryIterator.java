package dev.ioscope.engine.registry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * XNU's IORegistryIterator: walks the children (or, with {@link #ITERATE_PARENTS}, the parents) of a start
 * entry in one plane; with {@link #ITERATE_RECURSIVELY} it walks the whole subtree depth first in attach
 * order. The start entry itself is not returned.
 *
 * <p>Like XNU's getNextObjectRecursive, an entry reached twice (it has two parents) is returned each time
 * it is reached but its subtree is entered only the first time, so iteration always ends.
 */
public final class IORegistryIterator implements Iterator<IORegistryEntry> {
    /** kIORegistryIterateRecursively. */
    public static final int ITERATE_RECURSIVELY = 0x00000001;
    /** kIORegistryIterateParents. */
    public static final int ITERATE_PARENTS = 0x00000002;

    private final IORegistryPlane plane;
    private final boolean recursive;
    private final boolean parents;
    private final Deque<Iterator<IORegistryEntry>> stack = new ArrayDeque<>();
    private final Set<IORegistryEntry> done = Collections.newSetFromMap(new IdentityHashMap<>());
    private IORegistryEntry next;

    private IORegistryIterator(IORegistryEntry start, IORegistryPlane plane, int options) {
        this.plane = plane;
        this.recursive = (options & ITERATE_RECURSIVELY) != 0;
        this.parents = (options & ITERATE_PARENTS) != 0;
        done.add(start);
        stack.push(links(start).iterator());
    }

    /** iterateOver(start, plane, options). */
    public static IORegistryIterator iterateOver(IORegistryEntry start, IORegistryPlane plane, int options) {
        return new IORegistryIterator(start, plane, options);
    }

    /** All entries the iteration returns, as a list. */
    public static List<IORegistryEntry> collect(IORegistryEntry start, IORegistryPlane plane, int options) {
        List<IORegistryEntry> out = new ArrayList<>();
        iterateOver(start, plane, options).forEachRemaining(out::add);
        return out;
    }

    private List<IORegistryEntry> links(IORegistryEntry e) {
        return parents ? e.parents(plane) : e.children(plane);
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        while (!stack.isEmpty()) {
            Iterator<IORegistryEntry> top = stack.peek();
            if (!top.hasNext()) {
                stack.pop();
                continue;
            }
            IORegistryEntry e = top.next();
            if (recursive && done.add(e)) {
                stack.push(links(e).iterator());
            }
            next = e;
            return true;
        }
        return false;
    }

    @Override
    public IORegistryEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        IORegistryEntry e = next;
        next = null;
        return e;
    }
}
