package dev.ioscope.engine.memory;

import static dev.ioscope.engine.memory.IOMapOptions.kIOMapCacheMask;
import static dev.ioscope.engine.memory.IOMapOptions.kIOMemoryClearEncrypt;
import static dev.ioscope.engine.memory.IOMapOptions.kIOMemoryDirectionMask;
import static dev.ioscope.engine.memory.IOMapOptions.kIOMemoryHostPhysicallyContiguous;
import static dev.ioscope.engine.memory.IOMapOptions.kIOMemoryPageable;
import static dev.ioscope.engine.memory.IOMapOptions.kIOMemoryPhysicallyContiguous;
import static dev.ioscope.engine.memory.IOMapOptions.kIOMemorySharingTypeMask;

import java.util.List;

/**
 * A memory descriptor that allocates its own buffer (IOBufferMemoryDescriptor.cpp, {@code initWithPhysicalMask};
 * rules MD3-MD5): a capacity, an alignment, options (direction, pageable, contiguous, cache mode) and a length
 * that can shrink below the capacity for shorter transfers. A buffer that is not pageable is wired when made.
 */
public final class IOBufferMemoryDescriptor extends IOMemoryDescriptor {
    /** What making a buffer gave: the buffer, or null and why XNU's init fails (the factory answers NULL). */
    public record Made(IOBufferMemoryDescriptor buffer, String refused) {
    }

    private final long capacity;
    private final long alignment;
    private final int options;
    private final long allocated;
    private final long address;

    private IOBufferMemoryDescriptor(IODirection direction, long address, long capacity, long alignment, int options,
                                     long allocated) {
        super(Type.VIRTUAL, direction, List.of(new Range(address, capacity)));
        this.address = address;
        this.capacity = capacity;
        this.alignment = alignment;
        this.options = options;
        this.allocated = allocated;
        if ((options & kIOMemoryPageable) == 0) {
            prepare();      // kIOMemoryAutoPrepare: wired down when made (MD4)
        }
    }

    /** withOptions(options, capacity, alignment): inTaskWithOptions(kernel_task, …). */
    public static Made withOptions(int options, long capacity, long alignment, PhysicalAllocator memory) {
        return inTaskWithOptions(true, options, capacity, alignment, memory);
    }

    /** withCapacity(capacity, direction, contiguous): a contiguous buffer is aligned on its capacity. */
    public static Made withCapacity(long capacity, IODirection direction, boolean contiguous,
                                    PhysicalAllocator memory) {
        return withOptions(direction.bits | (contiguous ? kIOMemoryPhysicallyContiguous : 0), capacity,
                contiguous ? capacity : 1, memory);
    }

    /** inTaskWithOptions(task, options, capacity, alignment): {@code kernelTask} false for a user task. */
    public static Made inTaskWithOptions(boolean kernelTask, int options, long capacity, long alignment,
                                         PhysicalAllocator memory) {
        return make(kernelTask, options, capacity, alignment, 0, memory);
    }

    /**
     * inTaskWithPhysicalMask(task, options, capacity, physicalMask): the alignment is the mask's lowest set bit
     * (at least a page) and the buffer lies at or below the mask, e.g. 0xFFFFF000: page-aligned, under 4 GiB.
     */
    public static Made inTaskWithPhysicalMask(boolean kernelTask, int options, long capacity, long physicalMask,
                                              PhysicalAllocator memory) {
        return make(kernelTask, options, capacity, 1, physicalMask, memory);
    }

    /** initWithPhysicalMask (MD3, MD4). */
    private static Made make(boolean kernelTask, int options, long capacity, long alignment, long physicalMask,
                             PhysicalAllocator memory) {
        if (capacity <= 0) {
            return new Made(null, "capacity 0");
        }
        long align = alignment;
        long highest = 0;
        if (physicalMask != 0 && align <= 1) {
            align = (~physicalMask & (physicalMask - 1)) + 1;
            highest = physicalMask | (align - 1);
            align = Math.max(align, PAGE_SIZE);
        }
        if ((options & (kIOMemorySharingTypeMask | kIOMapCacheMask | kIOMemoryClearEncrypt)) != 0
                && align < PAGE_SIZE) {
            align = PAGE_SIZE;
        }
        long bytes = align >= PAGE_SIZE || highest != 0 ? LowMemory.roundPage(capacity) : capacity;
        int opts = options;
        if (align > PAGE_SIZE) {
            opts |= kIOMemoryPhysicallyContiguous;
        }
        if (!kernelTask && (opts & kIOMemoryPageable) == 0) {
            return new Made(null, "a buffer for a user task must be kIOMemoryPageable");
        }
        long at = memory.allocate(bytes, align, highest);
        if (at < 0) {
            return new Made(null, "no memory at or below 0x" + Long.toHexString(highest));
        }
        return new Made(new IOBufferMemoryDescriptor(IODirection.of(opts & kIOMemoryDirectionMask), at, capacity,
                align, opts, bytes), null);
    }

    /** getCapacity: the capacity asked for (the allocation may be rounded up to pages). */
    public long getCapacity() {
        return capacity;
    }

    /** The alignment the buffer was allocated with (after MD3's raises). */
    public long alignment() {
        return alignment;
    }

    /** The options it was made with, kIOMemoryPhysicallyContiguous added when the alignment implied it. */
    public int options() {
        return options;
    }

    /** The bytes allocated: the capacity rounded up to whole pages when aligned on a page or more. */
    public long allocated() {
        return allocated;
    }

    public boolean isPageable() {
        return (options & kIOMemoryPageable) != 0;
    }

    /** Physically contiguous: asked for (kIOMemoryPhysicallyContiguous without a mapper, or HostPhysically…). */
    public boolean isContiguous() {
        return (options & (kIOMemoryPhysicallyContiguous | kIOMemoryHostPhysicallyContiguous)) != 0;
    }

    /** setLength (MD5): a length above the capacity is ignored (XNU asserts, then returns). Whether it was set. */
    public boolean setLength(long length) {
        if (length < 0 || length > capacity) {
            return false;
        }
        length(address, length);
        return true;
    }

    /** appendBytes (MD5): at most capacity − length bytes are added; the count added. */
    public long appendBytes(long count) {
        long n = Math.max(0, Math.min(count, capacity - getLength()));
        length(address, getLength() + n);
        return n;
    }

    /** setDirection: the direction of the next transfers. */
    public void setDirection(IODirection d) {
        direction(d);
    }
}
