package dev.ioscope.engine.memory;

import dev.ioscope.engine.iokit.IOReturn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IODMACommand's segment generation, one rule each (docs/iokit-rules.md, "Memory descriptors and DMA"). Every
 * expected segment list was worked out by hand by following IODMACommand::genIOVMSegments' loop (xnu-11417.101.15)
 * step by step; the comment above each says how.
 */
class IODMACommandTest {
    static final long GIB = 1L << 30;

    static IOMemoryDescriptor physical(String ranges) {
        return new IOMemoryDescriptor(IOMemoryDescriptor.Type.PHYSICAL, IODirection.OUT,
                IOMemoryDescriptor.parseRanges(ranges));
    }

    static DmaSpecification spec(DmaOutput out, int bits, long maxSeg, long maxTransfer, long align, long alignLen,
                                 long alignInternal) {
        DmaSpecification.Result r = DmaSpecification.of(out, bits, maxSeg, maxTransfer, align, alignLen, alignInternal);
        assertThat(r.ret()).isEqualTo(IOReturn.kIOReturnSuccess);
        return r.spec();
    }

    static IODMACommand prepared(DmaSpecification spec, IOMemoryDescriptor md) {
        IODMACommand c = new IODMACommand(spec, 8 * GIB - 1, new LowMemory(0x100000));
        assertThat(c.setMemoryDescriptor(md)).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(c.prepare(0, 0)).isEqualTo(IOReturn.kIOReturnSuccess);
        return c;
    }

    static List<String> hex(List<IODMACommand.Segment> s) {
        return s.stream().map(x -> "0x" + Long.toHexString(x.address()) + "+0x" + Long.toHexString(x.length()))
                .toList();
    }

    @Test
    @DisplayName("DMA1: setSpecification: 32-bit output means at most 32 bits; fewer than 12 bits is refused")
    void dma1Specification() {
        assertThat(DmaSpecification.of(DmaOutput.OutputHost32, 0, 0, 0, 0, 0, 0).spec().numAddressBits())
                .isEqualTo(32);
        assertThat(DmaSpecification.of(DmaOutput.OutputLittle32, 40, 0, 0, 0, 0, 0).ret())
                .isEqualTo(IOReturn.kIOReturnBadArgument);
        assertThat(DmaSpecification.of(DmaOutput.OutputHost64, 11, 0, 0, 0, 0, 0).ret())
                .isEqualTo(IOReturn.kIOReturnBadArgument);
        DmaSpecification s = DmaSpecification.of(DmaOutput.OutputHost64, 0, 0, 0, 0x1000, 0, 0).spec();
        // 0 sizes become -1 (all ones), alignment 0x1000 → mask 0xfff, internal segments default to it
        assertThat(s.maxSegmentSize()).isEqualTo(-1);
        assertThat(s.maxTransferSize()).isEqualTo(-1);
        assertThat(s.alignMask()).isEqualTo(0xfff);
        assertThat(s.alignMaskLength()).isZero();
        assertThat(s.alignMaskInternalSegments()).isEqualTo(0xfff);
        assertThat(s.maxPhys()).isEqualTo(-1);
    }

    @Test
    @DisplayName("DMA2, MD2: an unprepared descriptor is taken to reach the machine's last page")
    void dma2CheckAddressingFromTheHighestPage() {
        DmaSpecification s32 = spec(DmaOutput.OutputHost32, 0, 0, 0, 0, 0, 0);
        IOMemoryDescriptor low = new IOMemoryDescriptor(IOMemoryDescriptor.Type.VIRTUAL, IODirection.IN,
                IOMemoryDescriptor.parseRanges("0x10000+0x2000"));
        IODMACommand c = new IODMACommand(s32, 8 * GIB - 1, new LowMemory(0x100000));
        c.setMemoryDescriptor(low);   // not prepared: highest page = gIOLastPage (8 GiB) ≥ 1 << (32 - 12)
        c.prepare(0, 0);
        assertThat(c.isCursor()).isFalse();
        c.complete();
        c.setMemoryDescriptor(null);
        low.prepare();                // wired: highest page 0x11 < 0x100000, nothing to check
        IODMACommand d = new IODMACommand(s32, 8 * GIB - 1, new LowMemory(0x100000));
        d.setMemoryDescriptor(low);
        d.prepare(0, 0);
        assertThat(d.isCursor()).isTrue();
        assertThat(d.allSegments(8).segments()).extracting(IODMACommand.Segment::address).containsExactly(0x10000L);
    }

    @Test
    @DisplayName("DMA3: prepare: over maxTransferSize is kIOReturnNoSpace, a length off its alignment NotAligned")
    void dma3PrepareChecks() {
        IOMemoryDescriptor md = physical("0x10000+0x2000");
        IODMACommand c = new IODMACommand(spec(DmaOutput.OutputHost64, 0, 0, 0x1000, 0, 0, 0), 8 * GIB,
                new LowMemory(0x100000));
        c.setMemoryDescriptor(md);
        assertThat(c.prepare(0, 0)).isEqualTo(IOReturn.kIOReturnNoSpace);
        assertThat(c.prepare(0, 0x1000)).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(c.prepare(0, 0x800)).isEqualTo(IOReturn.kIOReturnNotReady);   // nested, another range
        assertThat(c.setMemoryDescriptor(physical("0x0+0x1000"))).isEqualTo(IOReturn.kIOReturnBusy);
        IODMACommand d = new IODMACommand(spec(DmaOutput.OutputHost64, 0, 0, 0, 0, 4, 0), 8 * GIB,
                new LowMemory(0x100000));
        d.setMemoryDescriptor(md);
        assertThat(d.prepare(0, 6)).isEqualTo(IOReturn.kIOReturnNotAligned);
        assertThat(d.genIOVMSegments(0, 4).ret()).isEqualTo(IOReturn.kIOReturnNotReady);
        assertThat(d.complete()).isEqualTo(IOReturn.kIOReturnNotReady);
    }

    @Test
    @DisplayName("DMA4: a 32-bit device: a segment crossing 4 GiB is cut there, the pages above bounce one by one")
    void dma4AddressBitsSplitAndBouncePages() {
        // one range 0xffffe000+0x4000 runs to 0x100001fff. Preflight (segmentOp): the part above
        // maxPhys 0xffffffff is 0x100000000+0x2000 = 2 pages → 2 low pages at 0x100000, 0x101000 tagged with
        // pages 0x100000 and 0x100001. Client walk: [0xffffe000, 0x4000) ends above maxPhys and starts below → cut
        // to 0x100000000 - 0xffffe000 = 0x2000; the rest starts above → remapped a page at a time: 0x100000+0x1000,
        // then 0x101000+0x1000.
        IODMACommand c = prepared(spec(DmaOutput.OutputHost32, 0, 0, 0, 0, 0, 0), physical("0xffffe000+0x4000"));
        assertThat(c.isCursor()).isFalse();
        assertThat(c.bouncePageMap()).extracting(p -> p[0] + "→0x" + Long.toHexString(p[1]))
                .containsExactly(0x100000L + "→0x100000", 0x100001L + "→0x101000");
        IODMACommand.Generated g = c.allSegments(16);
        assertThat(g.ret()).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(hex(g.segments())).containsExactly("0xffffe000+0x2000", "0x100000+0x1000", "0x101000+0x1000");
        assertThat(c.bounces()).isTrue();
    }

    @Test
    @DisplayName("DMA5: memory off the device's alignment is double-buffered through one low copy buffer")
    void dma5MisalignedIsDoubleBuffered() {
        // alignment 0x1000 (mask 0xfff); the range starts at 0x10200: not a cursor (0x200 & 0xfff), preflight's
        // segmentOp sees address 0x10200 & 0xfff != 0 → misaligned → copy buffer of round_page(0x1000) = 1 page at
        // the low base 0x100000; the client walk runs over it: one segment 0x100000+0x1000
        IODMACommand c = prepared(spec(DmaOutput.OutputHost64, 0, 0, 0, 0x1000, 0, 0), physical("0x10200+0x1000"));
        assertThat(c.isDoubleBuffered()).isTrue();
        assertThat(c.copyBuffer()).isEqualTo(new IOMemoryDescriptor.Range(0x100000, 0x1000));
        assertThat(hex(c.allSegments(16).segments())).containsExactly("0x100000+0x1000");
    }

    @Test
    @DisplayName("DMA6: runs that touch are joined, then cut at maxSegmentSize, the rest carried into the next")
    void dma6JoinAndMaxSegmentSize() {
        // ranges 0x10000+0x3000, 0x13000+0x1000 (touching), 0x20000+0x2000; maxSegmentSize 0x2000.
        // first run 0x10000+0x3000 → cut to 0x2000, leftover 0x1000 at 0x12000; that leftover and the next run
        // 0x13000 touch → 0x12000+0x2000 (across two descriptor ranges); then 0x20000+0x2000
        IODMACommand c = prepared(spec(DmaOutput.OutputHost64, 0, 0x2000, 0, 0, 0, 0),
                physical("0x10000+0x3000,0x13000+0x1000,0x20000+0x2000"));
        assertThat(c.isCursor()).isTrue();
        assertThat(hex(c.allSegments(16).segments()))
                .containsExactly("0x10000+0x2000", "0x12000+0x2000", "0x20000+0x2000");
        // one segment per call gives the same list, each call returning the offset to go on from
        IODMACommand.Generated first = c.genIOVMSegments(0, 1);
        assertThat(hex(first.segments())).containsExactly("0x10000+0x2000");
        assertThat(first.nextOffset()).isEqualTo(0x2000);
        assertThat(hex(c.allSegments(1).segments()))
                .containsExactly("0x10000+0x2000", "0x12000+0x2000", "0x20000+0x2000");
        assertThat(c.genIOVMSegments(0x6000, 1).ret()).isEqualTo(IOReturn.kIOReturnOverrun);
    }

    @Test
    @DisplayName("DMA7: a segment is pulled back so the next one starts on the internal-segment alignment")
    void dma7InternalSegmentAlignment() {
        // one range 0x10000+0x2800, maxSegmentSize 0x1800, internal segments on 0x1000: the first cut (0x1800)
        // would start the next at 0x11800 (& 0xfff = 0x800) → shortened by 0x800 to 0x1000; the rest 0x11000+0x1800
        IODMACommand c = prepared(spec(DmaOutput.OutputHost64, 0, 0x1800, 0, 0, 0, 0x1000),
                physical("0x10000+0x2800"));
        assertThat(hex(c.allSegments(16).segments())).containsExactly("0x10000+0x1000", "0x11000+0x1800");
    }

    @Test
    @DisplayName("DMA8: complete undoes one prepare; the last frees the bounce pages; MD1 wiring is counted")
    void dma8CompleteAndWiring() {
        IOMemoryDescriptor md = new IOMemoryDescriptor(IOMemoryDescriptor.Type.VIRTUAL, IODirection.IN,
                IOMemoryDescriptor.parseRanges("0xffffe000+0x4000"));
        assertThat(md.prepare()).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(md.prepare()).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(md.wireCount()).isEqualTo(2);
        LowMemory low = new LowMemory(0x100000);
        IODMACommand c = new IODMACommand(spec(DmaOutput.OutputHost32, 0, 0, 0, 0, 0, 0), 8 * GIB, low);
        c.setMemoryDescriptor(md);
        c.prepare(0, 0);
        c.prepare(0, 0);
        assertThat(c.complete()).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(c.bounces()).isTrue();       // still prepared once
        assertThat(c.complete()).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(c.bounces()).isFalse();
        assertThat(low.allocate(1)).isEqualTo(0x100000);   // the two bounce pages went back
        assertThat(md.complete()).isEqualTo(IOReturn.kIOReturnSuccess);
        // the last complete while a DMA command still holds the memory: XNU panics, IOScope refuses
        assertThat(md.complete()).isEqualTo(IOReturn.kIOReturnBusy);
        assertThat(md.wireCount()).isEqualTo(1);
        c.setMemoryDescriptor(null);
        assertThat(md.complete()).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(md.wireCount()).isZero();
    }
}
