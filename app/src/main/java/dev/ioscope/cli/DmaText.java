package dev.ioscope.cli;

import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.memory.DmaSpecification;
import dev.ioscope.engine.memory.IODMACommand;
import dev.ioscope.engine.memory.IOMemoryDescriptor;

import java.io.PrintStream;

/** The text {@code ioscope dma} prints: the memory, the specification, prepare's verdict and the segment table. */
final class DmaText {
    private DmaText() {
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static String size(long v) {
        return v == -1 ? "none" : hex(v);
    }

    static void print(PrintStream out, IOMemoryDescriptor md, DmaSpecification s, IODMACommand c, int prepared,
                      IODMACommand.Generated g) {
        out.println("memory    " + md.ranges().size() + " range(s), " + hex(md.getLength()) + " bytes, "
                + (md.type() == IOMemoryDescriptor.Type.PHYSICAL ? "prepared" : "not prepared"));
        out.println("device    " + s.output().name() + ", " + (s.numAddressBits() == 0 ? 64 : s.numAddressBits())
                + " address bits, max segment " + size(s.maxSegmentSize()) + ", max transfer "
                + size(s.maxTransferSize()) + ", alignment " + hex(s.alignMask() + 1) + " / length "
                + hex(s.alignMaskLength() + 1) + " / internal " + hex(s.alignMaskInternalSegments() + 1));
        String how = c.isCursor() ? "memory used as it is (cursor)" : c.isDoubleBuffered()
                ? "double-buffered through " + hex(c.copyBuffer().address()) + "+" + hex(c.copyBuffer().length())
                : c.bouncePageMap().isEmpty() ? "checked, nothing to bounce"
                : c.bouncePageMap().size() + " bounce page(s)";
        out.println("prepare   " + IOReturn.name(prepared) + (prepared == IOReturn.kIOReturnSuccess ? ": " + how : ""));
        for (long[] p : c.bouncePageMap()) {
            out.println("          page " + hex(p[0] * IOMemoryDescriptor.PAGE_SIZE) + " -> " + hex(p[1]));
        }
        if (g == null) {
            return;
        }
        out.printf("%-5s %-20s %s%n", "#", "address", "length");
        long total = 0;
        for (int i = 0; i < g.segments().size(); i++) {
            IODMACommand.Segment seg = g.segments().get(i);
            out.printf("%-5d %-20s %s%n", i, hex(seg.address()), hex(seg.length()));
            total += seg.length();
        }
        out.println(g.segments().size() + " segment(s), " + hex(total) + " bytes"
                + (g.ret() == IOReturn.kIOReturnSuccess ? "" : "; genIOVMSegments stopped: " + IOReturn.name(g.ret())
                + " at offset " + hex(g.nextOffset())));
    }
}
