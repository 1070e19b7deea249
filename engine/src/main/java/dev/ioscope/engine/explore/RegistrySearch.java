package dev.ioscope.engine.explore;

import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** Runs a {@link SearchQuery} over a {@link RegistryIndex}. Stateless; any thread. */
public final class RegistrySearch {
    /** Entries above which a regular-expression search is split over the cores. */
    static final int PARALLEL_THRESHOLD = 20_000;
    /** Poll for cancellation every 4096 fields: microseconds apart, yet no measurable cost. */
    private static final int CHECK_MASK = 4095;

    private RegistrySearch() {
    }

    /**
     * The entries matching the query in any of its fields, in registry order.
     *
     * @throws IllegalArgumentException for a malformed regular expression (the message says where)
     */
    public static Result search(RegistryIndex index, SearchQuery query) {
        return search(index, query, () -> false);
    }

    /**
     * As {@link #search(RegistryIndex, SearchQuery)}, polling {@code cancelled} every few thousand fields so a
     * query the user has already typed past stops early.
     *
     * @throws CancellationException when {@code cancelled} turned true during the scan
     */
    public static Result search(RegistryIndex index, SearchQuery query, BooleanSupplier cancelled) {
        BitSet hits = new BitSet(index.size());
        if (query.isBlank()) {
            return new Result(index, hits);
        }
        requireCovered(index, query);
        SearchQuery.Matcher first = query.compile();
        int n = index.size();
        // Regular expressions cost ~100x a substring test: big registries split the scan over the cores, each
        // slice with its own Matcher (a compiled query is not shared between threads).
        int slices = query.regex() && n >= PARALLEL_THRESHOLD ? Runtime.getRuntime().availableProcessors() : 1;
        if (slices <= 1) {
            scan(index, query, first, 0, n, hits, cancelled);
        } else {
            BitSet[] parts = new BitSet[slices];
            int step = (n + slices - 1) / slices;
            IntStream.range(0, slices).parallel().forEach(k -> {
                parts[k] = new BitSet(n);
                scan(index, query, k == 0 ? first : query.compile(), k * step, Math.min(n, (k + 1) * step), parts[k],
                        cancelled);
            });
            for (BitSet b : parts) {
                hits.or(b);
            }
        }
        return new Result(index, hits);
    }

    /**
     * The hits of {@code query} found among {@code previous}'s hits only: what a user typing on gets per keystroke.
     * Only valid when {@code query.narrows(previous query)} (every field that holds the longer text holds the
     * shorter one); otherwise, or for another index, this is {@link #search(RegistryIndex, SearchQuery,
     * BooleanSupplier)}.
     *
     * @throws CancellationException when {@code cancelled} turned true during the scan
     */
    public static Result searchWithin(Result previous, SearchQuery previousQuery, RegistryIndex index,
                                      SearchQuery query, BooleanSupplier cancelled) {
        if (previous == null || previous.index != index || !query.narrows(previousQuery)) {
            return search(index, query, cancelled);
        }
        requireCovered(index, query);
        BitSet hits = new BitSet(index.size());
        SearchQuery.Matcher m = query.compile();
        BitSet candidates = previous.hits;
        IntPredicate[] tests = query.fields().stream().map(f -> test(index, f, m)).toArray(IntPredicate[]::new);
        int checked = 0;
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if ((++checked & CHECK_MASK) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("search for " + query.text() + " superseded");
            }
            for (IntPredicate t : tests) {
                if (t.test(i)) {
                    hits.set(i);
                    break;
                }
            }
        }
        return new Result(index, hits);
    }

    private static void requireCovered(RegistryIndex index, SearchQuery query) {
        if (!index.covers(query.fields())) {
            throw new IllegalStateException("this index (the quick one) does not hold every field of " + query);
        }
    }

    private static void scan(RegistryIndex index, SearchQuery query, SearchQuery.Matcher m, int from, int to,
                             BitSet hits, BooleanSupplier cancelled) {
        for (SearchField f : query.fields()) {
            IntPredicate t = test(index, f, m);
            for (int i = from; i < to; i++) {
                if ((i & CHECK_MASK) == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("search for " + query.text() + " superseded");
                }
                if (!hits.get(i) && t.test(i)) {
                    hits.set(i);
                }
            }
        }
    }

    /**
     * Whether slot i's text in {@code field} matches: the column's text, or for the class column, the slot's class
     * text among the distinct ones, each tested once here (a few hundred instead of one per entry).
     */
    private static IntPredicate test(RegistryIndex index, SearchField field, SearchQuery.Matcher m) {
        if (field == SearchField.CLASS) {
            String[] texts = index.classTexts();
            boolean[] matches = new boolean[texts.length];
            for (int k = 0; k < texts.length; k++) {
                matches[k] = !texts[k].isEmpty() && m.test(texts[k]);
            }
            int[] ids = index.classIds();
            return i -> matches[ids[i]];
        }
        String[] column = index.column(field);
        return i -> {
            String s = column[i];
            return !s.isEmpty() && m.test(s);
        };
    }

    /** The hits of one search: a set of index slots. */
    public static final class Result {
        private final RegistryIndex index;
        private final BitSet hits;
        private final int count;

        Result(RegistryIndex index, BitSet hits) {
            this.index = index;
            this.hits = hits;
            this.count = hits.cardinality();
        }

        public int count() {
            return count;
        }

        /** The index searched (its slots are the hits'). */
        public RegistryIndex index() {
            return index;
        }

        public boolean contains(IORegistryEntry e) {
            int s = index.slotOf(e);
            return s >= 0 && hits.get(s);
        }

        /**
         * The matching entries among {@code slotOrder} (from {@link PlaneOrder#slots}), in that order: a read-only
         * list over their slots, so 100,000 hits cost one int array, not a list grown entry by entry.
         */
        public List<IORegistryEntry> entriesIn(int[] slotOrder) {
            int[] out = new int[Math.min(count(), slotOrder.length)];
            int n = 0;
            for (int i = 0; i < slotOrder.length && n < out.length; i++) {
                if (hits.get(slotOrder[i])) {
                    out[n++] = slotOrder[i];
                }
            }
            return new SlotList(index, n == out.length ? out : Arrays.copyOf(out, n));
        }

        /** The matching entries in registry (creation) order. */
        public List<IORegistryEntry> entries() {
            List<IORegistryEntry> out = new ArrayList<>(count());
            for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
                out.add(index.entry(i));
            }
            return out;
        }
    }

    /** Entries by index slot, in the slots' order; read-only. */
    private static final class SlotList extends AbstractList<IORegistryEntry> implements RandomAccess {
        private final RegistryIndex index;
        private final int[] slots;

        SlotList(RegistryIndex index, int[] slots) {
            this.index = index;
            this.slots = slots;
        }

        @Override
        public IORegistryEntry get(int i) {
            return index.entry(slots[i]);
        }

        @Override
        public int size() {
            return slots.length;
        }

        /**
         * As a list's equals, by comparing slot arrays when both lists are over the same entries (any stage of one
         * registry's index): a JavaFX property holding the hits compares the old list with the new one on every
         * search, which entry by entry was a quarter of the FX thread's time per keystroke on 100k hits.
         */
        @Override
        public boolean equals(Object o) {
            if (o instanceof SlotList other && index.sameSlots(other.index)) {
                return Arrays.equals(slots, other.slots);
            }
            return super.equals(o);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
