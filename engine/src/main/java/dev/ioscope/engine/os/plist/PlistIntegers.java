package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.os.OSNumber;

import java.nio.charset.StandardCharsets;

/**
 * The {@code <integer>} rules, shared by the reader and the writer so that widths survive a round trip.
 *
 * <p>Text: optional whitespace, an optional sign, then decimal digits or {@code 0x} hex (CFPropertyList accepts
 * both; XNU's OSSerialize writes hex). Values must fit 64 bits: down to -2<sup>63</sup>, up to 2<sup>64</sup>-1.
 *
 * <p>Width: a {@code size="8|16|32|64"} attribute (XNU's OSUnserializeXML honours it) gives the width and the
 * value is masked to it, as OSNumber::init does. Without it the width is <b>32 bits when the value fits a
 * signed 32-bit integer, else 64</b>. This matches what Apple's tools write: CoreFoundation prints a CFNumber
 * signed in its own type, so a 32-bit OSNumber such as an IOProbeScore of -100 or a locationID of 0x80000000
 * appears as {@code -100} / {@code -2147483648}, and a 64-bit one above 2<sup>31</sup>-1 (RegistryEntryID,
 * CreatedTime) as a large positive number — both facts seen in the real {@code .ioreg} property plists.
 * The writer prints {@link OSNumber#signedValue()} and adds {@code size} only when this rule would guess wrong.
 */
public final class PlistIntegers {
    private static final OSNumber[] SMALL32 = new OSNumber[258];

    static {
        for (int i = 0; i < SMALL32.length; i++) {
            SMALL32[i] = OSNumber.of32(i - 1);
        }
    }

    private PlistIntegers() {
    }

    /** The width the reader gives a number written as {@code signedValue} without a size attribute. */
    public static int defaultWidth(long signedValue) {
        return signedValue >= Integer.MIN_VALUE && signedValue <= Integer.MAX_VALUE ? 32 : 64;
    }

    /** True if the writer must add {@code size} for this number to read back with the same width. */
    public static boolean needsSize(OSNumber n) {
        return defaultWidth(n.signedValue()) != n.bits();
    }

    /** Parses {@code b[from, to)}; {@code size} is the size attribute or -1. Null if the text is not a number. */
    static OSNumber parse(byte[] b, int from, int to, int size) {
        while (from < to && XmlPlistReader.isSpace(b[from])) {
            from++;
        }
        while (to > from && XmlPlistReader.isSpace(b[to - 1])) {
            to--;
        }
        boolean negative = false;
        if (from < to && (b[from] == '-' || b[from] == '+')) {
            negative = b[from] == '-';
            from++;
        }
        if (from >= to) {
            return null;
        }
        long v = 0;
        if (to - from > 2 && b[from] == '0' && (b[from + 1] == 'x' || b[from + 1] == 'X')) {
            from += 2;
            if (to - from > 16) {
                return null;
            }
            for (int i = from; i < to; i++) {
                int d = Character.digit(b[i], 16);
                if (d < 0) {
                    return null;
                }
                v = v << 4 | d;
            }
        } else {
            for (int i = from; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return null;
                }
                // Overflow check against 2^64-1 (unsigned).
                if (Long.compareUnsigned(v, 0x1999999999999999L) > 0
                        || (v == 0x1999999999999999L && d > 5)) {
                    return null;
                }
                v = v * 10 + d;
            }
        }
        if (negative) {
            if (Long.compareUnsigned(v, Long.MIN_VALUE) > 0) {
                return null;
            }
            v = -v;
        }
        int bits = size > 0 ? size : (negative || v >= 0) ? defaultWidth(v) : 64;
        if (bits == 32 && v >= -1 && v < SMALL32.length - 1) {
            return SMALL32[(int) v + 1];
        }
        return OSNumber.of(v, bits);
    }

    /** The offending text for an error message, shortened. */
    static String show(byte[] b, int from, int to) {
        String s = new String(b, from, Math.min(to - from, 40), StandardCharsets.UTF_8).strip();
        return to - from > 40 ? s + "…" : s;
    }
}
