package dev.ioscope.engine.explore;

import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Runs a {@link SearchQuery} over a {@link RegistryIndex}. Stateless; any thread. */
public final class RegistrySearch {
    private RegistrySearch() {
    }

    /**
     * The entries matching the query in any of its fields, in registry order.
     *
     * @throws IllegalArgumentException for a malformed regular expression (the message says where)
     */
    public static Result search(RegistryIndex index, SearchQuery query) {
        BitSet hits = new BitSet(index.size());
        if (query.isBlank()) {
            return new Result(index, hits);
        }
        SearchQuery.Matcher m = query.compile();
        int n = index.size();
        for (SearchField f : query.fields()) {
            String[] col = index.column(f);
            for (int i = 0; i < n; i++) {
                String s = col[i];
                if (!s.isEmpty() && !hits.get(i) && m.test(s)) {
                    hits.set(i);
                }
            }
        }
        return new Result(index, hits);
    }

    /** The hits of one search: a set of index slots. */
    public static final class Result {
        private final RegistryIndex index;
        private final BitSet hits;

        Result(RegistryIndex index, BitSet hits) {
            this.index = index;
            this.hits = hits;
        }

        public int count() {
            return hits.cardinality();
        }

        public boolean contains(IORegistryEntry e) {
            int s = index.slotOf(e);
            return s >= 0 && hits.get(s);
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
}
