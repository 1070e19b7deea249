package dev.ioscope.app.workbench.power;

import java.util.Locale;

/** Ticks of a virtual-time axis: round steps (1, 2, 5 × 10ⁿ ns) and labels precise enough to tell them apart. */
final class PowerTimeAxis {
    private PowerTimeAxis() {
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static long niceStep(double rough) {
        long p = 1;
        while (p * 10 <= rough) {
            p *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * p >= rough) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** A tick label: the unit of {@code ns}, with as many decimals as ticks {@code step} ns apart need. */
    static String label(long ns, long step) {
        if (ns == 0) {
            return "0";
        }
        long unit = ns >= 1_000_000_000L ? 1_000_000_000L : ns >= 1_000_000 ? 1_000_000 : ns >= 1_000 ? 1_000 : 1;
        String name = unit == 1_000_000_000L ? " s" : unit == 1_000_000 ? " ms" : unit == 1_000 ? " µs" : " ns";
        int decimals = (int) Math.max(0, Math.min(9, Math.ceil(Math.log10(unit / (double) Math.max(1, step)))));
        String v = String.format(Locale.ROOT, "%." + decimals + "f", ns / (double) unit);
        return (v.contains(".") ? v.replaceAll("0+$", "").replaceAll("\\.$", "") : v) + name;
    }
}
