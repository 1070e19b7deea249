package dev.ioscope.engine.memory;

import java.util.Locale;

/**
 * The cache modes a mapping can ask for in its options' kIOMapCacheMask field (IOMapTypes.h: kIODefaultCache 0 to
 * kIOPostedCombinedReordered 9; kIOMapInhibitCache is kIOInhibitCache << kIOMapCacheShift). Values 10 to 15 have
 * no name: {@link #of} answers null for them.
 */
public enum IOCacheMode {
    kIODefaultCache, kIOInhibitCache, kIOWriteThruCache, kIOCopybackCache, kIOWriteCombineCache,
    kIOCopybackInnerCache, kIOPostedWrite, kIORealTimeCache, kIOPostedReordered, kIOPostedCombinedReordered;

    /** The mode with this field value, or null for an unnamed one. */
    public static IOCacheMode of(int field) {
        return field >= 0 && field < values().length ? values()[field] : null;
    }

    /** The option bits that ask for this mode (kIOMapInhibitCache = 0x100, …). */
    public int mapOption() {
        return ordinal() << IOMapOptions.kIOMapCacheShift;
    }

    /** The kIOMap… name of the option: kIOMapInhibitCache for kIOInhibitCache. */
    public String mapName() {
        return "kIOMap" + name().substring("kIO".length());
    }

    /** A mode by its kIO… or kIOMap… name, or by the short name ("InhibitCache", "inhibit"); null if none. */
    public static IOCacheMode parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace("kiomap", "").replace("kio", "");
        for (IOCacheMode m : values()) {
            String n = m.name().substring(3).toLowerCase(Locale.ROOT);
            if (n.equals(t) || n.replace("cache", "").equals(t)) {
                return m;
            }
        }
        return null;
    }
}
