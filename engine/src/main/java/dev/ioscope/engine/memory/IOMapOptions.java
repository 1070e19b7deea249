package dev.ioscope.engine.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mapping options of {@code createMappingInTask} and {@code IOConnectMapMemory} (IOMapTypes.h), and the
 * IOBufferMemoryDescriptor options that share their bits (IOBufferMemoryDescriptor.h, IOMemoryDescriptor.h).
 */
public final class IOMapOptions {
    public static final int kIOMapAnywhere = 0x00000001;
    public static final int kIOMapCacheMask = 0x00000f00;
    public static final int kIOMapCacheShift = 8;
    public static final int kIOMapUserOptionsMask = 0x00000fff;
    public static final int kIOMapReadOnly = 0x00001000;
    public static final int kIOMapStatic = 0x01000000;
    public static final int kIOMapReference = 0x02000000;
    public static final int kIOMapUnique = 0x04000000;

    public static final int kIOMemoryDirectionMask = 0x00000007;
    public static final int kIOMemoryPhysicallyContiguous = 0x00000010;
    public static final int kIOMemoryPageable = 0x00000020;
    public static final int kIOMemoryPurgeable = 0x00000040;
    public static final int kIOMemoryHostPhysicallyContiguous = 0x00000080;
    public static final int kIOMemorySharingTypeMask = 0x000f0000;
    public static final int kIOMemoryKernelUserShared = 0x00010000;
    public static final int kIOMemoryClearEncrypt = 0x00200000;

    private IOMapOptions() {
    }

    /**
     * Mapping options from words (scenarios): {@code anywhere}, {@code readOnly} and a cache mode
     * ({@code inhibitCache}, …), I/O Kit's names with or without the {@code kIOMap} prefix, joined by {@code |},
     * commas or spaces.
     */
    public static int parseMapOptions(String text) {
        int o = 0;
        for (String w : words(text)) {
            o |= switch (w) {
                case "anywhere" -> kIOMapAnywhere;
                case "readonly" -> kIOMapReadOnly;
                default -> cache(w);
            };
        }
        return o;
    }

    /** IOBufferMemoryDescriptor options from words: {@code pageable}, {@code contiguous}, … and a cache mode. */
    public static int parseBufferOptions(String text) {
        int o = 0;
        for (String w : words(text)) {
            o |= switch (w) {
                case "pageable" -> kIOMemoryPageable;
                case "contiguous", "physicallycontiguous" -> kIOMemoryPhysicallyContiguous;
                case "hostphysicallycontiguous" -> kIOMemoryHostPhysicallyContiguous;
                case "purgeable" -> kIOMemoryPurgeable;
                case "kernelusershared" -> kIOMemoryKernelUserShared;
                default -> cache(w);
            };
        }
        return o;
    }

    private static int cache(String w) {
        IOCacheMode m = IOCacheMode.parse(w);
        if (m == null) {
            throw new IllegalArgumentException("no option " + w);
        }
        return m.mapOption();
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String w : text.split("[|,\\s]+")) {
                String t = w.trim().toLowerCase(Locale.ROOT).replace("kiomemory", "").replace("kiomap", "");
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** The cache mode field of an option word (kIOMapCacheMask, shifted down). */
    public static IOCacheMode cacheMode(int options) {
        return IOCacheMode.of((options & kIOMapCacheMask) >>> kIOMapCacheShift);
    }

    /** Readable options for the journal, e.g. {@code kIOMapAnywhere|kIOMapReadOnly|kIOMapInhibitCache}. */
    public static String describe(int options) {
        StringBuilder sb = new StringBuilder();
        if ((options & kIOMapAnywhere) != 0) {
            sb.append("kIOMapAnywhere|");
        }
        if ((options & kIOMapReadOnly) != 0) {
            sb.append("kIOMapReadOnly|");
        }
        IOCacheMode cache = cacheMode(options);
        if (cache != IOCacheMode.kIODefaultCache) {
            sb.append(cache.mapName()).append('|');
        }
        int rest = options & ~(kIOMapAnywhere | kIOMapReadOnly | kIOMapCacheMask);
        if (rest != 0) {
            sb.append("0x").append(Integer.toHexString(rest)).append('|');
        }
        return sb.isEmpty() ? "0" : sb.substring(0, sb.length() - 1);
    }
}
