package dev.ioscope.engine.report.sampling;

import dev.ioscope.engine.report.IOReportTypes;
import dev.ioscope.engine.report.IOReportUnit;
import dev.ioscope.engine.report.ReportChannel;

import java.util.Locale;

/** How the dashboard and its CSV name channels and print values in their {@code IOReportUnit}. */
public final class ReportFormat {
    private ReportFormat() {
    }

    /** "group / subgroup / name" (the subgroup only when there is one), as the picker files it. */
    public static String path(ReportChannel ch) {
        String name = name(ch);
        return (ch.group() == null ? "(no group)" : ch.group())
                + (ch.subgroup() == null || ch.subgroup().isEmpty() ? "" : " / " + ch.subgroup()) + " / " + name;
    }

    /** The channel's name, or its id as a 4CC / hex when it has none. */
    public static String name(ReportChannel ch) {
        return ch.name() != null && !ch.name().isEmpty() ? ch.name() : fourCc(ch.channelId());
    }

    public static String kind(ReportChannel ch) {
        return switch (ch.channelType().reportFormat()) {
            case IOReportTypes.kIOReportFormatSimple -> "simple";
            case IOReportTypes.kIOReportFormatState -> "state";
            case IOReportTypes.kIOReportFormatHistogram -> "histogram";
            case IOReportTypes.kIOReportFormatSimpleArray -> "array";
            default -> "format " + ch.channelType().reportFormat();
        };
    }

    /** An id as IOREPORT_MAKEID characters when they are all printable (leading NULs skipped), else hex. */
    public static String fourCc(long id) {
        StringBuilder b = new StringBuilder();
        for (int i = 7; i >= 0; i--) {
            int c = (int) ((id >>> (8 * i)) & 0xff);
            if (c == 0 && b.length() == 0) {
                continue;
            }
            if (c < 0x20 || c > 0x7e) {
                return "0x" + Long.toHexString(id);
            }
            b.append((char) c);
        }
        return b.length() == 0 ? "0" : "'" + b + "'";
    }

    /** A state's label: its id when it is a small index, else its 4CC. */
    public static String state(long id) {
        return id >= 0 && id < 1000 ? "state " + id : fourCc(id);
    }

    /** A value in the channel's unit, scaled for reading: times as ns/µs/ms/s, data as B/KiB/MiB, else a count. */
    public static String value(long v, long unit) {
        if (v == IOReportTypes.kIOReportInvalidValue) {
            return "—";
        }
        int q = IOReportUnit.quantity(unit);
        double f = IOReportUnit.factor(unit);
        if (q == IOReportUnit.kIOReportQuantityTime && !Double.isNaN(f)) {
            return seconds(v * f);
        }
        if (q == IOReportUnit.kIOReportQuantityData && !Double.isNaN(f)) {
            return bytes(v * f / 8);   // the unit's base is the bit: kIOReportScaleBytes is 2^3
        }
        return String.format(Locale.ROOT, "%,d", v);
    }

    public static String seconds(double s) {
        double a = Math.abs(s);
        if (a == 0) {
            return "0 s";
        }
        if (a < 1e-6) {
            return String.format(Locale.ROOT, "%.0f ns", s * 1e9);
        }
        if (a < 1e-3) {
            return String.format(Locale.ROOT, "%.1f µs", s * 1e6);
        }
        if (a < 1) {
            return String.format(Locale.ROOT, "%.2f ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    public static String bytes(double b) {
        double a = Math.abs(b);
        if (a < 1024) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        if (a < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
        }
        if (a < 1024.0 * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (1024 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", b / (1024.0 * 1024 * 1024));
    }
}
