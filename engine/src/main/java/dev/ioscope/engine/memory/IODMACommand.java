package dev.ioscope.engine.memory;

import dev.ioscope.engine.iokit.IOReturn;

import java.util.ArrayList;
import java.util.List;

/**
 * IODMACommand without a system mapper (kUnmapped, or a Mac without an IOMMU): the device sees physical addresses.
 * prepare checks the transfer against the specification and, when the memory is not all reachable or not aligned
 * as the device needs, arranges bouncing (DMA4, DMA5); genIOVMSegments cuts the prepared range into segments
 * ({@link DmaWalk}); complete undoes prepare. Rules DMA1-DMA8 in docs/iokit-rules.md.
 */
public final class IODMACommand {
    /** One output segment (Segment64; a 32-bit output function stores both fields cut to 32 bits). */
    public record Segment(long address, long length) {
    }

    /** What genIOVMSegments answered: the IOReturn, the segments written, the offset to continue from. */
    public record Generated(int ret, List<Segment> segments, long nextOffset) {
    }

    /** A low page standing in for a page of memory above the device's reach (vm_page_set_offset's tag). */
    record BouncePage(long originalPage, long physical) {
    }

    final DmaSpecification spec;
    final LowMemory lowMemory;
    IOMemoryDescriptor memory;
    int active;
    long preparedOffset;
    long preparedLength;
    long sourceAlignMask;
    boolean cursor;
    boolean checkAddressing;
    boolean misaligned;
    boolean doubleBuffer;
    final List<BouncePage> bouncePages = new ArrayList<>();
    /** The contiguous copy buffer of a double-buffered transfer (createCopyBuffer), or null. */
    IOMemoryDescriptor.Range copyBuffer;
    /** The machine's last physical page (gIOLastPage), assumed when the memory's highest page is unknown (MD2). */
    final long lastPage;
    final DmaWalk walk = new DmaWalk(this);

    /**
     * @param lastPhysicalAddress the machine's highest RAM address, for gIOLastPage
     * @param lowMemory where bounce pages and copy buffers come from (KMA_LOMEM pages: below 4 GiB)
     */
    public IODMACommand(DmaSpecification spec, long lastPhysicalAddress, LowMemory lowMemory) {
        this.spec = spec;
        this.lastPage = lastPhysicalAddress / IOMemoryDescriptor.PAGE_SIZE;
        this.lowMemory = lowMemory;
    }

    /**
     * setMemoryDescriptor (DMA2, MD2): a new descriptor while prepared is kIOReturnBusy. Whether addresses must be
     * checked is decided here from the descriptor's highest page, which only a prepared descriptor reports; an
     * unprepared one is taken to reach the machine's last page.
     */
    public int setMemoryDescriptor(IOMemoryDescriptor md) {
        if (md == memory) {
            return IOReturn.kIOReturnSuccess;
        }
        if (memory != null) {
            if (active > 0) {
                return IOReturn.kIOReturnBusy;
            }
            memory.dmaActive(false);
        }
        memory = md;
        if (md != null) {
            long high = md.isPrepared() ? md.highestPage() : lastPage;
            int bits = spec.numAddressBits();
            checkAddressing = bits != 0 && bits < 64 && high >= (1L << (bits - 12));
            md.dmaActive(true);
        }
        return IOReturn.kIOReturnSuccess;
    }

    /**
     * prepare (DMA3): length 0 means the whole descriptor; longer than maxTransferSize → kIOReturnNoSpace; a
     * length off the length alignment → kIOReturnNotAligned. Nested prepares must name the same range. Unless the
     * command can walk the memory as it is (a cursor), the memory is walked first to count pages to bounce.
     */
    public int prepare(long offset, long length) {
        if (memory == null) {
            return IOReturn.kIOReturnNotReady;
        }
        long len = length == 0 ? memory.getLength() : length;
        if (Long.compareUnsigned(len, spec.maxTransferSize()) > 0) {
            return IOReturn.kIOReturnNoSpace;
        }
        if (active++ > 0) {
            return preparedOffset != offset || preparedLength != len ? IOReturn.kIOReturnNotReady
                    : IOReturn.kIOReturnSuccess;
        }
        if ((spec.alignMaskLength() & len) != 0) {
            active--;
            return IOReturn.kIOReturnNotAligned;
        }
        preparedOffset = offset;
        preparedLength = len;
        misaligned = false;
        doubleBuffer = false;
        bouncePages.clear();
        copyBuffer = null;
        sourceAlignMask = spec.alignMask();
        long pageAlign = memory.isPrepared() ? memory.pageAlign() : -1;
        cursor = !checkAddressing && (sourceAlignMask == 0 || (pageAlign >= 0 && (pageAlign & sourceAlignMask) == 0));
        if (!cursor) {
            walk.preflight();
        }
        return IOReturn.kIOReturnSuccess;
    }

    /** complete: one prepare undone; the last frees the bounce pages or copy buffer. Without prepare: not ready. */
    public int complete() {
        if (active < 1) {
            return IOReturn.kIOReturnNotReady;
        }
        if (--active == 0) {
            lowMemory.free(bouncePages.size(), copyBuffer);
            bouncePages.clear();
            copyBuffer = null;
        }
        return IOReturn.kIOReturnSuccess;
    }

    /** Whether the prepared transfer goes through bounce pages or a copy buffer (synchronize then copies). */
    public boolean bounces() {
        return copyBuffer != null || !bouncePages.isEmpty();
    }

    /** Whether a segment lies in a bounce page or the copy buffer (the device sees the copy, not the memory). */
    public boolean isBounce(Segment s) {
        if (copyBuffer != null && s.address() >= copyBuffer.address()
                && s.address() < copyBuffer.address() + copyBuffer.length()) {
            return true;
        }
        for (BouncePage b : bouncePages) {
            if (s.address() >= b.physical() && s.address() < b.physical() + IOMemoryDescriptor.PAGE_SIZE) {
                return true;
            }
        }
        return false;
    }

    public boolean isCursor() {
        return cursor;
    }

    public boolean isDoubleBuffered() {
        return doubleBuffer;
    }

    /** The low pages standing in for high ones, as (original page number, physical address of the copy). */
    public List<long[]> bouncePageMap() {
        return bouncePages.stream().map(b -> new long[]{b.originalPage(), b.physical()}).toList();
    }

    public IOMemoryDescriptor.Range copyBuffer() {
        return copyBuffer;
    }

    /**
     * genIOVMSegments (DMA6, DMA7): up to {@code maxSegments} segments from {@code offset} (relative to the
     * prepared range); not prepared → kIOReturnNotReady, none asked → kIOReturnBadArgument, at or past the end →
     * kIOReturnOverrun.
     */
    public Generated genIOVMSegments(long offset, int maxSegments) {
        if (active < 1) {
            return new Generated(IOReturn.kIOReturnNotReady, List.of(), offset);
        }
        if (maxSegments < 1) {
            return new Generated(IOReturn.kIOReturnBadArgument, List.of(), offset);
        }
        return walk.client(offset, maxSegments);
    }

    /** Every segment of the prepared transfer, asking {@code perCall} at a time as a driver's loop does. */
    public Generated allSegments(int perCall) {
        List<Segment> all = new ArrayList<>();
        long off = 0;
        while (off < preparedLength) {
            Generated g = genIOVMSegments(off, perCall);
            all.addAll(g.segments());
            if (g.ret() != IOReturn.kIOReturnSuccess || g.segments().isEmpty()) {
                return new Generated(g.ret(), all, off);
            }
            off = g.nextOffset();
        }
        return new Generated(IOReturn.kIOReturnSuccess, all, off);
    }
}
