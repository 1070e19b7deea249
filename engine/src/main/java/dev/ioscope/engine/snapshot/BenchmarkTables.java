package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * The benchmark registry's property tables ({@link BenchmarkRegistry}): one entry's table from its family, its
 * mix of values (one of five) and the values the tree's pass drew for it onto the tape, read back in that order.
 */
final class BenchmarkTables {
    /** The one property the quick search index reads (kIOBSDNameKey); storage entries (mix 3) carry it. */
    static final String BSD_NAME = "BSD Name";
    static final int STORAGE_MIX = 3;

    private BenchmarkTables() {
    }

    /**
     * The values every table of a family or mix holds alike, made once (the objects are immutable): a table then
     * allocates its dictionary and its drawn values only, and the young collections while the 100k tables are built
     * in the background (right after the tree's first frame, under the first search) copy less.
     */
    private static final OSString[][] FAMILY_STRINGS = familyStrings();
    private static final OSString MATCH_CATEGORY = OSString.of("IODefaultMatchCategory");
    private static final OSDictionary POWER_MANAGEMENT = OSDictionary.of("CurrentPowerState", OSNumber.of32(2),
            "DevicePowerState", OSNumber.of32(2), "MaxPowerState", OSNumber.of32(2));
    private static final OSData INTEL_VENDOR = OSData.wrap(new byte[] {(byte) 0x86, (byte) 0x80, 0, 0});
    private static final OSNumber LINK_STATUS = OSNumber.of32(0x1043);
    private static final OSNumber APPLE_VENDOR = OSNumber.of32(0x05ac);
    private static final OSArray USAGE_PAIRS = OSArray.of(
            OSDictionary.of("DeviceUsage", OSNumber.of32(2), "DeviceUsagePage", OSNumber.of32(1)),
            OSDictionary.of("DeviceUsage", OSNumber.of32(6), "DeviceUsagePage", OSNumber.of32(1)));
    private static final OSString EMPTY_STRING = OSString.of("");
    private static final OSNumber REPORT_INTERVAL = OSNumber.of32(8000);
    private static final OSNumber DISK_SIZE = OSNumber.of64(500107862016L);
    private static final OSNumber BLOCK_SIZE = OSNumber.of64(4096);
    private static final OSString GUID_SCHEME = OSString.of("GUID_partition_scheme");
    private static final OSArray REPORT_LEGEND = OSArray.of(OSDictionary.of(
            "IOReportChannels", OSArray.of(OSArray.of(OSNumber.of64(0x6379636c65730000L),
                    OSNumber.of64(0x100020001L), OSString.of("Cycles"))),
            "IOReportGroupName", OSString.of("Power States")));
    private static final OSData APPLE_MODEL = data("Apple Inc.\0");

    private static OSString[][] familyStrings() {
        String[][] families = BenchmarkRegistry.FAMILIES;
        OSString[][] out = new OSString[families.length][];
        for (int i = 0; i < families.length; i++) {
            String[] f = families[i];
            out[i] = new OSString[] {OSString.of(f[0]), OSString.of(f[1]), OSString.of(f[2]), OSString.of(f[3])};
        }
        return out;
    }

    /** One entry's property table, built from the values drawn for it. */
    static OSDictionary properties(int family, int kind, Tape.Reader r) {
        OSString[] f = FAMILY_STRINGS[family];
        OSDictionary.Builder p = OSDictionary.builder(24)
                .put("IOClass", f[0])
                .put("IOProviderClass", f[3])
                .put("CFBundleIdentifier", f[2])
                .put("IOProbeScore", OSNumber.of32(r.next()))
                .put("IOMatchCategory", MATCH_CATEGORY)
                .put("IOPowerManagement", POWER_MANAGEMENT);
        switch (kind) {
            case 0 -> p.put("vendor-id", INTEL_VENDOR)
                    .put("device-id", OSData.wrap(le32((int) r.next())))
                    .put("reg", OSData.wrap(r.bytes(20)))
                    .put("compatible", data("pci8086," + Integer.toHexString((int) r.next())
                            + "\0pciclass,0c0330\0"))
                    .put("IOPCIExpressLinkStatus", LINK_STATUS)
                    .put("IOInterruptSpecifiers", OSArray.of(OSData.wrap(r.bytes(8))));
            case 1 -> p.put("locationID", OSNumber.of32(r.next()))
                    .put("USB Product Name", OSString.of("USB2.0 Hub " + r.next()))
                    .put("idVendor", APPLE_VENDOR).put("idProduct", OSNumber.of32(r.next()))
                    .put("sessionID", OSNumber.of64(r.next()))
                    .put("Built-In", OSBoolean.of(r.next() != 0));
            case 2 -> p.put("DeviceUsagePairs", USAGE_PAIRS)
                    .put("HIDDefaultBehavior", EMPTY_STRING)
                    .put("ReportInterval", REPORT_INTERVAL)
                    .put("MaxInputReportSize", OSNumber.of(r.next(), 16));
            case STORAGE_MIX -> p.put("Size", DISK_SIZE)
                    .put("Preferred Block Size", BLOCK_SIZE)
                    .put("Content", GUID_SCHEME).put("Whole", OSBoolean.TRUE)
                    .put(BSD_NAME, bsdName(r.next())).put("Writable", OSBoolean.TRUE)
                    .put("UUID", OSString.of(new UUID(r.next(), r.next()).toString().toUpperCase(Locale.ROOT)));
            default -> p.put("IOReportLegend", REPORT_LEGEND)
                    .put("IOReportLegendPublic", OSBoolean.TRUE)
                    .put("model", APPLE_MODEL);
        }
        return p.build();
    }

    static OSString bsdName(long unit) {
        return OSString.of("disk" + unit);
    }

    static OSData data(String s) {
        return OSData.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }
}
