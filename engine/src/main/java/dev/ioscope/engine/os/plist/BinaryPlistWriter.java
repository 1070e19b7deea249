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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link PlistValue} tree as a {@code bplist00} file the way CoreFoundation lays one out
 * (CFBinaryPList.c): equal scalars (strings, numbers, dates, data, UIDs) are written once and shared,
 * containers are numbered breadth first (a container's members get consecutive indices, as in Apple's files),
 * object references and offsets use the fewest bytes that fit.
 */
public final class BinaryPlistWriter {
    private final List<PlistValue> objects = new ArrayList<>();
    private final Map<PlistValue, Integer> scalarIndex = new HashMap<>();
    private final Map<PlistValue, Integer> containerIndex = new IdentityHashMap<>();

    private BinaryPlistWriter() {
    }

    public static byte[] write(PlistValue top) {
        return new BinaryPlistWriter().writeTop(top);
    }

    private byte[] writeTop(PlistValue top) {
        ArrayDeque<PlistValue> work = new ArrayDeque<>();
        index(top, work);
        while (!work.isEmpty()) {
            for (PlistValue child : members(work.poll())) {
                index(child, work);
            }
        }
        int n = objects.size();
        int refSize = bytesFor(n - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        out.writeBytes(BinaryPlistReader.MAGIC);
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = out.size();
            writeObject(objects.get(i), refSize, out);
        }
        long tableOffset = out.size();
        int offsetSize = bytesFor(tableOffset);
        for (long off : offsets) {
            writeBE(out, off, offsetSize);
        }
        out.writeBytes(new byte[6]);
        out.write(offsetSize);
        out.write(refSize);
        writeBE(out, n, 8);
        writeBE(out, 0, 8);
        writeBE(out, tableOffset, 8);
        return out.toByteArray();
    }

    private int index(PlistValue v, ArrayDeque<PlistValue> work) {
        boolean container = v instanceof PDict || v instanceof PArray || v instanceof PSet;
        Map<PlistValue, Integer> map = container ? containerIndex : scalarIndex;
        Integer known = map.get(v);
        if (known != null) {
            return known;
        }
        int i = objects.size();
        objects.add(v);
        map.put(v, i);
        if (container) {
            work.add(v);
        }
        return i;
    }

    private static List<PlistValue> members(PlistValue v) {
        if (v instanceof PDict d) {
            List<PlistValue> m = new ArrayList<>(d.size() * 2);
            d.entries().keySet().forEach(k -> m.add(new PString(k)));
            m.addAll(d.entries().values());
            return m;
        }
        if (v instanceof PArray a) {
            return a.items();
        }
        return v instanceof PSet s ? s.members() : List.of();
    }

    private int ref(PlistValue v) {
        Integer i = (v instanceof PDict || v instanceof PArray || v instanceof PSet)
                ? containerIndex.get(v) : scalarIndex.get(v);
        return i;
    }

    private void writeObject(PlistValue v, int refSize, ByteArrayOutputStream out) {
        if (v instanceof PBool b) {
            out.write(b.value() ? 0x09 : 0x08);
        } else if (v instanceof PInt i) {
            writeInt(out, i.value(), i.unsigned());
        } else if (v instanceof PReal r) {
            if (r.bytes() == 4) {
                out.write(0x22);
                writeBE(out, Float.floatToRawIntBits((float) r.value()) & 0xFFFF_FFFFL, 4);
            } else {
                out.write(0x23);
                writeBE(out, Double.doubleToRawLongBits(r.value()), 8);
            }
        } else if (v instanceof PDate d) {
            out.write(0x33);
            writeBE(out, Double.doubleToRawLongBits(d.secondsSince2001()), 8);
        } else if (v instanceof PData d) {
            writeHeader(out, 0x4, d.length());
            d.writeTo(out);
        } else if (v instanceof PString s) {
            writeString(out, s.value());
        } else if (v instanceof PUid u) {
            int len = bytesFor(u.index());
            out.write(0x80 | (len - 1));
            writeBE(out, u.index(), len);
        } else {
            List<PlistValue> m = members(v);
            int count = v instanceof PDict d ? d.size() : m.size();
            writeHeader(out, v instanceof PDict ? 0xD : v instanceof PArray ? 0xA : 0xC, count);
            for (PlistValue x : m) {
                writeBE(out, ref(x), refSize);
            }
        }
    }

    /** ASCII-only strings as bytes (marker 0x5), anything else as UTF-16BE (0x6), as CF chooses. */
    private static void writeString(ByteArrayOutputStream out, String s) {
        boolean ascii = s.chars().allMatch(c -> c < 0x80);
        if (ascii) {
            writeHeader(out, 0x5, s.length());
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        } else {
            writeHeader(out, 0x6, s.length());
            out.writeBytes(s.getBytes(StandardCharsets.UTF_16BE));
        }
    }

    private static void writeHeader(ByteArrayOutputStream out, int kind, int count) {
        if (count < 15) {
            out.write((kind << 4) | count);
        } else {
            out.write((kind << 4) | 0xF);
            writeInt(out, count, false);
        }
    }

    /** 1, 2, 4 bytes for small non-negative values, 8 for the rest, 16 for unsigned values above INT64_MAX. */
    private static void writeInt(ByteArrayOutputStream out, long v, boolean unsigned) {
        if (unsigned && v < 0) {
            out.write(0x14);
            writeBE(out, 0, 8);
            writeBE(out, v, 8);
        } else if (v < 0 || v > 0xFFFF_FFFFL) {
            out.write(0x13);
            writeBE(out, v, 8);
        } else {
            int len = bytesFor(v);
            out.write(0x10 | Integer.numberOfTrailingZeros(len));
            writeBE(out, v, len);
        }
    }

    /** Fewest bytes (1, 2, 4 or 8) that hold {@code v} unsigned. */
    private static int bytesFor(long v) {
        if (v >= 0 && v <= 0xFF) {
            return 1;
        }
        if (v >= 0 && v <= 0xFFFF) {
            return 2;
        }
        return v >= 0 && v <= 0xFFFF_FFFFL ? 4 : 8;
    }

    private static void writeBE(ByteArrayOutputStream out, long v, int len) {
        for (int i = len - 1; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
    }
}
