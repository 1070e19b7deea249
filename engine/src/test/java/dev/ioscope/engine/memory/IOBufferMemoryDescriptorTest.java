package dev.ioscope.engine.memory;

import static dev.ioscope.engine.memory.IOMapOptions.kIOMapCacheMask;
import static dev.ioscope.engine.memory.IOMapOptions.kIOMemoryPageable;
import static dev.ioscope.engine.memory.IOMapOptions.kIOMemoryPhysicallyContiguous;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioscope.engine.iokit.IOReturn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * IOBufferMemoryDescriptor's creation and length, and a descriptor's prepare direction (docs/iokit-rules.md,
 * MD3-MD6). Every expected value was worked out by hand from IOBufferMemoryDescriptor::initWithPhysicalMask,
 * setLength, appendBytes and IOGeneralMemoryDescriptor::wireVirtual, prepare, complete, writeBytes
 * (xnu-11417.101.15); the comments say how.
 */
class IOBufferMemoryDescriptorTest {
    static final long FOUR_GIB = 1L << 32;

    private static IOBufferMemoryDescriptor made(IOBufferMemoryDescriptor.Made m) {
        assertThat(m.refused()).isNull();
        return m.buffer();
    }

    @Test
    @DisplayName("MD3: capacity 0 makes no buffer; a small unaligned buffer keeps its size and alignment")
    void md3CapacityAndDefaultAlignment() {
        IOBufferMemoryDescriptor.Made none = IOBufferMemoryDescriptor.withOptions(IODirection.IN.bits, 0, 1,
                PhysicalAllocator.standard());
        assertThat(none.buffer()).isNull();
        assertThat(none.refused()).isEqualTo("capacity 0");
        // alignment 1, no cache or sharing option: nothing rounded; the first high allocation is at 4 GiB
        IOBufferMemoryDescriptor b = made(IOBufferMemoryDescriptor.withOptions(IODirection.IN.bits, 100, 1,
                PhysicalAllocator.standard()));
        assertThat(b.getCapacity()).isEqualTo(100);
        assertThat(b.getLength()).isEqualTo(100);
        assertThat(b.allocated()).isEqualTo(100);
        assertThat(b.alignment()).isEqualTo(1);
        assertThat(b.isContiguous()).isFalse();
        assertThat(b.ranges()).containsExactly(new IOMemoryDescriptor.Range(FOUR_GIB, 100));
        assertThat(b.getDirection()).isEqualTo(IODirection.IN);
    }

    @Test
    @DisplayName("MD3: a cache-mode option raises the alignment to a page; the allocation is whole pages, the "
            + "capacity stays as asked")
    void md3CacheModeAlignsToAPage() {
        // kIOMapInhibitCache (0x100) is inside kIOMapCacheMask: alignment 1 -> page_size, capacity rounded to 0x1000
        IOBufferMemoryDescriptor b = made(IOBufferMemoryDescriptor.withOptions(IODirection.IN.bits
                | IOCacheMode.kIOInhibitCache.mapOption(), 100, 1, PhysicalAllocator.standard()));
        assertThat(IOCacheMode.kIOInhibitCache.mapOption() & kIOMapCacheMask).isEqualTo(0x100);
        assertThat(b.alignment()).isEqualTo(0x1000);
        assertThat(b.allocated()).isEqualTo(0x1000);
        assertThat(b.getCapacity()).isEqualTo(100);
        assertThat(b.getLength()).isEqualTo(100);
    }

    @Test
    @DisplayName("MD3: an alignment above a page makes the buffer physically contiguous; withCapacity(contiguous) "
            + "aligns on the capacity")
    void md3LargeAlignmentIsContiguous() {
        PhysicalAllocator mem = PhysicalAllocator.standard();
        // 0x4000 > page: kIOMemoryPhysicallyContiguous added; 0x1800 rounded up to 0x2000; 4 GiB is 0x4000-aligned
        IOBufferMemoryDescriptor a = made(IOBufferMemoryDescriptor.withOptions(IODirection.OUT.bits, 0x1800, 0x4000,
                mem));
        assertThat(a.isContiguous()).isTrue();
        assertThat(a.options() & kIOMemoryPhysicallyContiguous).isNotZero();
        assertThat(a.allocated()).isEqualTo(0x2000);
        assertThat(a.ranges().get(0).address()).isEqualTo(FOUR_GIB);
        // withCapacity(0x3000, in, true): alignment 0x3000; next free is 4 GiB + 0x2000 = 0x100002000, and
        // 0x100002000 / 0x3000 = 349526 exactly, so it is already aligned
        IOBufferMemoryDescriptor c = made(IOBufferMemoryDescriptor.withCapacity(0x3000, IODirection.IN, true, mem));
        assertThat(c.alignment()).isEqualTo(0x3000);
        assertThat(c.isContiguous()).isTrue();
        assertThat(c.ranges().get(0).address()).isEqualTo(0x1_0000_2000L);
        assertThat(0x1_0000_2000L % 0x3000).isZero();
    }

    @Test
    @DisplayName("MD3: inTaskWithPhysicalMask(0xFFFFF000) is page-aligned, whole pages, below 4 GiB")
    void md3PhysicalMask() {
        // alignment = (~mask & (mask - 1)) + 1 = 0xfff + 1 = 0x1000; highest = mask | 0xfff = 0xffffffff
        IOBufferMemoryDescriptor b = made(IOBufferMemoryDescriptor.inTaskWithPhysicalMask(true, IODirection.IN.bits,
                0x1234, 0xFFFFF000L, PhysicalAllocator.standard()));
        assertThat(b.alignment()).isEqualTo(0x1000);
        assertThat(b.allocated()).isEqualTo(0x2000);
        assertThat(b.getCapacity()).isEqualTo(0x1234);
        assertThat(b.ranges().get(0).address()).isEqualTo(0x200_0000L).isLessThan(FOUR_GIB);
    }

    @Test
    @DisplayName("MD4: a user task's buffer must be pageable; a kernel buffer that is not pageable is wired when "
            + "made, a pageable one waits for prepare")
    void md4PageableOrWired() {
        PhysicalAllocator mem = PhysicalAllocator.standard();
        IOBufferMemoryDescriptor.Made user = IOBufferMemoryDescriptor.inTaskWithOptions(false, IODirection.IN.bits,
                0x1000, 1, mem);
        assertThat(user.buffer()).isNull();
        assertThat(user.refused()).contains("kIOMemoryPageable");
        IOBufferMemoryDescriptor pageable = made(IOBufferMemoryDescriptor.inTaskWithOptions(false,
                IODirection.IN.bits | kIOMemoryPageable, 0x1000, 1, mem));
        assertThat(pageable.wireCount()).isZero();
        assertThat(pageable.prepare()).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(pageable.wireCount()).isEqualTo(1);
        IOBufferMemoryDescriptor wired = made(IOBufferMemoryDescriptor.withOptions(IODirection.IN.bits, 0x1000, 1,
                mem));
        assertThat(wired.wireCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("MD5: setLength beyond the capacity is ignored; appendBytes stops at the capacity")
    void md5SetLengthAndAppend() {
        IOBufferMemoryDescriptor b = made(IOBufferMemoryDescriptor.withOptions(IODirection.OUT.bits, 0x80, 1,
                PhysicalAllocator.standard()));
        assertThat(b.setLength(0x81)).isFalse();
        assertThat(b.getLength()).isEqualTo(0x80);
        assertThat(b.setLength(0x10)).isTrue();
        assertThat(b.getLength()).isEqualTo(0x10);
        assertThat(b.getCapacity()).isEqualTo(0x80);
        assertThat(b.ranges()).containsExactly(new IOMemoryDescriptor.Range(FOUR_GIB, 0x10));
        // min(0x100, 0x80 - 0x10) = 0x70
        assertThat(b.appendBytes(0x100)).isEqualTo(0x70);
        assertThat(b.getLength()).isEqualTo(0x80);
        assertThat(b.appendBytes(1)).isZero();
    }

    @Test
    @DisplayName("MD6: wired for output the memory is read-only: a prepare for input is kIOReturnNotWritable and "
            + "writeBytes copies nothing until the last complete")
    void md6DirectionOfPrepare() {
        IOMemoryDescriptor md = new IOMemoryDescriptor(IOMemoryDescriptor.Type.VIRTUAL, IODirection.OUT_IN,
                List.of(new IOMemoryDescriptor.Range(0x10000, 0x2000)));
        assertThat(md.prepare(IODirection.OUT)).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(md.isPreparedReadOnly()).isTrue();
        assertThat(md.prepare(IODirection.IN)).isEqualTo(IOReturn.kIOReturnNotWritable);
        // kIODirectionNone takes the descriptor's own OutIn, which writes too
        assertThat(md.prepare()).isEqualTo(IOReturn.kIOReturnNotWritable);
        assertThat(md.wireCount()).isEqualTo(1);
        assertThat(md.prepare(IODirection.OUT)).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(md.wireCount()).isEqualTo(2);
        assertThat(md.writeBytes(0, 16)).isZero();
        md.complete();
        assertThat(md.isPreparedReadOnly()).isTrue();
        md.complete();
        assertThat(md.isPreparedReadOnly()).isFalse();
        assertThat(md.writeBytes(0, 16)).isEqualTo(16);
        // a write past the length is refused whole, not cut: 0x1ff8 + 16 > 0x2000
        assertThat(md.writeBytes(0x1ff8, 16)).isZero();
        // prepared first for its own OutIn, a later output prepare is fine
        assertThat(md.prepare()).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(md.prepare(IODirection.OUT)).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(md.isPreparedReadOnly()).isFalse();
    }

    @Test
    @DisplayName("MD1: complete without prepare does nothing; the count never goes below 0")
    void md1UnbalancedComplete() {
        IOMemoryDescriptor md = new IOMemoryDescriptor(IOMemoryDescriptor.Type.VIRTUAL, IODirection.IN,
                List.of(new IOMemoryDescriptor.Range(0x10000, 0x1000)));
        assertThat(md.complete()).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(md.wireCount()).isZero();
        md.prepare();
        md.complete();
        md.complete();
        assertThat(md.wireCount()).isZero();
    }
}
