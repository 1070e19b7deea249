package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PBool;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.os.plist.PlistValue.PDate;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.os.plist.PlistValue.PInt;
import dev.ioscope.engine.os.plist.PlistValue.PReal;
import dev.ioscope.engine.os.plist.PlistValue.PSet;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CoreFoundation's binary property list format, version {@code bplist00} (CFBinaryPList.c): an 8-byte
 * header, the objects, an offset table and a 32-byte trailer
 * {@code {unused[5], sortVersion, offsetIntSize, objectRefSize, numObjects, topObject, offsetTableOffset}}.
 *
 * <p>Written for hostile input: every trailer field, offset, reference and count is checked against the file
 * before it is used or allocated, containers that contain themselves (directly or through others) are
 * refused, and nesting is bounded by {@link ParseLimits#maxDepth()}. Each object is read once and shared by
 * every reference to it, so total work is linear in the file size.
 */
public final class BinaryPlistReader {
    static final byte[] MAGIC = "bplist00".getBytes(StandardCharsets.US_ASCII);
    static final int TRAILER_SIZE = 32;

    private static final byte DONE = 2;
    private static final byte IN_PROGRESS = 1;

    private final byte[] data;
    private final String file;
    private final ParseLimits limits;
    private int refSize;
    private long[] offsets;
    private int objectsEnd;
    private PlistValue[] cache;
    private byte[] state;

    private BinaryPlistReader(byte[] data, String file, ParseLimits limits) {
        this.data = data;
        this.file = file;
        this.limits = limits;
    }

    /**
     * Reads the top object of a whole {@code bplist00} file. Its data objects are views of {@code data}
     * ({@link PData#slice}): the caller must not write to it afterwards.
     */
    public static PlistValue read(byte[] data, String file, ParseLimits limits) throws SnapshotException {
        return new BinaryPlistReader(data, file, limits).readTop();
    }

    /** True if {@code head} starts with the bplist magic of any version ({@code bplist}). */
    public static boolean looksLikeBinaryPlist(byte[] head) {
        return head.length >= 8 && Arrays.equals(head, 0, 6, MAGIC, 0, 6);
    }

    private PlistValue readTop() throws SnapshotException {
        if (data.length < MAGIC.length + 1 + TRAILER_SIZE) {
            throw error("offset 0", "the file is truncated: " + data.length + " bytes, too short for a binary plist");
        }
        if (!Arrays.equals(data, 0, 6, MAGIC, 0, 6)) {
            throw error("offset 0", "not a binary property list (no 'bplist' magic)");
        }
        if (!Arrays.equals(data, 0, 8, MAGIC, 0, 8)) {
            String version = new String(data, 6, 2, StandardCharsets.ISO_8859_1);
            throw error("offset 6", "binary plist version '" + version + "' is not supported (only bplist00)");
        }
        int t = data.length - TRAILER_SIZE;
        int offsetIntSize = data[t + 6] & 0xff;
        refSize = data[t + 7] & 0xff;
        long numObjects = readBE(t + 8, 8);
        long topObject = readBE(t + 16, 8);
        long tableOffset = readBE(t + 24, 8);
        String trailer = "trailer at offset " + t;
        if (offsetIntSize < 1 || offsetIntSize > 8) {
            throw trailerError(trailer, "offset size " + offsetIntSize + " is not 1..8 bytes");
        }
        if (refSize < 1 || refSize > 8) {
            throw trailerError(trailer, "object reference size " + refSize + " is not 1..8 bytes");
        }
        if (numObjects < 1 || numObjects > limits.maxCount()) {
            throw trailerError(trailer, "object count " + Long.toUnsignedString(numObjects) + " is not 1.."
                    + limits.maxCount());
        }
        if (topObject < 0 || topObject >= numObjects) {
            throw trailerError(trailer, "top object " + Long.toUnsignedString(topObject)
                    + " is not below the object count "
                    + numObjects);
        }
        if (tableOffset < MAGIC.length + 1 || tableOffset > t
                || numObjects > (t - tableOffset) / offsetIntSize) {
            throw trailerError(trailer, "offset table at " + Long.toUnsignedString(tableOffset) + " with " + numObjects
                    + " entries of " + offsetIntSize + " bytes does not fit between the header and the trailer");
        }
        if (refSize < 8 && numObjects - 1 > (1L << (8 * refSize)) - 1) {
            throw trailerError(trailer, numObjects + " objects cannot be named with " + refSize + "-byte references");
        }
        objectsEnd = (int) tableOffset;
        int n = (int) numObjects;
        offsets = new long[n];
        for (int i = 0; i < n; i++) {
            long off = readBE((int) tableOffset + i * offsetIntSize, offsetIntSize);
            if (off < MAGIC.length || off >= objectsEnd) {
                throw error("offset table entry " + i + " at offset " + (tableOffset + (long) i * offsetIntSize),
                        "object " + i + " offset " + Long.toUnsignedString(off) + " is outside the object area 8.."
                                + (objectsEnd - 1));
            }
            offsets[i] = off;
        }
        cache = new PlistValue[n];
        state = new byte[n];
        return object((int) topObject, 0);
    }

    private PlistValue object(int index, int depth) throws SnapshotException {
        if (state[index] == DONE) {
            return cache[index];
        }
        int off = (int) offsets[index];
        if (state[index] == IN_PROGRESS) {
            throw error(place(index, off), "object " + index + " contains itself (a reference cycle)");
        }
        if (depth > limits.maxDepth()) {
            throw error(place(index, off), "nesting deeper than " + limits.maxDepth() + " levels");
        }
        state[index] = IN_PROGRESS;
        PlistValue v = parse(index, off, depth);
        cache[index] = v;
        state[index] = DONE;
        return v;
    }

    private PlistValue parse(int index, int off, int depth) throws SnapshotException {
        int marker = data[off] & 0xff;
        int kind = marker >>> 4;
        int info = marker & 0x0f;
        switch (kind) {
            case 0x0:
                if (marker == 0x08) {
                    return PBool.FALSE;
                }
                if (marker == 0x09) {
                    return PBool.TRUE;
                }
                throw error(index, off, String.format(
                        "marker 0x%02x (null/fill) is not a value bplist00 readers accept", marker));
            case 0x1:
                return integer(index, off, info);
            case 0x2: {
                if (info != 2 && info != 3) {
                    throw error(index, off, "real of 2^" + info + " bytes (only 4 and 8)");
                }
                int len = 1 << info;
                need(off + 1, len, index, off);
                long bits = readBE(off + 1, len);
                return new PReal(len == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits), len);
            }
            case 0x3:
                if (marker != 0x33) {
                    throw error(index, off, String.format("date marker 0x%02x (only 0x33)", marker));
                }
                need(off + 1, 8, index, off);
                return new PDate(Double.longBitsToDouble(readBE(off + 1, 8)));
            case 0x4: {
                int[] c = count(index, off, info, 1);
                return PData.slice(data, c[0], c[0] + c[1]); // a view: the file's bytes are not written
            }
            case 0x5: {
                int[] c = count(index, off, info, 1);
                return new PString(new String(data, c[0], c[1], StandardCharsets.ISO_8859_1));
            }
            case 0x6: {
                int[] c = count(index, off, info, 2);
                return new PString(new String(data, c[0], c[1] * 2, StandardCharsets.UTF_16BE));
            }
            case 0x8: {
                int len = info + 1;
                if (len > 4) {
                    throw error(index, off, "UID of " + len + " bytes (at most 4)");
                }
                need(off + 1, len, index, off);
                return new PUid(readBE(off + 1, len));
            }
            case 0xA:
            case 0xC: {
                int[] c = count(index, off, info, refSize);
                List<PlistValue> items = new ArrayList<>(c[1]);
                for (int i = 0; i < c[1]; i++) {
                    items.add(object(ref(c[0] + i * refSize, index, off), depth + 1));
                }
                return kind == 0xA ? new PArray(items) : new PSet(items);
            }
            case 0xD: {
                int[] c = count(index, off, info, 2 * refSize);
                PDict.Owned m = new PDict.Owned(c[1]);
                int valuesAt = c[0] + c[1] * refSize;
                for (int i = 0; i < c[1]; i++) {
                    int keyRef = ref(c[0] + i * refSize, index, off);
                    if (!(object(keyRef, depth + 1) instanceof PString key)) {
                        throw error(index, off, "dictionary key " + i + " (object " + keyRef + ") is not a string");
                    }
                    PlistValue value = object(ref(valuesAt + i * refSize, index, off), depth + 1);
                    if (m.put(key.value(), value) != null) {
                        throw error(index, off, "dictionary has the key '" + key.value() + "' twice");
                    }
                }
                return new PDict(m);
            }
            default:
                throw error(index, off, String.format("unknown object marker 0x%02x", marker));
        }
    }

    private PInt integer(int index, int off, int info) throws SnapshotException {
        if (info > 4) {
            throw error(index, off, "integer of 2^" + info + " bytes (at most 16)");
        }
        int len = 1 << info;
        need(off + 1, len, index, off);
        if (len == 16) {
            // CF writes 128-bit integers only for unsigned values above INT64_MAX: high half zero.
            if (readBE(off + 1, 8) != 0) {
                throw error(index, off, "128-bit integer does not fit in 64 bits");
            }
            long low = readBE(off + 9, 8);
            return new PInt(low, low < 0);
        }
        return new PInt(readBE(off + 1, len), false);
    }

    /**
     * Reads an object's element count (in the marker's low nibble, or 0xF then an integer object) and checks
     * that {@code count * unit} bytes follow before the offset table. Returns {start of payload, count}.
     */
    private int[] count(int index, int off, int info, int unit) throws SnapshotException {
        int p = off + 1;
        long n = info;
        if (info == 0x0f) {
            need(p, 1, index, off);
            int m = data[p] & 0xff;
            if ((m >>> 4) != 0x1 || (m & 0x0f) > 3) {
                throw error(index, off, String.format("count is not a 1..8-byte integer (marker 0x%02x)", m));
            }
            int len = 1 << (m & 0x0f);
            need(p + 1, len, index, off);
            n = readBE(p + 1, len);
            p += 1 + len;
        }
        long room = objectsEnd - (long) p;
        if (n < 0 || n > limits.maxCount() || n > room / unit) {
            throw error(index, off, "declared count " + Long.toUnsignedString(n) + " does not fit in the "
                    + Math.max(room, 0) + " bytes before the offset table");
        }
        if (unit <= 2 && n * unit > limits.maxStringBytes()) {
            throw error(index, off, "string or data of " + n * unit + " bytes exceeds the limit of "
                    + limits.maxStringBytes());
        }
        return new int[] {p, (int) n};
    }

    private int ref(int at, int index, int off) throws SnapshotException {
        long r = readBE(at, refSize);
        if (r < 0 || r >= offsets.length) {
            throw error(index, off, "reference to object " + Long.toUnsignedString(r) + ", but there are only "
                    + offsets.length + " objects");
        }
        return (int) r;
    }

    private void need(int p, int len, int index, int off) throws SnapshotException {
        if (p + (long) len > objectsEnd) {
            throw error(index, off, "value runs past the end of the object area (offset " + objectsEnd + ")");
        }
    }

    private long readBE(int p, int len) {
        long v = 0;
        for (int i = 0; i < len; i++) {
            v = (v << 8) | (data[p + i] & 0xff);
        }
        return v;
    }

    private static String place(int index, int off) {
        return "object " + index + " at offset " + off;
    }

    /**
     * A binary plist ends with its trailer, so a file cut short (a download or copy stopped early) fails here
     * first: said in plain words, with the check that failed as the detail.
     */
    private SnapshotException trailerError(String place, String detail) {
        return error(place, "the file is truncated or damaged: its last " + TRAILER_SIZE + " bytes are not a"
                + " binary plist trailer (" + detail + ")");
    }

    /** The place is spelt only when an error is raised: building it for every object cost a fifth of a load. */
    private SnapshotException error(int index, int off, String problem) {
        return error(place(index, off), problem);
    }

    private SnapshotException error(String place, String problem) {
        return new SnapshotException(file, place, problem);
    }
}
