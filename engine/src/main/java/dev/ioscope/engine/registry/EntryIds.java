package dev.ioscope.engine.registry;

/**
 * The registry's entries by ID: an open-addressing table of primitive {@code long} keys (linear probing, removal
 * by shifting back), so an entry costs no {@code Long} and no map node. A 100k registry had 200k such objects,
 * each copied by the young collections that run while it is built (docs/benchmarks.md, "Sixth session").
 */
final class EntryIds {
    private long[] keys = new long[64];
    private IORegistryEntry[] values = new IORegistryEntry[64];
    private int size;

    IORegistryEntry get(long id) {
        int mask = keys.length - 1;
        for (int i = slot(id, mask); values[i] != null; i = (i + 1) & mask) {
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
        int i = slot(id, mask);
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
        int i = slot(id, mask);
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
            int home = slot(keys[j], mask);
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
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long id, int mask) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
