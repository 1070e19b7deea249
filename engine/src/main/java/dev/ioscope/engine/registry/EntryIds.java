package dev.ioscope.engine.registry;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The registry's entries by ID: an open-addressing table of primitive {@code long} keys (linear probing, removal
 * by shifting back), so an entry costs no {@code Long} and no map node. A 100k registry had 200k such objects,
 * each copied by the young collections that run while it is built (docs/benchmarks.md, "Sixth session").
 */
final class EntryIds {
    private final long multiplier = ThreadLocalRandom.current().nextLong() | 1L;
    private long[] keys = new long[64];
    private IORegistryEntry[] values = new IORegistryEntry[64];
    /** 64 minus log2 of the capacity. */
    private int shift = 64 - 6;
    private int size;

    IORegistryEntry get(long id) {
        int mask = keys.length - 1;
        for (int i = slot(id); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == id) {
                return values[i];
            }
        }
        return null;
    }

    boolean containsKey(long id) {
        return get(id) != null;
    }

    /** Maps {@code id} to {@code e}, replacing what it mapped to. */
    void put(long id, IORegistryEntry e) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(id);
        while (values[i] != null) {
            if (keys[i] == id) {
                values[i] = e;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = id;
        values[i] = e;
        size++;
    }

    void remove(long id) {
        int mask = keys.length - 1;
        int i = slot(id);
        while (values[i] != null && keys[i] != id) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return;
        }
        size--;
        // Shift back the entries after the hole that probed past it, so every lookup still finds its key.
        int hole = i;
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = null;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        IORegistryEntry[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new IORegistryEntry[oldKeys.length * 2];
        shift--;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    /**
     * Where an ID's probe starts: the top bits of the ID times an odd multiplier drawn for this table
     * (multiply-shift hashing), so IDs a file spaces evenly (or crafts) do not pile up on one run of slots, and
     * nothing but the table sees the order.
     */
    private int slot(long id) {
        return (int) ((id * multiplier) >>> shift);
    }
}
