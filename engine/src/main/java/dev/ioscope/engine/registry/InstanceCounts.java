package dev.ioscope.engine.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * OSMetaClass's per-class instance counts, as {@code OSMetaClass::getInstanceCount} reports them (libkern
 * {@code OSMetaClass.h}): the live instances of the class itself, plus one for each direct subclass that has any
 * instance. A construction that takes a class from 0 to 1 counts once more on its superclass (and so on up); a
 * destruction that takes it from 1 to 0 takes that one back (rule DG2). Counts never go below 0: a destruction
 * of a class counted 0 is ignored.
 */
public final class InstanceCounts {
    /** Class chains longer than this are cut (a hostile catalogue must not walk for ever). */
    private static final int MAX_DEPTH = 256;

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Function<String, Optional<String>> superOf;

    /**
     * @param base    the counts to start from (a real snapshot's {@code Classes}), in their order
     * @param superOf each class's superclass (the class catalogue)
     */
    public InstanceCounts(Map<String, Long> base, Function<String, Optional<String>> superOf) {
        counts.putAll(base);
        this.superOf = superOf;
    }

    /** OSMetaClass::instanceConstructed for {@code className}: +1, and up the chain on a 0 → 1 change. */
    public void constructed(String className) {
        String c = className;
        for (int depth = 0; c != null && depth < MAX_DEPTH; depth++) {
            long before = counts.getOrDefault(c, 0L);
            counts.put(c, before + 1);
            if (before != 0) {
                return;
            }
            c = superOf.apply(c).orElse(null);
        }
    }

    /** OSMetaClass::instanceDestructed for {@code className}: −1, and up the chain on a 1 → 0 change. */
    public void destructed(String className) {
        String c = className;
        for (int depth = 0; c != null && depth < MAX_DEPTH; depth++) {
            long before = counts.getOrDefault(c, 0L);
            if (before <= 0) {
                return;
            }
            counts.put(c, before - 1);
            if (before != 1) {
                return;
            }
            c = superOf.apply(c).orElse(null);
        }
    }

    /** The count of one class (0 when never seen). */
    public long count(String className) {
        return counts.getOrDefault(className, 0L);
    }

    /** Every class seen, in the order first seen (the base's order first), with its count. */
    public Map<String, Long> asMap() {
        return new LinkedHashMap<>(counts);
    }
}
