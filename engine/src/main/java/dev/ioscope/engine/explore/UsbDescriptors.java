package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSData;

import java.util.Optional;

/** Raw USB descriptors (USB 2.0 spec chapter 9.6): device, configuration with its interfaces and endpoints. */
final class UsbDescriptors {
    private static final int DEVICE = 1;
    private static final int CONFIGURATION = 2;
    private static final int INTERFACE = 4;
    private static final int ENDPOINT = 5;

    private UsbDescriptors() {
    }

    static Optional<String> describe(OSData d) {
        if (d.length() < 2 || (d.byteAt(0) & 0xff) < 2) {
            return Optional.empty();
        }
        int type = d.byteAt(1) & 0xff;
        if (type == DEVICE && d.length() >= 18) {
            return Optional.of(String.format("device: USB %x.%02x, class %02x/%02x/%02x, vendor 0x%04x, product 0x%04x,"
                            + " release %x.%02x, %d configuration(s)", u8(d, 3), u8(d, 2), u8(d, 4), u8(d, 5),
                    u8(d, 6), u16(d, 8), u16(d, 10), u8(d, 13), u8(d, 12), u8(d, 17)));
        }
        if (type == CONFIGURATION && d.length() >= 9) {
            StringBuilder sb = new StringBuilder(String.format("configuration %d: %d interface(s), %s%s, %d mA",
                    u8(d, 5), u8(d, 4), (u8(d, 7) & 0x40) != 0 ? "self-powered" : "bus-powered",
                    (u8(d, 7) & 0x20) != 0 ? ", remote wake" : "", u8(d, 8) * 2));
            int off = u8(d, 0);
            int end = Math.min(d.length(), u16(d, 2));
            while (off + 2 <= end && u8(d, off) >= 2) {
                int len = u8(d, off);
                int t = u8(d, off + 1);
                if (off + len > end) {
                    break;
                }
                if (t == INTERFACE && len >= 9) {
                    sb.append(String.format("; interface %d alt %d class %02x/%02x/%02x", u8(d, off + 2),
                            u8(d, off + 3), u8(d, off + 5), u8(d, off + 6), u8(d, off + 7)));
                } else if (t == ENDPOINT && len >= 7) {
                    int addr = u8(d, off + 2);
                    String[] kinds = {"control", "isochronous", "bulk", "interrupt"};
                    sb.append(String.format("; ep 0x%02x %s %s %d", addr, (addr & 0x80) != 0 ? "in" : "out",
                            kinds[u8(d, off + 3) & 3], u16(d, off + 4) & 0x7ff));
                }
                off += len;
            }
            return Optional.of(sb.toString());
        }
        return Optional.empty();
    }

    private static int u8(OSData d, int i) {
        return d.byteAt(i) & 0xff;
    }

    private static int u16(OSData d, int i) {
        return u8(d, i) | (u8(d, i + 1) << 8);
    }
}
