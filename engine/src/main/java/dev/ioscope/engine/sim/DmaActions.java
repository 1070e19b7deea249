package dev.ioscope.engine.sim;

import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.memory.DmaOutput;
import dev.ioscope.engine.memory.DmaSpecification;
import dev.ioscope.engine.memory.IODMACommand;
import dev.ioscope.engine.memory.IODirection;
import dev.ioscope.engine.memory.IOMemoryDescriptor;
import dev.ioscope.engine.memory.LowMemory;
import dev.ioscope.engine.sim.CoreAction.DmaTransfer;

import java.util.List;
import java.util.Locale;

/**
 * {@code dma-transfer} (docs/scenarios.md): a driver prepares an IODMACommand on memory laid out as physical ranges,
 * asks for every segment and completes; each step is journalled (DMA1-DMA8). The numbers are whole numbers or
 * {@code "0x…"} strings.
 */
final class DmaActions {
    /** The machine's RAM ends here unless the action says otherwise (gIOLastPage's address): 8 GiB. */
    static final long DEFAULT_LAST_PHYSICAL = (8L << 30) - 1;

    private final Simulation sim;
    private final MemoryActions memory;

    DmaActions(Simulation sim, MemoryActions memory) {
        this.sim = sim;
        this.memory = memory;
    }

    void transfer(String type, DmaTransfer a) {
        String entry = "";
        if (a.path() != null) {
            var e = sim.resolve(a.path());
            if (e == null) {
                error(type, "no entry at " + a.path());
                return;
            }
            entry = sim.path(e);
        }
        try {
            run(a, entry);
        } catch (IllegalArgumentException ex) {
            error(type, ex.getMessage());
        }
    }

    private void run(DmaTransfer a, String entry) {
        IOMemoryDescriptor md;
        boolean live = a.memory() != null;
        if (live) {
            // a descriptor made by memory-create: used as it is (prepared or not), unless "prepared" says so
            md = memory.descriptor(a.memory());
            if (a.prepared() != null && Boolean.parseBoolean(a.prepared().text())) {
                md.prepare();
            }
        } else {
            if (a.ranges() == null) {
                throw new IllegalArgumentException("no ranges (ADDRESS+LENGTH,…) and no memory");
            }
            IOMemoryDescriptor.Type type = "virtual".equals(a.type()) ? IOMemoryDescriptor.Type.VIRTUAL
                    : IOMemoryDescriptor.Type.PHYSICAL;
            md = new IOMemoryDescriptor(type, direction(a.direction()), IOMemoryDescriptor.parseRanges(a.ranges()));
            if (a.prepared() == null || Boolean.parseBoolean(a.prepared().text())) {
                md.prepare();
            }
        }
        DmaOutput out = output(a.output());
        DmaSpecification.Result spec = DmaSpecification.of(out, (int) num(a.numAddressBits(), "numAddressBits", 0),
                num(a.maxSegmentSize(), "maxSegmentSize", 0), num(a.maxTransferSize(), "maxTransferSize", 0),
                num(a.alignment(), "alignment", 0), num(a.alignmentLength(), "alignmentLength", 0),
                num(a.alignmentInternalSegments(), "alignmentInternalSegments", 0));
        if (spec.ret() != IOReturn.kIOReturnSuccess) {
            sim.record(JournalKind.DMA_SPECIFICATION, entry, "output", out.name(), "result", IOReturn.name(spec.ret()));
            return;
        }
        IODMACommand c = new IODMACommand(spec.spec(), num(a.lastPhysical(), "lastPhysical", DEFAULT_LAST_PHYSICAL),
                new LowMemory(num(a.lowMemory(), "lowMemory", 0x100000)));
        c.setMemoryDescriptor(md);
        int r = c.prepare(num(a.offset(), "offset", 0), num(a.length(), "length", 0));
        IOMemoryDescriptor.Range copy = c.copyBuffer();
        sim.record(JournalKind.DMA_PREPARE, entry, "memory", live ? a.memory() : "",
                "ranges", MemoryActions.ranges(md), "length", hex(md.getLength()), "result", IOReturn.name(r),
                "cursor", String.valueOf(c.isCursor()), "doubleBuffer", String.valueOf(c.isDoubleBuffered()),
                "bouncePages", String.valueOf(c.bouncePageMap().size()),
                "copyBuffer", copy == null ? "" : hex(copy.address()) + "+" + hex(copy.length()));
        if (r != IOReturn.kIOReturnSuccess) {
            c.setMemoryDescriptor(null);
            return;
        }
        IODMACommand.Generated g = c.allSegments((int) Math.max(1, Math.min(1 << 20, num(a.perCall(), "perCall", 16))));
        List<IODMACommand.Segment> segs = g.segments();
        for (int i = 0; i < segs.size(); i++) {
            sim.record(JournalKind.DMA_SEGMENT, entry, "index", String.valueOf(i), "address",
                    hex(segs.get(i).address()),
                    "length", hex(segs.get(i).length()), "bounce", String.valueOf(c.isBounce(segs.get(i))));
        }
        if (g.ret() != IOReturn.kIOReturnSuccess) {
            sim.record(JournalKind.DMA_GENERATE, entry, "result", IOReturn.name(g.ret()), "offset",
                    hex(g.nextOffset()));
        }
        sim.record(JournalKind.DMA_COMPLETE, entry, "result", IOReturn.name(c.complete()));
        c.setMemoryDescriptor(null);
    }

    static IODirection direction(String s) {
        if (s == null) {
            return IODirection.OUT_IN;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "in" -> IODirection.IN;
            case "out" -> IODirection.OUT;
            case "outin", "inout" -> IODirection.OUT_IN;
            default -> throw new IllegalArgumentException("direction is in, out or outin, not " + s);
        };
    }

    static DmaOutput output(String s) {
        if (s == null) {
            return DmaOutput.OutputHost64;
        }
        for (DmaOutput o : DmaOutput.values()) {
            if (o.name().equalsIgnoreCase(s) || o.name().substring("Output".length()).equalsIgnoreCase(s)) {
                return o;
            }
        }
        throw new IllegalArgumentException("output is one of Host32, Big32, Little32, Host64, Big64, Little64, not "
                + s);
    }

    private static long num(JsonValue value, String key, long absent) {
        String v = JsonValue.text(value);
        if (v == null) {
            return absent;
        }
        try {
            return IOMemoryDescriptor.number(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private void error(String type, String reason) {
        sim.record(JournalKind.SCENARIO_ERROR, "", "action", type, "reason", reason);
    }
}
