package dev.ioscope.engine.io;

/**
 * Bounds every parser checks before it allocates or recurses, so a hostile file gets a clean error instead of
 * an OutOfMemoryError, a StackOverflowError or a hang.
 *
 * @param maxDepth        nesting depth of containers (and of registry trees)
 * @param maxStringBytes  one string or data value
 * @param maxCount        elements in one container, objects in an archive, entries in a registry
 * @param maxFileBytes    size of an input file
 */
public record ParseLimits(int maxDepth, int maxStringBytes, int maxCount, long maxFileBytes) {
    /** Far above anything a real registry holds (the largest real snapshots have ~2k entries, depth &lt; 40). */
    public static final ParseLimits DEFAULT = new ParseLimits(512, 64 << 20, 4_000_000, 1L << 30);
}
