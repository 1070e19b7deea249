package dev.ioscope.engine.os;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** libkern OSData: an immutable byte buffer. The array is never exposed for writing. */
public final class OSData implements OSObject {
    private static final OSData EMPTY = new OSData(new byte[0]);
    private final byte[] bytes;

    private OSData(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}. */
    public static OSData of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new OSData(bytes.clone());
    }

    /** Takes ownership of {@code bytes}: the caller must never write to the array again. */
    public static OSData wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new OSData(bytes);
    }

    public static OSData ofHex(String hex) {
        return wrap(HexFormat.of().parseHex(hex));
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** Little-endian unsigned value of the first {@code n} (1..8) bytes, as IOKit reads small OSData numbers. */
    public long littleEndian(int n) {
        long v = 0;
        for (int i = Math.min(n, bytes.length) - 1; i >= 0; i--) {
            v = (v << 8) | (bytes[i] & 0xff);
        }
        return v;
    }

    @Override
    public boolean isEqualTo(OSObject other) {
        // libkern OSData::isEqualTo(const OSMetaClassBase*) accepts OSData, and OSString through
        // OSData::isEqualTo(const OSString*): the bytes equal the C string, with or without one trailing NUL.
        if (other instanceof OSData d) {
            return Arrays.equals(bytes, d.bytes);
        }
        if (other instanceof OSString s) {
            return equalsCString(s.value());
        }
        if (other instanceof OSSymbol s) {
            return equalsCString(s.value());
        }
        return false;
    }

    /** True when the bytes are {@code s} in UTF-8, optionally followed by exactly one NUL terminator. */
    public boolean equalsCString(String s) {
        byte[] sb = s.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        if (n == sb.length + 1 && bytes[n - 1] == 0) {
            n--;
        } else if (n != sb.length) {
            return false;
        }
        return Arrays.equals(bytes, 0, n, sb, 0, n);
    }

    @Override
    public String typeName() {
        return "OSData";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OSData d && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "<" + toHex() + ">";
    }
}
