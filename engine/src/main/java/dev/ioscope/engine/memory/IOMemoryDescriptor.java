package dev.ioscope.engine.memory;

import dev.ioscope.engine.iokit.IOReturn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An IOGeneralMemoryDescriptor over physical ranges laid out as data: {@code PHYSICAL} (withPhysicalAddress:
 * always resident, prepare and complete do nothing) or {@code VIRTUAL} (pageable memory whose pages sit at the
 * given physical ranges once wired: prepare wires, complete unwires, counted), with the direction it was prepared
 * for and its mappings into tasks. Rules MD1, MD2, MD6-MD9.
 */
public class IOMemoryDescriptor {
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
    private IODirection direction;
    private List<Range> ranges;
    private long length;
    private int wireCount;
    private int dmaReferences;
    private boolean preparedReadOnly;
    private boolean released;
    private final List<IOMemoryMap> mappings = new ArrayList<>();

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

    /** Whether it is wired for output only (kIOMemoryPreparedReadOnly): devices may read it, not write it (MD6). */
    public boolean isPreparedReadOnly() {
        return preparedReadOnly;
    }

    /** prepare(kIODirectionNone): for the descriptor's own direction. */
    public int prepare() {
        return prepare(IODirection.NONE);
    }

    /**
     * prepare (MD1, MD6): a virtual descriptor's wire count goes up (the first wires its pages); physical: nothing.
     * kIODirectionNone means the descriptor's own direction. Wiring for kIODirectionOut alone is read-only
     * (wireVirtual's UPL_COPYOUT_FROM; a mapper gives the device read access only); while so wired, a prepare for
     * a direction that writes (In, OutIn) answers kIOReturnNotWritable and counts nothing.
     */
    public int prepare(IODirection forDirection) {
        if (type == Type.PHYSICAL) {
            return IOReturn.kIOReturnSuccess;
        }
        IODirection d = forDirection.bits == 0 ? direction : forDirection;
        boolean readOnly = d == IODirection.OUT;
        if (wireCount > 0) {
            if (preparedReadOnly && !readOnly) {
                return IOReturn.kIOReturnNotWritable;
            }
        } else {
            preparedReadOnly = readOnly;
        }
        wireCount++;
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
        if (--wireCount == 0) {
            preparedReadOnly = false;
        }
        return IOReturn.kIOReturnSuccess;
    }

    /**
     * writeBytes (MD6): how many bytes a write of {@code count} at {@code offset} copies in: none when the write
     * does not fit inside the length (the whole write is refused, not cut) or while the memory is prepared
     * read-only. IOScope keeps no contents here; the count is what XNU answers.
     */
    public long writeBytes(long offset, long count) {
        if (offset < 0 || count < 0 || offset > length || count > length - offset || preparedReadOnly
                || offset >= length) {
            return 0;
        }
        return count;
    }

    /** The mappings of this descriptor still alive (its _mappings set), oldest first. */
    public List<IOMemoryMap> mappings() {
        return Collections.unmodifiableList(mappings);
    }

    /** map(options): createMappingInTask(kernel_task, 0, options | kIOMapAnywhere, 0, 0). */
    public IOMemoryMap map(TaskMap kernel, int options) {
        return createMappingInTask(kernel, 0, options | IOMapOptions.kIOMapAnywhere, 0, 0);
    }

    /**
     * createMappingInTask (MD7, MD8): a length of 0 means the whole descriptor; a range that does not fit inside
     * the length gives no map (doMap's kIOReturnBadArgument: null here). A compatible existing map is reused: the
     * same range gives that map retained, a range inside it a new map on it (copyCompatible). Otherwise a new map
     * at the next free address (kIOMapAnywhere) or at {@code atAddress}; the page offset of the range's start is
     * kept in the address.
     */
    public IOMemoryMap createMappingInTask(TaskMap task, long atAddress, int options, long offset, long len) {
        long n = len == 0 ? length : len;
        if (offset < 0 || n <= 0 || offset >= length || n > length - offset || isFreed()) {
            return null;
        }
        if ((options & IOMapOptions.kIOMapReference) != 0 || (options & IOMapOptions.kIOMapUnique) == 0) {
            for (IOMemoryMap m : mappings) {
                if (m.compatible(task, atAddress, options, offset, n)) {
                    if (m.getOffset() == offset && m.getLength() == n) {
                        m.retain();
                        return m;
                    }
                    m.retain();
                    IOMemoryMap sub = new IOMemoryMap(this, task, m.getAddress() + offset - m.getOffset(),
                            m.options(), offset, n, m);
                    mappings.add(sub);
                    return sub;
                }
            }
            if ((options & IOMapOptions.kIOMapReference) != 0) {
                return null;
            }
        }
        Run first = walk(offset);
        long pageOffset = first.address() & PAGE_MASK;
        long at = (options & IOMapOptions.kIOMapAnywhere) != 0 ? task.allocate(pageOffset, n) : atAddress;
        IOMemoryMap m = new IOMemoryMap(this, task, at, options, offset, n, null);
        mappings.add(m);
        return m;
    }

    void removeMapping(IOMemoryMap m) {
        mappings.remove(m);
    }

    /**
     * The driver lets its reference go (release, MD9). The descriptor is freed at once unless a map still holds it;
     * then it is freed when its last map is released. Returns whether it is freed now.
     */
    public boolean release() {
        released = true;
        return isFreed();
    }

    public boolean isReleased() {
        return released;
    }

    /** Released by its driver and held by no map: gone. */
    public boolean isFreed() {
        return released && mappings.isEmpty();
    }

    /** IOBufferMemoryDescriptor's setDirection: a new direction for the next transfers. */
    protected void direction(IODirection d) {
        direction = d;
    }

    /** IOBufferMemoryDescriptor's setLength: its one range, at {@code address}, and the length become {@code n}. */
    protected void length(long address, long n) {
        ranges = n == 0 ? List.of() : List.of(new Range(address, n));
        length = n;
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
