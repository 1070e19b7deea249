package dev.ioscope.engine.iokit;

/**
 * {@code IOSizeToAlignment} / {@code IOAlignmentToSize} exactly as {@code iokit/Kernel/IOLib.cpp} computes them on a
 * 32-bit {@code unsigned int}.
 */
public final class IOAlignment {
    private IOAlignment() {
    }

    /**
     * IOLib.cpp shifts the size left until bit 31 is set, for {@code shift} = 1..31, and returns {@code 32 - shift}:
     * that is the index of the HIGHEST set bit (floor of log2), not the largest power of two dividing the size.
     * Sizes 0 and 1 both give 0 (the loop ends without finding bit 31 within 31 shifts). {@code size} is read as
     * unsigned 32 bits.
     */
    public static int sizeToAlignment(int size) {
        final int intsize = 32;
        for (int shift = 1; shift < intsize; shift++) {
            if ((size & 0x80000000) != 0) {
                return intsize - shift;
            }
            size <<= 1;
        }
        return 0;
    }

    /**
     * IOLib.cpp starts at 1 and doubles {@code align} times in an {@code unsigned int}, so 32 or more gives 0
     * (the bit is shifted out); {@code align} is an unsigned {@code IOAlignment} (UInt32).
     */
    public static int alignmentToSize(int align) {
        long n = Integer.toUnsignedLong(align);
        return n >= 32 ? 0 : 1 << n;
    }
}
