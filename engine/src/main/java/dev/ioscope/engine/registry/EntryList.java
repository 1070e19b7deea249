package dev.ioscope.engine.registry;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.RandomAccess;

/**
 * An entry's parents or children in one plane, in attach order: one object while it holds a single entry (most
 * entries have one parent), an array beside it from the second on. A 100k registry holds ~130k of these; an
 * {@code ArrayList} with its array was two objects each, copied by every young collection while the freshly built
 * registry survives (docs/benchmarks.md, "Sixth session"). Not thread-safe, as the registry is not.
 */
final class EntryList extends AbstractList<IORegistryEntry> implements RandomAccess {
    private IORegistryEntry one;
    private IORegistryEntry[] many;
    private int size;

    @Override
    public IORegistryEntry get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return many == null ? one : many[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean add(IORegistryEntry e) {
        if (size == 0 && many == null) {
            one = e;
        } else {
            if (many == null) {
                many = new IORegistryEntry[4];
                many[0] = one;
                one = null;
            } else if (size == many.length) {
                many = Arrays.copyOf(many, size * 2);
            }
            many[size] = e;
        }
        size++;
        modCount++;
        return true;
    }

    @Override
    public boolean addAll(Collection<? extends IORegistryEntry> c) {
        for (IORegistryEntry e : c) {
            add(e);
        }
        return !c.isEmpty();
    }

    @Override
    public IORegistryEntry remove(int index) {
        IORegistryEntry old = get(index);
        if (many == null) {
            one = null;
        } else {
            System.arraycopy(many, index + 1, many, index, size - index - 1);
            many[size - 1] = null;
        }
        size--;
        modCount++;
        return old;
    }

    @Override
    public void clear() {
        one = null;
        many = null;
        size = 0;
        modCount++;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public int indexOf(Object o) {
        for (int i = 0; i < size; i++) {
            if (get(i).equals(o)) {
                return i;
            }
        }
        return -1;
    }
}
