package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.io.SnapshotException;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A generic property-list value as CoreFoundation's binary plist format stores it. Wider than the libkern
 * values ({@link dev.ioscope.engine.os.OSObject}) because NSKeyedArchiver needs what libkern lacks: UIDs
 * (object references), reals, dates and signed integers.
 */
public sealed interface PlistValue {

    /** A dictionary with string keys, in file order (CF dictionaries are unordered; we keep the order read). */
    record PDict(Map<String, PlistValue> entries) implements PlistValue {
        public PDict {
            entries = Collections.unmodifiableMap(entries instanceof Owned ? entries : new LinkedHashMap<>(entries));
        }

        public PlistValue get(String key) {
            return entries.get(key);
        }

        public int size() {
            return entries.size();
        }

        /**
         * A table its reader fills and then hands to one PDict, keeping no reference: adopted without a copy (the
         * copies were a tenth of an archive's load). Only this package's readers make one.
         */
        public static final class Owned extends LinkedHashMap<String, PlistValue> {
            Owned(int expected) {
                super(Math.max(4, expected * 4 / 3 + 1));
            }
        }
    }

    /** An ordered array. */
    record PArray(List<PlistValue> items) implements PlistValue {
        public PArray {
            items = List.copyOf(items);
        }

        public int size() {
            return items.size();
        }

        public PlistValue get(int i) {
            return items.get(i);
        }
    }

    /** A set (bplist marker 0xC): kept in file order. */
    record PSet(List<PlistValue> members) implements PlistValue {
        public PSet {
            members = List.copyOf(members);
        }
    }

    /** A string (bplist stores ASCII-only strings as bytes, any other as UTF-16BE, as CF does). */
    record PString(String value) implements PlistValue {
        public PString {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An integer. bplist stores 1, 2 and 4-byte integers unsigned, 8-byte ones signed, and 16-byte ones as
     * 128-bit signed values of which CF only uses those that fit in an unsigned 64-bit quantity:
     * {@code unsigned} is true for such a value above {@link Long#MAX_VALUE} (read {@code value} unsigned).
     */
    record PInt(long value, boolean unsigned) implements PlistValue {
        public static PInt of(long value) {
            return new PInt(value, false);
        }
    }

    /** A real; {@code bytes} is 4 (float) or 8 (double) as stored. */
    record PReal(double value, int bytes) implements PlistValue {
        public PReal {
            if (bytes != 4 && bytes != 8) {
                throw new IllegalArgumentException("real width must be 4 or 8 bytes, not " + bytes);
            }
        }

        public static PReal of(double value) {
            return new PReal(value, 8);
        }
    }

    /** A boolean. */
    record PBool(boolean value) implements PlistValue {
        public static final PBool TRUE = new PBool(true);
        public static final PBool FALSE = new PBool(false);

        public static PBool of(boolean b) {
            return b ? TRUE : FALSE;
        }
    }

    /** A date: seconds since 2001-01-01 00:00:00 UTC (CFAbsoluteTime), as CF stores it. */
    record PDate(double secondsSince2001) implements PlistValue {
        /** 2001-01-01T00:00:00Z in Unix seconds (kCFAbsoluteTimeIntervalSince1970). */
        public static final long EPOCH_2001_UNIX = 978_307_200L;

        public Instant toInstant() {
            double unix = secondsSince2001 + EPOCH_2001_UNIX;
            long s = (long) Math.floor(unix);
            return Instant.ofEpochSecond(s, Math.round((unix - s) * 1e9) % 1_000_000_000L);
        }
    }

    /**
     * Bytes. The array is owned by the value and never handed out for writing. A value may be a view of part of
     * a larger array ({@link #slice}): a binary plist's data objects are views of the file's bytes, so reading
     * an archive does not copy its megabytes of embedded property lists.
     */
    final class PData implements PlistValue {
        private final byte[] bytes;
        private final int from;
        private final int to;

        private PData(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
        }

        public static PData of(byte[] bytes) {
            return new PData(bytes.clone(), 0, bytes.length);
        }

        /** Takes ownership of the array: the caller must not write to it any more. */
        public static PData wrap(byte[] bytes) {
            return new PData(bytes, 0, bytes.length);
        }

        /** Bytes {@code from} (inclusive) to {@code to} (exclusive) of an array nobody writes to any more. */
        public static PData slice(byte[] bytes, int from, int to) {
            Objects.checkFromToIndex(from, to, bytes.length);
            return new PData(bytes, from, to);
        }

        public int length() {
            return to - from;
        }

        public byte[] toByteArray() {
            return Arrays.copyOfRange(bytes, from, to);
        }

        /** Hands the bytes, in place and without a copy, to a reader that only looks at them. */
        public <T> T read(Reader<T> reader) throws SnapshotException {
            return reader.read(bytes, from, to);
        }

        /** Writes the bytes to {@code out}. */
        void writeTo(ByteArrayOutputStream out) {
            out.write(bytes, from, to - from);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PData d && Arrays.equals(bytes, from, to, d.bytes, d.from, d.to);
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + bytes[i];
            }
            return h;
        }

        @Override
        public String toString() {
            return "PData[" + (length() <= 32 ? HexFormat.of().formatHex(bytes, from, to) : length() + " bytes") + "]";
        }

        /** Reads bytes {@code from} to {@code to} of {@code bytes} without writing to them. */
        @FunctionalInterface
        public interface Reader<T> {
            T read(byte[] bytes, int from, int to) throws SnapshotException;
        }
    }

    /** A keyed-archiver object reference (bplist marker 0x8): an index into {@code $objects}. */
    record PUid(long index) implements PlistValue {
        public PUid {
            if (index < 0 || index > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("UID out of range: " + index);
            }
        }
    }
}
