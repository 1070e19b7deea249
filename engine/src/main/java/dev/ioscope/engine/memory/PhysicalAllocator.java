package dev.ioscope.engine.memory;

/**
 * Where the emulated kernel finds physical memory for IOBufferMemoryDescriptors: upwards from two bases, one below
 * 4 GiB (for buffers with a physical mask under 4 GiB) and one from 4 GiB (the rest), aligned as asked. IOScope's
 * choice, so that the same run always gets the same addresses; a buffer is one physical range here (XNU may
 * scatter the pages of a buffer that is not physically contiguous).
 */
public final class PhysicalAllocator {
    static final long FOUR_GIB = 1L << 32;
    private long low;
    private long high;

    public PhysicalAllocator(long lowBase, long highBase) {
        if (lowBase < 0 || lowBase >= FOUR_GIB || highBase < FOUR_GIB) {
            throw new IllegalArgumentException("the low base is below 4 GiB and the high one at or above it");
        }
        this.low = lowBase;
        this.high = highBase;
    }

    /** Low memory from 32 MiB, the rest from 4 GiB. */
    public static PhysicalAllocator standard() {
        return new PhysicalAllocator(0x200_0000L, FOUR_GIB);
    }

    /**
     * {@code bytes} at an address that is a multiple of {@code alignment}, wholly at or below {@code highest}
     * (0: anywhere); -1 when no such memory is left.
     */
    long allocate(long bytes, long alignment, long highest) {
        boolean below4g = highest != 0 && highest < FOUR_GIB;
        long align = Math.max(1, alignment);
        long cursor = below4g ? low : high;
        long at = (cursor + align - 1) / align * align;
        if (highest != 0 && Long.compareUnsigned(at + bytes - 1, highest) > 0) {
            return -1;
        }
        if (below4g) {
            low = at + bytes;
        } else {
            high = at + bytes;
        }
        return at;
    }
}
