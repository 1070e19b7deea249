package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSData;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Hex and ASCII renderings of OSData, as IORegistryExplorer and {@code ioreg} show data values. */
public final class HexDump {
    private HexDump() {
    }

    /** The first {@code max} bytes as lower-case hex pairs without separators (ioreg's {@code <0123abcd>}). */
    public static String hex(OSData d, int max) {
        int n = Math.min(max, d.length());
        StringBuilder sb = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            int b = d.byteAt(i) & 0xff;
            sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
        }
        return sb.toString();
    }

    /**
     * The data as text when it is a printable C string or a NUL-separated list of them (ioreg prints such data
     * as {@code <"text">}); null when any byte is not printable ASCII.
     */
    public static String printable(OSData d) {
        int n = d.length();
        if (n == 0) {
            return null;
        }
        int end = n;
        while (end > 0 && d.byteAt(end - 1) == 0) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        for (int i = 0; i < end; i++) {
            int b = d.byteAt(i) & 0xff;
            if (b == 0 && i > 0 && d.byteAt(i - 1) != 0) {
                continue;
            }
            if (b < 0x20 || b > 0x7e) {
                return null;
            }
        }
        return new String(d.toByteArray(), 0, end, StandardCharsets.US_ASCII);
    }

    /** The printable C strings of the data ({@link #printable}) split at NULs, or null. */
    public static List<String> strings(OSData d) {
        String s = printable(d);
        return s == null ? null : List.of(s.split("\0"));
    }

    /** {@code "a", "b"}: the strings quoted as ioreg quotes string data, or null. */
    public static String quotedStrings(OSData d) {
        var list = strings(d);
        if (list == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String x : list) {
            sb.append(sb.length() == 0 ? "" : ", ").append('"').append(x).append('"');
        }
        return sb.toString();
    }

    /** A classic 16-bytes-per-line dump: offset, hex, ASCII (dots for non-printables). At most {@code max} bytes. */
    public static String dump(OSData d, int max) {
        int n = Math.min(max, d.length());
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off < n; off += 16) {
            sb.append(String.format("%08x  ", off));
            for (int i = 0; i < 16; i++) {
                if (off + i < n) {
                    sb.append(String.format("%02x ", d.byteAt(off + i) & 0xff));
                } else {
                    sb.append("   ");
                }
                if (i == 7) {
                    sb.append(' ');
                }
            }
            sb.append(" |");
            for (int i = 0; i < 16 && off + i < n; i++) {
                int b = d.byteAt(off + i) & 0xff;
                sb.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            sb.append("|\n");
        }
        if (n < d.length()) {
            sb.append("… ").append(d.length() - n).append(" more bytes\n");
        }
        return sb.toString();
    }
}
