package dev.ioscope.plugins.usb;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * USB 2.0 §9.6 standard descriptors, parsed from their bytes: the 18-byte device descriptor and a
 * configuration descriptor with its interfaces and endpoints (wTotalLength bytes). Malformed bytes are an
 * IllegalArgumentException saying which descriptor and offset.
 */
public final class Descriptors {
    public record Device(int bcdUSB, int bDeviceClass, int bDeviceSubClass, int bDeviceProtocol, int bMaxPacketSize0,
                         int idVendor, int idProduct, int bcdDevice, int iManufacturer, int iProduct,
                         int iSerialNumber, int bNumConfigurations) {
    }

    public record Endpoint(int bEndpointAddress, int bmAttributes, int wMaxPacketSize, int bInterval) {
    }

    public record Interface(int bInterfaceNumber, int bAlternateSetting, int bInterfaceClass, int bInterfaceSubClass,
                            int bInterfaceProtocol, int iInterface, List<Endpoint> endpoints) {
    }

    public record Configuration(int bConfigurationValue, int bmAttributes, int bMaxPower, List<Interface> interfaces) {
    }

    private Descriptors() {
    }

    public static byte[] hex(String s) {
        try {
            return HexFormat.of().parseHex(s.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad hex: " + e.getMessage());
        }
    }

    public static Device device(byte[] b) {
        if (b.length < 18 || (b[0] & 0xff) != 18 || b[1] != 1) {
            throw new IllegalArgumentException("device descriptor: need 18 bytes starting 12 01");
        }
        return new Device(u16(b, 2), u8(b, 4), u8(b, 5), u8(b, 6), u8(b, 7), u16(b, 8), u16(b, 10), u16(b, 12),
                u8(b, 14), u8(b, 15), u8(b, 16), u8(b, 17));
    }

    public static Configuration configuration(byte[] b) {
        if (b.length < 9 || (b[0] & 0xff) != 9 || b[1] != 2) {
            throw new IllegalArgumentException("configuration descriptor: need 9 bytes starting 09 02");
        }
        int total = u16(b, 2);
        if (total > b.length) {
            throw new IllegalArgumentException("configuration descriptor: wTotalLength " + total + " > " + b.length
                    + " bytes given");
        }
        List<Interface> ifs = new ArrayList<>();
        List<Endpoint> eps = null;
        int[] cur = null;
        int off = 9;
        while (off < total) {
            int len = u8(b, off);
            if (len < 2 || off + len > total) {
                throw new IllegalArgumentException("configuration descriptor: bad bLength " + len + " at offset "
                        + off);
            }
            int type = u8(b, off + 1);
            if (type == 4 && len >= 9) {
                if (cur != null) {
                    ifs.add(new Interface(cur[0], cur[1], cur[2], cur[3], cur[4], cur[5], List.copyOf(eps)));
                }
                cur = new int[]{u8(b, off + 2), u8(b, off + 3), u8(b, off + 5), u8(b, off + 6), u8(b, off + 7),
                        u8(b, off + 8)};
                eps = new ArrayList<>();
            } else if (type == 5 && len >= 7) {
                if (cur == null) {
                    throw new IllegalArgumentException("configuration descriptor: endpoint before any interface at "
                            + "offset " + off);
                }
                eps.add(new Endpoint(u8(b, off + 2), u8(b, off + 3), u16(b, off + 4), u8(b, off + 6)));
            }
            off += len;
        }
        if (cur != null) {
            ifs.add(new Interface(cur[0], cur[1], cur[2], cur[3], cur[4], cur[5], List.copyOf(eps)));
        }
        return new Configuration(u8(b, 5), u8(b, 7), u8(b, 8), List.copyOf(ifs));
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    private static int u16(byte[] b, int i) {
        return u8(b, i) | u8(b, i + 1) << 8;
    }
}
