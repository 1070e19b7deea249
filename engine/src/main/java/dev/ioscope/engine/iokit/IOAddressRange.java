package dev.ioscope.engine.iokit;

/**
 * {@code IOAddressRange} / {@code IOVirtualRange} / {@code IOPhysicalRange} of {@code IOTypes.h}: a 64-bit address
 * and a 64-bit length, the shape memory descriptors are built from ({@code IOMemoryDescriptor::withAddressRanges})
 * and report as segments ({@code getPhysicalSegment} returns an address and the length of the run at it).
 */
public record IOAddressRange(long address, long length) {
    /** The first address past the range (unsigned arithmetic wraps as in C). */
    public long end() {
        return address + length;
    }

    /** Whether {@code a} falls in [address, address + length), comparing as unsigned 64-bit values. */
    public boolean contains(long a) {
        return Long.compareUnsigned(a, address) >= 0 && Long.compareUnsigned(a - address, length) < 0;
    }
}
