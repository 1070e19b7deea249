package dev.ioscope.engine.iokit;

/**
 * IOFixed: a signed 16.16 fixed-point number in a 32-bit int ({@code IOTypes.h}). Multiply and divide are the
 * inline functions of {@code IOLib.h}: widen to 64 bits, multiply then arithmetic-shift right by 16 (rounds toward
 * minus infinity), or shift the dividend left by 16 then divide (C division truncates toward zero); the result is
 * cut back to the low 32 bits, so overflow wraps exactly as the C cast does.
 */
public final class IOFixed {
    /** 1.0 in 16.16. */
    public static final int ONE = 0x10000;

    private IOFixed() {
    }

    /** {@code (IOFixed)((((SInt64) a) * ((SInt64) b)) >> 16)}. */
    public static int multiply(int a, int b) {
        return (int) (((long) a * (long) b) >> 16);
    }

    /**
     * {@code (IOFixed)((((SInt64) a) << 16) / ((SInt64) b))}. Division by zero is undefined in C (a trap on
     * Intel); here it throws {@link ArithmeticException}.
     */
    public static int divide(int a, int b) {
        return (int) (((long) a << 16) / (long) b);
    }

    public static int fromInt(int i) {
        return i << 16;
    }

    /** Nearest 16.16 value to {@code d} (for tests and display only; IOKit itself never uses floating point). */
    public static int fromDouble(double d) {
        return (int) Math.round(d * ONE);
    }

    public static double toDouble(int fixed) {
        return fixed / (double) ONE;
    }
}
