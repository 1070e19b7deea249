package dev.ioscope.engine.os;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * libkern OSDictionary: keys (OSSymbols, kept here as Java strings) mapped to values, in insertion order.
 *
 * <p>Order matters to us even though I/O Kit treats dictionaries as unordered: {@code ioreg} prints keys in
 * table order and a faithful round trip must too. Stored as two parallel arrays (cheap for the many small
 * property tables of a registry) with a hash index built only for large dictionaries.
 */
public final class OSDictionary implements OSObject {
    private static final int INDEX_THRESHOLD = 12;
    private static final OSDictionary EMPTY = new OSDictionary(new String[0], new OSObject[0]);

    private final String[] keys;
    private final OSObject[] values;
    /**
     * Built on the first lookup, not at construction: most property tables of a loaded registry are never
     * searched by key, and an eager HashMap per large table cost a 100k-entry import ~10% of its time and a
     * good share of its heap. Held in a record so that a racy first build is still safely published (final
     * field semantics); building it twice is harmless.
     */
    private Index index;

    private record Index(Map<String, Integer> map) {
    }

    /**
     * What matching derives from this table once and reuses for every nub (dev.ioscope.engine.service.TablePlans).
     * A field rather than a map keyed by table: a full re-match looks plans up millions of times. The dictionary
     * is immutable, so a plan never goes stale; a racy double build is harmless (volatile publishes it).
     */
    private volatile Object matchingPlans;

    /** The matching plans slot (see the field); null until matching first sees this table. */
    public Object matchingPlans() {
        return matchingPlans;
    }

    public void matchingPlans(Object plans) {
        matchingPlans = plans;
    }

    private OSDictionary(String[] keys, OSObject[] values) {
        this.keys = keys;
        this.values = values;
    }

    public static OSDictionary empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    /** Convenience for tests and small literals: alternating key, value pairs. */
    public static OSDictionary of(Object... keyValues) {
        Builder b = builder(keyValues.length / 2);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            b.put((String) keyValues[i], (OSObject) keyValues[i + 1]);
        }
        return b.build();
    }

    public int size() {
        return keys.length;
    }

    public boolean isEmpty() {
        return keys.length == 0;
    }

    private int indexOf(String key) {
        if (keys.length > INDEX_THRESHOLD) {
            Index ix = index;
            if (ix == null) {
                Map<String, Integer> m = new HashMap<>(keys.length * 2);
                for (int i = 0; i < keys.length; i++) {
                    m.put(keys[i], i);
                }
                index = ix = new Index(m);
            }
            Integer i = ix.map().get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The value for {@code key}, or null (libkern getObject). */
    public OSObject get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    public boolean containsKey(String key) {
        return indexOf(key) >= 0;
    }

    public String keyAt(int i) {
        return keys[i];
    }

    public OSObject valueAt(int i) {
        return values[i];
    }

    public List<String> keys() {
        return List.of(keys);
    }

    public void forEach(BiConsumer<String, OSObject> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    /** A copy with {@code key} set: replaced in place if present (as setObject does), else appended. */
    public OSDictionary with(String key, OSObject value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        int i = indexOf(key);
        if (i >= 0) {
            OSObject[] v = values.clone();
            v[i] = value;
            return new OSDictionary(keys, v);
        }
        String[] k = Arrays.copyOf(keys, keys.length + 1);
        OSObject[] v = Arrays.copyOf(values, values.length + 1);
        k[keys.length] = key;
        v[values.length] = value;
        return new OSDictionary(k, v);
    }

    /** A copy without {@code key}. */
    public OSDictionary without(String key) {
        int i = indexOf(key);
        if (i < 0) {
            return this;
        }
        String[] k = new String[keys.length - 1];
        OSObject[] v = new OSObject[keys.length - 1];
        System.arraycopy(keys, 0, k, 0, i);
        System.arraycopy(values, 0, v, 0, i);
        System.arraycopy(keys, i + 1, k, i, keys.length - i - 1);
        System.arraycopy(values, i + 1, v, i, keys.length - i - 1);
        return new OSDictionary(k, v);
    }

    /** An insertion-ordered, unmodifiable Java view copy. */
    public Map<String, OSObject> toMap() {
        Map<String, OSObject> m = new LinkedHashMap<>();
        forEach(m::put);
        return Collections.unmodifiableMap(m);
    }

    /**
     * libkern OSDictionary::isEqualTo: same number of entries and, for every key, a value that isEqualTo
     * the other's value under that key. Order does not matter here.
     */
    @Override
    public boolean isEqualTo(OSObject other) {
        if (!(other instanceof OSDictionary d) || d.size() != size()) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            OSObject ov = d.get(keys[i]);
            if (ov == null || !values[i].isEqualTo(ov)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String typeName() {
        return "OSDictionary";
    }

    /** Exact equality: same keys in the same order with equal values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OSDictionary d && Arrays.equals(keys, d.keys) && Arrays.equals(values, d.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(keys[i]).append("\"=").append(values[i]);
        }
        return sb.append('}').toString();
    }

    /** Builds a dictionary; a repeated key replaces the earlier value in its original position. */
    public static final class Builder {
        private final List<String> keys;
        private final List<OSObject> values;
        private Map<String, Integer> seen;

        private Builder() {
            this(8);
        }

        private Builder(int expected) {
            keys = new ArrayList<>(Math.max(expected, 2));
            values = new ArrayList<>(Math.max(expected, 2));
        }

        public Builder put(String key, OSObject value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            int existing = find(key);
            if (existing >= 0) {
                values.set(existing, value);
            } else {
                if (seen != null) {
                    seen.put(key, keys.size());
                }
                keys.add(key);
                values.add(value);
            }
            return this;
        }

        public Builder putAll(OSDictionary d) {
            d.forEach(this::put);
            return this;
        }

        private int find(String key) {
            if (seen == null && keys.size() > INDEX_THRESHOLD) {
                seen = new HashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    seen.put(keys.get(i), i);
                }
            }
            if (seen != null) {
                Integer i = seen.get(key);
                return i == null ? -1 : i;
            }
            return keys.indexOf(key);
        }

        public int size() {
            return keys.size();
        }

        public OSDictionary build() {
            if (keys.isEmpty()) {
                return EMPTY;
            }
            return new OSDictionary(keys.toArray(new String[0]), values.toArray(new OSObject[0]));
        }
    }
}
