package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSData;

import java.util.Optional;

/** A summary of a VESA EDID 1.x base block (128 bytes), as displays publish it in IODisplayEDID. */
final class Edid {
    private static final int[] HEADER = {0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00};

    private Edid() {
    }

    static boolean looksLikeEdid(OSData d) {
        if (d.length() < 128) {
            return false;
        }
        for (int i = 0; i < HEADER.length; i++) {
            if ((d.byteAt(i) & 0xff) != HEADER[i]) {
                return false;
            }
        }
        return true;
    }

    /** "APP ae22, 2015 week 40, EDID 1.4, 60x34 cm, 5120x2880 preferred, iMac". */
    static Optional<String> summary(OSData d) {
        if (!looksLikeEdid(d)) {
            return Optional.empty();
        }
        int mfg = ((d.byteAt(8) & 0xff) << 8) | (d.byteAt(9) & 0xff);
        String maker = "" + (char) ('@' + ((mfg >> 10) & 31)) + (char) ('@' + ((mfg >> 5) & 31))
                + (char) ('@' + (mfg & 31));
        int product = (d.byteAt(10) & 0xff) | ((d.byteAt(11) & 0xff) << 8);
        int week = d.byteAt(16) & 0xff;
        int year = 1990 + (d.byteAt(17) & 0xff);
        StringBuilder sb = new StringBuilder();
        sb.append(maker).append(' ').append(String.format("%04x", product)).append(", ").append(year);
        if (week > 0 && week <= 54) {
            sb.append(" week ").append(week);
        }
        sb.append(", EDID ").append(d.byteAt(18)).append('.').append(d.byteAt(19));
        int wcm = d.byteAt(21) & 0xff;
        int hcm = d.byteAt(22) & 0xff;
        if (wcm > 0 && hcm > 0) {
            sb.append(", ").append(wcm).append('x').append(hcm).append(" cm");
        }
        // The first 18-byte descriptor is the preferred detailed timing when its pixel clock is non-zero.
        int clock = (d.byteAt(54) & 0xff) | ((d.byteAt(55) & 0xff) << 8);
        if (clock != 0) {
            int h = (d.byteAt(56) & 0xff) | ((d.byteAt(58) & 0xf0) << 4);
            int v = (d.byteAt(59) & 0xff) | ((d.byteAt(61) & 0xf0) << 4);
            sb.append(", ").append(h).append('x').append(v).append(" preferred");
        }
        for (int off = 54; off + 18 <= 126; off += 18) {
            if (d.byteAt(off) == 0 && d.byteAt(off + 1) == 0 && (d.byteAt(off + 3) & 0xff) == 0xfc) {
                StringBuilder name = new StringBuilder();
                for (int i = off + 5; i < off + 18 && d.byteAt(i) != 0x0a; i++) {
                    name.append((char) (d.byteAt(i) & 0x7f));
                }
                sb.append(", \"").append(name.toString().strip()).append('"');
            }
        }
        return Optional.of(sb.toString());
    }
}
