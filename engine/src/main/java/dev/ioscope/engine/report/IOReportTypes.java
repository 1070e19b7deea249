package dev.ioscope.engine.report;

/**
 * Constants of {@code iokit/IOKit/IOReportTypes.h}: formats ({@code IOReportChannelType.report_format}), categories
 * (bit flags in a UInt16), configure and update actions, the invalid value, and {@code IOREPORT_MAKEID}.
 */
public final class IOReportTypes {
    public static final int IOR_VALUES_PER_ELEMENT = 4;
    /** {@code kIOReportInvalidIntValue} = INT64_MIN; {@code kIOReportInvalidValue} has the same bits. */
    public static final long kIOReportInvalidValue = Long.MIN_VALUE;

    public static final int kIOReportInvalidFormat = 0;
    public static final int kIOReportFormatSimple = 1;
    public static final int kIOReportFormatState = 2;
    public static final int kIOReportFormatHistogram = 3;
    public static final int kIOReportFormatSimpleArray = 4;

    public static final int kIOReportCategoryPower = 1 << 1;
    public static final int kIOReportCategoryTraffic = 1 << 2;
    public static final int kIOReportCategoryPerformance = 1 << 3;
    public static final int kIOReportCategoryPeripheral = 1 << 4;
    public static final int kIOReportCategoryField = 1 << 8;
    public static final int kIOReportCategoryDebug = 1 << 15;
    public static final int kIOReportInvalidCategory = 0xffff;

    public static final int kIOReportDisable = 0x00;
    public static final int kIOReportEnable = 0x01;
    public static final int kIOReportGetDimensions = 0x02;
    public static final int kIOReportNotifyHubOnChange = 0x10;
    public static final int kIOReportTraceOnChange = 0x20;

    public static final int kIOReportCopyChannelData = 1;
    public static final int kIOReportTraceChannelData = 2;

    private IOReportTypes() {
    }

    /**
     * {@code IOREPORT_MAKEID(A..H)}: up to 8 characters packed big-end first ({@code A << 56 | … | H}); shorter names
     * are padded with NUL at the END here (the header's example puts NULs first to avoid trailing zeros — pass
     * them explicitly for that).
     */
    public static long makeId(String chars) {
        if (chars.length() > 8) {
            throw new IllegalArgumentException("IOREPORT_MAKEID takes at most 8 characters: " + chars);
        }
        long id = 0;
        for (int i = 0; i < 8; i++) {
            long c = i < chars.length() ? chars.charAt(i) & 0xff : 0;
            id |= c << (8 * (7 - i));
        }
        return id;
    }
}
