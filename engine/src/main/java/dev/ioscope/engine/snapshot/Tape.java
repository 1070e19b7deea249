package dev.ioscope.engine.snapshot;

import java.util.Arrays;

/**
 * Values drawn from a random generator, kept in the order drawn, to be read back later on any thread: the
 * benchmark registry draws every entry's values in one pass (so the output does not depend on threads) and builds
 * the property tables from them afterwards. Appended on one thread only; read once appending is over.
 */
final class Tape {
    private long[] values;
    private int length;

    /** A tape with room for {@code capacity} values (it grows past that). */
    Tape(int capacity) {
        values = new long[Math.max(16, capacity)];
    }

    void add(long v) {
        if (length == values.length) {
            values = Arrays.copyOf(values, length * 2);
        }
        values[length++] = v;
    }

    int length() {
        return length;
    }

    /** Reads from {@code from} on; a reader belongs to one thread. */
    Reader reader(int from) {
        return new Reader(values, from);
    }

    /** Reads the values back in the order they were drawn. */
    static final class Reader {
        private final long[] values;
        private int at;

        private Reader(long[] values, int at) {
            this.values = values;
            this.at = at;
        }

        long next() {
            return values[at++];
        }

        /** The next {@code n} values, each a byte. */
        byte[] bytes(int n) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) values[at++];
            }
            return b;
        }
    }
}
