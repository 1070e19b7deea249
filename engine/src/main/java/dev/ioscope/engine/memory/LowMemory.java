package dev.ioscope.engine.memory;

/**
 * Where the emulated kernel takes pages below 4 GiB from (vm_page_alloc_list with KMA_LOMEM for bounce pages,
 * IOBufferMemoryDescriptor::inTaskWithPhysicalMask(…, 0xFFFFF000) for copy buffers): page by page upwards from a
 * base the machine description gives, so the same transfer always bounces through the same addresses.
 */
public final class LowMemory {
    private final long base;
    private long next;

    public LowMemory(long base) {
        if ((base & IOMemoryDescriptor.PAGE_MASK) != 0 || base < 0 || base >= (1L << 32)) {
            throw new IllegalArgumentException("low memory starts on a page below 4 GiB, not 0x"
                    + Long.toHexString(base));
        }
        this.base = base;
        this.next = base;
    }

    /** Allocates {@code pages} contiguous pages; returns the first one's physical address. */
    long allocate(long pages) {
        long at = next;
        next += pages * IOMemoryDescriptor.PAGE_SIZE;
        return at;
    }

    /** Frees the last allocations (a stack: commands complete in the reverse order of prepare in IOScope's use). */
    void free(int pages, IOMemoryDescriptor.Range buffer) {
        long bytes = pages * IOMemoryDescriptor.PAGE_SIZE + (buffer == null ? 0 : roundPage(buffer.length()));
        next = Math.max(base, next - bytes);
    }

    static long roundPage(long n) {
        return (n + IOMemoryDescriptor.PAGE_MASK) & ~IOMemoryDescriptor.PAGE_MASK;
    }
}
