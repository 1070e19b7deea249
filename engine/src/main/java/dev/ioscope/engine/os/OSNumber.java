package dev.ioscope.engine.os;

/**
 * libkern OSNumber: an unsigned integer value kept together with its bit width (8, 16, 32 or 64),
 * as I/O Kit stores it. The value is masked to the width on creation, as OSNumber::init does.
 *
 * <p>{@link #isEqualTo} compares values only (libkern OSNumber::isEqualTo compares
 * {@code unsigned64BitValue()}), while {@link #equals} also compares the width so that a round
 * trip through our model keeps it.
 */
public record OSNumber(long value, int bits) implements OSObject {
    public OSNumber {
        if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
            throw new IllegalArgumentException("OSNumber width must be 8, 16, 32 or 64 bits, not " + bits);
        }
        if (bits < 64) {
            value &= (1L << bits) - 1;
        }
    }

    public static OSNumber of(long value, int bits) {
        return new OSNumber(value, bits);
    }

    /** A 32-bit number, the width IOKit gives most numeric properties. */
    public static OSNumber of32(long value) {
        return new OSNumber(value, 32);
    }

    public static OSNumber of64(long value) {
        return new OSNumber(value, 64);
    }

    /** The value as an unsigned 64-bit quantity (use {@link Long#toUnsignedString} to print it). */
    public long unsigned64BitValue() {
        return value;
    }

    /** The value sign-extended from its width, e.g. an IOProbeScore of -100 stored in 32 bits. */
    public long signedValue() {
        if (bits == 64) {
            return value;
        }
        int shift = 64 - bits;
        return (value << shift) >> shift;
    }

    @Override
    public boolean isEqualTo(OSObject other) {
        return other instanceof OSNumber n && n.value == value;
    }

    @Override
    public String typeName() {
        return "OSNumber";
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
