package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a flattened device tree blob (Devicetree Specification v0.4, chapter 5; libfdt's fdt.h): a big-endian
 * header, the memory reservation block, the structure block (FDT_BEGIN_NODE / FDT_END_NODE / FDT_PROP /
 * FDT_NOP / FDT_END tokens, 4-byte aligned) and the strings block. Every offset and size is checked against
 * {@code totalsize} and the buffer before anything is allocated.
 *
 * <p>Versions: 16 and 17 are read (17 adds {@code size_dt_struct}); a later version is read when its
 * {@code last_comp_version} says a version-17 reader can (as libfdt does). Versions before 16 (node names as
 * full paths, 8-byte aligned large values) are refused with a message pointing at {@code dtc -O dtb}.
 */
public final class FdtReader implements SnapshotReader {
    static final int MAGIC = 0xd00dfeed;
    static final int BEGIN_NODE = 1;
    static final int END_NODE = 2;
    static final int PROP = 3;
    static final int NOP = 4;
    static final int END = 9;
    private static final int HEADER_V16 = 36;
    private static final int HEADER_V17 = 40;

    /** Keys of {@link Snapshot#info()}. */
    public static final String INFO_VERSION = "FDTVersion";
    public static final String INFO_LAST_COMP_VERSION = "FDTLastCompatibleVersion";
    public static final String INFO_BOOT_CPUID_PHYS = "FDTBootCPUIDPhys";
    public static final String INFO_MEMORY_RESERVATIONS = "FDTMemoryReservations";

    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.FDT;
    }

    @Override
    public boolean sniff(byte[] head, String fileName) {
        return head.length >= 4 && be32(head, 0) == MAGIC;
    }

    @Override
    public Snapshot read(byte[] data, String name, ParseLimits limits) throws SnapshotException {
        Blob b = new Blob(data, name);
        if (data.length < HEADER_V16) {
            throw b.fail(0, "file is " + data.length + " bytes, too short for a flattened device tree header");
        }
        if (be32(data, 0) != MAGIC) {
            throw b.fail(0, String.format("magic is 0x%08x, not 0xd00dfeed", be32(data, 0)));
        }
        long totalSize = u32(data, 4);
        long offStruct = u32(data, 8);
        long offStrings = u32(data, 12);
        long offRsv = u32(data, 16);
        long version = u32(data, 20);
        long lastComp = u32(data, 24);
        if (version < 16) {
            throw b.fail(20, "device tree version " + version + " is older than 16, which IOScope does not read;"
                    + " convert it with 'dtc -I dtb -O dtb'");
        }
        if (lastComp > 17) {
            throw b.fail(24, "last compatible version " + lastComp + " is newer than 17, which IOScope reads");
        }
        long headerSize = version >= 17 ? HEADER_V17 : HEADER_V16;
        if (totalSize > data.length) {
            throw b.fail(4, "totalsize " + totalSize + " is larger than the file (" + data.length
                    + " bytes): the blob is truncated");
        }
        if (totalSize < headerSize) {
            throw b.fail(4, "totalsize " + totalSize + " is smaller than the header");
        }
        long bootCpu = u32(data, 28);
        long sizeStrings = u32(data, 32);
        b.end = (int) totalSize;
        b.checkBlock(12, "strings block", offStrings, sizeStrings, headerSize);
        long sizeStruct = version >= 17 ? u32(data, 36) : totalSize - offStruct;
        b.checkBlock(8, "structure block", offStruct, sizeStruct, headerSize);
        b.checkBlock(16, "memory reservation block", offRsv, 0, headerSize);
        if (offRsv % 8 != 0) {
            throw b.fail(16, "memory reservation block offset " + offRsv + " is not 8-byte aligned");
        }
        if (offStruct % 4 != 0) {
            throw b.fail(8, "structure block offset " + offStruct + " is not 4-byte aligned");
        }
        b.stringsStart = (int) offStrings;
        b.stringsEnd = (int) (offStrings + sizeStrings);

        OSArray reservations = readReservations(b, (int) offRsv, limits);
        DtNode top = readStructure(b, (int) offStruct, (int) (offStruct + sizeStruct), limits);

        OSDictionary info = OSDictionary.builder()
                .put(INFO_VERSION, OSNumber.of32(version))
                .put(INFO_LAST_COMP_VERSION, OSNumber.of32(lastComp))
                .put(INFO_BOOT_CPUID_PHYS, OSNumber.of32(bootCpu))
                .put(INFO_MEMORY_RESERVATIONS, reservations)
                .build();
        return new Snapshot(DeviceTreeRegistry.build(top, DeviceTreeRegistry.Naming.UNIT_ADDRESS),
                SnapshotFormat.FDT, info, name);
    }

    /** Pairs of 64-bit address and size up to the (0, 0) terminator. */
    private static OSArray readReservations(Blob b, int off, ParseLimits limits) throws SnapshotException {
        List<OSObject> out = new ArrayList<>();
        for (int p = off; ; p += 16) {
            if (p + 16 > b.end) {
                throw b.fail(p, "memory reservation block runs past the end of the blob (no 0,0 terminator)");
            }
            long address = be64(b.data, p);
            long size = be64(b.data, p + 8);
            if (address == 0 && size == 0) {
                return OSArray.of(out);
            }
            if (out.size() >= limits.maxCount()) {
                throw b.fail(p, "more than " + limits.maxCount() + " memory reservations");
            }
            out.add(OSDictionary.of("address", OSNumber.of64(address), "size", OSNumber.of64(size)));
        }
    }

    private static DtNode readStructure(Blob b, int start, int end, ParseLimits limits) throws SnapshotException {
        int p = start;
        DtNode top = null;
        DtNode current = null;
        int depth = 0;
        long count = 0;
        while (true) {
            if (p + 4 > end) {
                throw b.fail(p, "structure block ends without an FDT_END token");
            }
            int token = be32(b.data, p);
            int tokenAt = p;
            p += 4;
            switch (token) {
                case BEGIN_NODE -> {
                    if (top != null && current == null) {
                        throw b.fail(tokenAt, "a second top-level node after the root node ended");
                    }
                    int nul = b.findNul(p, end, "node name");
                    String nodeName = new String(b.data, p, nul - p, StandardCharsets.ISO_8859_1);
                    p = align4(nul + 1);
                    if (++depth > limits.maxDepth()) {
                        throw b.fail(tokenAt, "nodes nested deeper than " + limits.maxDepth());
                    }
                    if (++count > limits.maxCount()) {
                        throw b.fail(tokenAt, "more than " + limits.maxCount() + " nodes and properties");
                    }
                    DtNode node = new DtNode(nodeName);
                    if (current == null) {
                        top = node;
                    } else {
                        current.addChild(node);
                    }
                    current = node;
                }
                case END_NODE -> {
                    if (current == null) {
                        throw b.fail(tokenAt, "FDT_END_NODE without a matching FDT_BEGIN_NODE");
                    }
                    current = current.parent;
                    depth--;
                }
                case PROP -> {
                    if (current == null) {
                        throw b.fail(tokenAt, "FDT_PROP outside any node");
                    }
                    if (p + 8 > end) {
                        throw b.fail(tokenAt, "property header runs past the structure block");
                    }
                    long len = u32(b.data, p);
                    long nameOff = u32(b.data, p + 4);
                    p += 8;
                    if (len > end - p) {
                        throw b.fail(tokenAt, "property value of " + len + " bytes runs past the structure block");
                    }
                    if (len > limits.maxStringBytes()) {
                        throw b.fail(tokenAt, "property value of " + len + " bytes is over the limit");
                    }
                    String propName = b.string(nameOff, tokenAt);
                    if (++count > limits.maxCount()) {
                        throw b.fail(tokenAt, "more than " + limits.maxCount() + " nodes and properties");
                    }
                    byte[] value = Arrays.copyOfRange(b.data, p, p + (int) len);
                    current.addProperty(new DtProperty(propName, value));
                    p = align4(p + (int) len);
                }
                case NOP -> {
                    // FDT_NOP: ignored, left where a property or node was overwritten in place.
                }
                case END -> {
                    if (top == null) {
                        throw b.fail(tokenAt, "FDT_END before any node");
                    }
                    if (current != null) {
                        throw b.fail(tokenAt, "FDT_END inside node '" + current.name + "' (missing FDT_END_NODE)");
                    }
                    return top;
                }
                default -> throw b.fail(tokenAt, String.format("unknown structure token 0x%08x", token));
            }
        }
    }

    private static int align4(int p) {
        return (p + 3) & ~3;
    }

    static int be32(byte[] b, int p) {
        return (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
    }

    static long u32(byte[] b, int p) {
        return be32(b, p) & 0xffffffffL;
    }

    static long be64(byte[] b, int p) {
        return u32(b, p) << 32 | u32(b, p + 4);
    }

    /** The blob with its bounds, and error helpers that name the byte offset. */
    private static final class Blob {
        final byte[] data;
        final String name;
        int end;
        int stringsStart;
        int stringsEnd;

        Blob(byte[] data, String name) {
            this.data = data;
            this.name = name;
            this.end = data.length;
        }

        SnapshotException fail(long offset, String problem) {
            return new SnapshotException(name, "offset " + offset, problem);
        }

        void checkBlock(int field, String what, long off, long size, long headerSize) throws SnapshotException {
            if (off < headerSize || off > end || size > end - off) {
                throw fail(field, what + " at offset " + off + " with " + size + " bytes lies outside the "
                        + end + "-byte blob");
            }
        }

        int findNul(int from, int limit, String what) throws SnapshotException {
            for (int i = from; i < limit; i++) {
                if (data[i] == 0) {
                    return i;
                }
            }
            throw fail(from, what + " has no NUL terminator before the end of the structure block");
        }

        String string(long nameOff, int tokenAt) throws SnapshotException {
            if (nameOff >= stringsEnd - stringsStart) {
                throw fail(tokenAt + 8L, "property name offset " + nameOff + " is outside the "
                        + (stringsEnd - stringsStart) + "-byte strings block");
            }
            int from = stringsStart + (int) nameOff;
            for (int i = from; i < stringsEnd; i++) {
                if (data[i] == 0) {
                    return new String(data, from, i - from, StandardCharsets.ISO_8859_1);
                }
            }
            throw fail(tokenAt + 8L, "property name at strings offset " + nameOff + " has no NUL terminator");
        }
    }
}
