package dev.ioscope.engine.memory;

import dev.ioscope.engine.iokit.IOReturn;

import java.util.ArrayList;
import java.util.List;

/**
 * An IOGeneralMemoryDescriptor over physical ranges laid out as data: {@code PHYSICAL} (withPhysicalAddress:
 * always resident, prepare and complete do nothing) or {@code VIRTUAL} (pageable memory whose pages sit at the
 * given physical ranges once wired: prepare wires, complete unwires, counted). Rules MD1-MD3.
 */
public final class IOMemoryDescriptor {
    /** kIOMemoryTypePhysical64 or kIOMemoryTypeVirtual. */
    public enum Type { PHYSICAL, VIRTUAL }

    /** One physically contiguous range, in descriptor order. */
    public record Range(long address, long length) {
        public Range {
            if (length <= 0 || address < 0) {
                throw new IllegalArgumentException("a range needs an address >= 0 and a length > 0, not 0x"
                        + Long.toHexString(address) + "+0x" + Long.toHexString(length));
            }
        }
    }

    /** A physically contiguous run from an offset to the end of its range (kIOMDWalkSegments). */
    record Run(long address, long length) {
    }

    public static final long PAGE_SIZE = 4096;
    public static final long PAGE_MASK = PAGE_SIZE - 1;

    private final Type type;
    private final IODirection direction;
    private final List<Range> ranges;
    private final long length;
    private int wireCount;
    private int dmaReferences;

    public IOMemoryDescriptor(Type type, IODirection direction, List<Range> ranges) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("a memory descriptor needs at least one range");
        }
        this.type = type;
        this.direction = direction;
        this.ranges = List.copyOf(ranges);
        long n = 0;
        for (Range r : ranges) {
            n = Math.addExact(n, r.length());
        }
        this.length = n;
    }

    public long getLength() {
        return length;
    }

    public IODirection getDirection() {
        return direction;
    }

    public Type type() {
        return type;
    }

    public List<Range> ranges() {
        return ranges;
    }

    public int wireCount() {
        return wireCount;
    }

    /** prepare (MD1): a virtual descriptor's wire count goes up (the first wires its pages); physical: nothing. */
    public int prepare() {
        if (type == Type.VIRTUAL) {
            wireCount++;
        }
        return IOReturn.kIOReturnSuccess;
    }

    /**
     * complete (MD1): the wire count goes down; the last complete unwires. XNU panics "complete() while dma active"
     * when an IODMACommand still holds the memory; IOScope answers kIOReturnBusy and unwires nothing. Without a
     * prepare it does nothing (XNU only asserts).
     */
    public int complete() {
        if (type == Type.PHYSICAL || wireCount == 0) {
            return IOReturn.kIOReturnSuccess;
        }
        if (wireCount == 1 && dmaReferences > 0) {
            return IOReturn.kIOReturnBusy;
        }
        wireCount--;
        return IOReturn.kIOReturnSuccess;
    }

    /** Whether its pages are known (kIOMDGetCharacteristics' fIsPrepared): physical ones always are. */
    boolean isPrepared() {
        return type == Type.PHYSICAL || wireCount > 0;
    }

    /** The highest physical page number (known only while prepared, MD2). */
    long highestPage() {
        long hi = 0;
        for (Range r : ranges) {
            hi = Math.max(hi, (r.address() + r.length() - 1) / PAGE_SIZE);
        }
        return hi;
    }

    /** The page offset of the first range when the descriptor is one range (fPageAlign), else -1. */
    long pageAlign() {
        return ranges.size() == 1 ? ranges.get(0).address() & PAGE_MASK : -1;
    }

    void dmaActive(boolean on) {
        dmaReferences += on ? 1 : -1;
    }

    /** The run at {@code offset}: to the end of the range holding it; null past the end (kIOReturnOverrun). */
    Run walk(long offset) {
        long at = 0;
        for (Range r : ranges) {
            if (offset < at + r.length()) {
                long in = offset - at;
                return new Run(r.address() + in, r.length() - in);
            }
            at += r.length();
        }
        return null;
    }

    /** Parses {@code 0xADDR+0xLEN[,…]} (hex or decimal), as the command line and scenarios give ranges. */
    public static List<Range> parseRanges(String text) {
        List<Range> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] al = part.trim().split("\\+");
            if (al.length != 2) {
                throw new IllegalArgumentException("a range is ADDRESS+LENGTH, not \"" + part.trim() + "\"");
            }
            out.add(new Range(number(al[0]), number(al[1])));
        }
        return out;
    }

    /** A whole number in hex ({@code 0x…}) or decimal, at least 0. */
    public static long number(String s) {
        String t = s.trim().replace("_", "");
        try {
            long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16)
                    : Long.parseLong(t);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number of at least 0: \"" + s.trim() + "\"");
        }
    }
}
