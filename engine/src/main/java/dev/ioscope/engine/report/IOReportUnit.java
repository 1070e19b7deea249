package dev.ioscope.engine.report;

/**
 * {@code IOReportUnit}: a 64-bit code, {@code quantity << 56 | scale} ({@code __IOR_MAKEUNIT}); the scale packs a
 * 31-bit constant (bits 0..30), a "one over" flag (bit 31), a power of ten (bits 32..39) and a power of two (bits
 * 40..47), each exponent stored +127 so that 0 means "none", and a cardinal (bits 48..55, e.g. Mach ticks).
 */
public final class IOReportUnit {
    public static final int kIOReportQuantityUndefined = 0;
    public static final int kIOReportQuantityTime = 1;
    public static final int kIOReportQuantityPower = 2;
    public static final int kIOReportQuantityEnergy = 3;
    public static final int kIOReportQuantityCurrent = 4;
    public static final int kIOReportQuantityVoltage = 5;
    public static final int kIOReportQuantityCapacitance = 6;
    public static final int kIOReportQuantityInductance = 7;
    public static final int kIOReportQuantityFrequency = 8;
    public static final int kIOReportQuantityData = 9;
    public static final int kIOReportQuantityTemperature = 10;
    public static final int kIOReportQuantityEventCount = 100;
    public static final int kIOReportQuantityPacketCount = 101;
    public static final int kIOReportQuantityCPUInstrs = 102;

    public static final long kIOReportScaleConstMask = 0x000000007fffffffL;
    public static final long kIOReportScaleOneOver = 1L << 31;
    public static final int kIOReportExpZeroOffset = 127;
    public static final int kIOReportScaleSIShift = 32;
    public static final long kIOReportScaleSIMask = 0x000000ff00000000L;
    public static final int kIOReportScaleIECShift = 40;
    public static final long kIOReportScaleIECMask = 0x0000ff0000000000L;
    public static final int kIOReportCardinalShift = 48;
    public static final long kIOReportCardinalMask = 0x00ff000000000000L;

    public static final long kIOReportScalePico = si(-12);
    public static final long kIOReportScaleNano = si(-9);
    public static final long kIOReportScaleMicro = si(-6);
    public static final long kIOReportScaleMilli = si(-3);
    public static final long kIOReportScaleUnity = 0;
    public static final long kIOReportScaleKilo = si(3);
    public static final long kIOReportScaleMega = si(6);
    public static final long kIOReportScaleGiga = si(9);
    public static final long kIOReportScaleTera = si(12);
    public static final long kIOReportScaleBits = kIOReportScaleUnity;
    public static final long kIOReportScaleBytes = iec(3);
    public static final long kIOReportScaleKiBytes = iec(13);
    public static final long kIOReportScaleMiBytes = iec(23);
    public static final long kIOReportScaleGiBytes = iec(33);
    public static final long kIOReportScaleTiBytes = iec(43);
    public static final long kIOReportScaleMachHWTicks = 1L << kIOReportCardinalShift;
    public static final long kIOReportScaleHWPageSize = 2L << kIOReportCardinalShift;
    public static final long kIOReportScale1GHz = 1 | kIOReportScaleNano;
    public static final long kIOReportScale24MHz = kIOReportScaleOneOver | 24 | kIOReportScaleMicro;

    public static final long kIOReportUnitNone = make(kIOReportQuantityUndefined, kIOReportScaleUnity);
    public static final long kIOReportUnit_s = make(kIOReportQuantityTime, kIOReportScaleUnity);
    public static final long kIOReportUnit_ms = make(kIOReportQuantityTime, kIOReportScaleMilli);
    public static final long kIOReportUnit_us = make(kIOReportQuantityTime, kIOReportScaleMicro);
    public static final long kIOReportUnit_ns = make(kIOReportQuantityTime, kIOReportScaleNano);
    public static final long kIOReportUnit_mJ = make(kIOReportQuantityEnergy, kIOReportScaleMilli);
    public static final long kIOReportUnitHWTicks = make(kIOReportQuantityTime, kIOReportScaleMachHWTicks);
    public static final long kIOReportUnit24MHzTicks = make(kIOReportQuantityTime, kIOReportScale24MHz);
    public static final long kIOReportUnitBytes = make(kIOReportQuantityData, kIOReportScaleBytes);
    public static final long kIOReportUnitEvents = make(kIOReportQuantityEventCount, kIOReportScaleUnity);
    public static final long kIOReportUnitPackets = make(kIOReportQuantityPacketCount, kIOReportScaleUnity);

    private IOReportUnit() {
    }

    private static long si(int exp) {
        return ((long) exp + kIOReportExpZeroOffset) << kIOReportScaleSIShift;
    }

    private static long iec(int exp) {
        return ((long) exp + kIOReportExpZeroOffset) << kIOReportScaleIECShift;
    }

    /** {@code __IOR_MAKEUNIT(quantity, scale)}. */
    public static long make(int quantity, long scale) {
        return ((long) quantity << 56) | scale;
    }

    /** {@code IOREPORT_GETUNIT_QUANTITY}. */
    public static int quantity(long unit) {
        return (int) ((unit >>> 56) & 0xff);
    }

    /** {@code IOREPORT_GETUNIT_SCALE}. */
    public static long scale(long unit) {
        return unit & 0x00ffffffffffffffL;
    }

    /** The power of ten in a scale (0 when the field is unset). */
    public static int siExponent(long scale) {
        long f = (scale & kIOReportScaleSIMask) >>> kIOReportScaleSIShift;
        return f == 0 ? 0 : (int) f - kIOReportExpZeroOffset;
    }

    /** The power of two in a scale (0 when the field is unset). */
    public static int iecExponent(long scale) {
        long f = (scale & kIOReportScaleIECMask) >>> kIOReportScaleIECShift;
        return f == 0 ? 0 : (int) f - kIOReportExpZeroOffset;
    }

    /** The factor that turns a value in this unit into the quantity's base unit (cardinal scales: NaN). */
    public static double factor(long unit) {
        long s = scale(unit);
        if ((s & kIOReportCardinalMask) != 0) {
            return Double.NaN;
        }
        long c = s & kIOReportScaleConstMask;
        double f = c == 0 ? 1 : c;
        if ((s & kIOReportScaleOneOver) != 0) {
            f = 1 / f;
        }
        return f * Math.pow(10, siExponent(s)) * Math.pow(2, iecExponent(s));
    }
}
