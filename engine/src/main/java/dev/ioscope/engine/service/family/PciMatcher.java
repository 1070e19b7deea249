package dev.ioscope.engine.service.family;

import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.FamilyMatcher;
import dev.ioscope.engine.service.KeyVerdict;
import dev.ioscope.engine.service.MatchContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IOPCIDevice::matchPropertyTable → IOPCIBridge::matchNubWithPropertyTable → pciMatchNub / matchKeys
 * (IOPCIFamily, IOPCIBridge.cpp). Each key holds space-separated hex values, each optionally followed by
 * {@code &mask}; a value matches when {@code (value & mask) == (register & mask)}; any value in the list
 * suffices. The keys, their registers and default masks:
 * <ul>
 *   <li>IOPCIMatch — register 0x00 (device ID &lt;&lt; 16 | vendor ID), then register 0x2c (subsystem ID &lt;&lt; 16 |
 *       subsystem vendor ID); mask 0xffffffff</li>
 *   <li>IOPCIPrimaryMatch — register 0x00; IOPCISecondaryMatch — register 0x2c; mask 0xffffffff</li>
 *   <li>IOPCIClassMatch — register 0x08 (class code &lt;&lt; 8 | revision); default mask 0xffffff00</li>
 * </ul>
 * All keys present must match. A snapshot holds no config space, so the registers are rebuilt from the nub's
 * {@code vendor-id}, {@code device-id}, {@code subsystem-vendor-id}, {@code subsystem-id}, {@code class-code}
 * and {@code revision-id} properties (little-endian OSData, as IOPCIFamily publishes them).
 */
public final class PciMatcher implements FamilyMatcher {
    public static final String IO_PCI_MATCH = "IOPCIMatch";
    public static final String IO_PCI_PRIMARY_MATCH = "IOPCIPrimaryMatch";
    public static final String IO_PCI_SECONDARY_MATCH = "IOPCISecondaryMatch";
    public static final String IO_PCI_CLASS_MATCH = "IOPCIClassMatch";

    private record Key(String name, int[] registers, long defaultMask) {
    }

    private static final List<Key> KEYS = List.of(
            new Key(IO_PCI_MATCH, new int[]{0x00, 0x2c}, 0xffffffffL),
            new Key(IO_PCI_PRIMARY_MATCH, new int[]{0x00}, 0xffffffffL),
            new Key(IO_PCI_SECONDARY_MATCH, new int[]{0x2c}, 0xffffffffL),
            new Key(IO_PCI_CLASS_MATCH, new int[]{0x08}, 0xffffff00L));

    @Override
    public String family() {
        return "IOPCIFamily";
    }

    @Override
    public boolean appliesTo(IORegistryEntry nub, MatchContext ctx) {
        return ctx.conformsTo(nub, "IOPCIDevice");
    }

    @Override
    public Result matchPropertyTable(IORegistryEntry nub, OSDictionary table, int score, MatchContext ctx,
                                     List<KeyVerdict> out) {
        boolean match = true;
        for (Key k : KEYS) {
            OSObject prop = table.get(k.name);
            if (prop == null) {
                continue;
            }
            // pciMatchNub casts without checking; a non-string would crash the kernel, we just refuse it.
            if (!(prop instanceof OSString s)) {
                if (out != null) out.add(KeyVerdict.noMatch(k.name, "is an " + prop.typeName() + ", not a string"));
                match = false;
                continue;
            }
            boolean ok = false;
            StringBuilder seen = out == null ? null : new StringBuilder();
            long[] parsed = parsed(s.value(), k.defaultMask);
            for (int reg : k.registers) {
                OptionalLong value = register(nub, reg);
                if (seen != null) {
                    if (seen.length() > 0) {
                        seen.append(", ");
                    }
                    seen.append(registerName(reg)).append(' ')
                            .append(value.isPresent() ? hex(value.getAsLong()) : "unknown (no ID properties)");
                }
                if (value.isPresent() && matches(parsed, value.getAsLong())) {
                    ok = true;
                    break;
                }
            }
            if (out != null) {
                out.add(KeyVerdict.of(ok, k.name + " " + abbreviate(s.value()), "this device's " + seen));
            }
            match &= ok;
        }
        return new Result(match, score);
    }

    /** Parsed value lists, memoised: a catalogue holds few distinct strings and matching reads them often. */
    private final Map<String, long[]> cacheFullMask = new ConcurrentHashMap<>();
    private final Map<String, long[]> cacheClassMask = new ConcurrentHashMap<>();

    /** The list as (value, mask) pairs, in order, as matchKeys reads it. */
    long[] parsed(String keys, long defaultMask) {
        var cache = defaultMask == 0xffffffffL ? cacheFullMask : cacheClassMask;
        return cache.computeIfAbsent(keys, k -> parse(k, defaultMask));
    }

    static long[] parse(String keys, long defaultMask) {
        List<Long> out = new ArrayList<>();
        int i = 0;
        int n = keys.length();
        while (true) {
            int[] pos = {i};
            Long value = strtoul(keys, pos);
            if (value == null) {
                break;
            }
            i = pos[0];
            while (i < n && keys.charAt(i) == ' ') {
                i++;
            }
            long mask = defaultMask;
            if (i < n && keys.charAt(i) == '&') {
                pos[0] = i + 1;
                Long m = strtoul(keys, pos);
                mask = m == null ? 0 : m;
                i = pos[0];
            }
            out.add(value);
            out.add(mask);
            if (out.size() > 2 * 4096) {
                break;   // bound a hostile list
            }
        }
        long[] a = new long[out.size()];
        for (int j = 0; j < a.length; j++) {
            a[j] = out.get(j);
        }
        return a;
    }

    private static boolean matches(long[] pairs, long reg) {
        for (int j = 0; j < pairs.length; j += 2) {
            if ((pairs[j] & pairs[j + 1]) == (reg & pairs[j + 1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * IOPCIBridge::matchKeys: strtoul-style hex values separated by spaces, each with an optional
     * {@code &mask}; stops at the first value that matches, or at text that is not a number.
     */
    public static boolean matchKeys(String keys, long defaultMask, long reg) {
        return matches(parse(keys, defaultMask), reg);
    }

    /** strtoul(s, &end, 16) for 32-bit unsigned long: skips white space, accepts 0x; null if no digits. */
    static Long strtoul(String s, int[] pos) {
        int i = pos[0];
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
        }
        int start = i;
        long v = 0;
        while (i < n && Character.digit(s.charAt(i), 16) >= 0) {
            v = (v << 4) | Character.digit(s.charAt(i), 16);
            if (v > 0xffffffffL) {
                v = 0xffffffffL;   // ULONG_MAX saturation on a 32-bit UInt32 store
            }
            i++;
        }
        if (i == start) {
            return null;
        }
        pos[0] = i;
        return v;
    }

    /** The config register rebuilt from the nub's published ID properties. */
    public static OptionalLong register(IORegistryEntry nub, int reg) {
        return switch (reg) {
            case 0x00 -> pair(nub, "device-id", "vendor-id");
            case 0x2c -> pair(nub, "subsystem-id", "subsystem-vendor-id");
            case 0x08 -> {
                OptionalLong cls = number(nub.property("class-code"));
                OptionalLong rev = number(nub.property("revision-id"));
                yield cls.isPresent() ? OptionalLong.of(((cls.getAsLong() & 0xffffff) << 8)
                        | (rev.orElse(0) & 0xff)) : OptionalLong.empty();
            }
            default -> OptionalLong.empty();
        };
    }

    private static OptionalLong pair(IORegistryEntry nub, String high, String low) {
        OptionalLong h = number(nub.property(high));
        OptionalLong l = number(nub.property(low));
        if (h.isEmpty() || l.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(((h.getAsLong() & 0xffff) << 16) | (l.getAsLong() & 0xffff));
    }

    private static OptionalLong number(OSObject o) {
        if (o instanceof OSData d && d.length() > 0) {
            return OptionalLong.of(d.littleEndian(Math.min(4, d.length())));
        }
        if (o instanceof OSNumber n) {
            return OptionalLong.of(n.value());
        }
        return OptionalLong.empty();
    }

    private static String registerName(int reg) {
        return switch (reg) {
            case 0x00 -> "ID (0x00) is";
            case 0x2c -> "subsystem ID (0x2c) is";
            default -> "class code register (0x08) is";
        };
    }

    static String hex(long v) {
        return String.format("0x%08x", v);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
