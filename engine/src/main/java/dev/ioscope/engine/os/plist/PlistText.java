package dev.ioscope.engine.os.plist;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Byte-level helpers shared by the XML plist reader: a cache that shares the String of repeated keys and short
 * values (a registry repeats a few hundred keys hundreds of thousands of times), base64 decoding that skips
 * whitespace as CFPropertyList does, and a growable byte buffer for text that needs unescaping.
 */
final class PlistText {
    /** Strings up to this many bytes are shared through the cache; longer ones are rarely repeated. */
    static final int CACHEABLE = 40;
    private static final int SLOTS = 4096;

    private final byte[][] cachedBytes = new byte[SLOTS][];
    private final String[] cachedStrings = new String[SLOTS];

    private byte[] buf = new byte[256];
    private int len;

    /** The String for {@code b[from, to)}, shared with earlier equal byte runs when short. */
    String string(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return "";
        }
        if (n > CACHEABLE) {
            return new String(b, from, n, StandardCharsets.UTF_8);
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 12)) & (SLOTS - 1);
        byte[] k = cachedBytes[slot];
        if (k != null && Arrays.equals(k, 0, k.length, b, from, to)) {
            return cachedStrings[slot];
        }
        String s = new String(b, from, n, StandardCharsets.UTF_8);
        cachedBytes[slot] = Arrays.copyOfRange(b, from, to);
        cachedStrings[slot] = s;
        return s;
    }

    void reset() {
        len = 0;
    }

    void append(byte[] b, int from, int to) {
        int n = to - from;
        ensure(n);
        System.arraycopy(b, from, buf, len, n);
        len += n;
    }

    /** Appends a Unicode code point as UTF-8. */
    void appendCodePoint(int cp) {
        ensure(4);
        if (cp < 0x80) {
            buf[len++] = (byte) cp;
        } else if (cp < 0x800) {
            buf[len++] = (byte) (0xc0 | cp >> 6);
            buf[len++] = (byte) (0x80 | cp & 0x3f);
        } else if (cp < 0x10000) {
            buf[len++] = (byte) (0xe0 | cp >> 12);
            buf[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
            buf[len++] = (byte) (0x80 | cp & 0x3f);
        } else {
            buf[len++] = (byte) (0xf0 | cp >> 18);
            buf[len++] = (byte) (0x80 | cp >> 12 & 0x3f);
            buf[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
            buf[len++] = (byte) (0x80 | cp & 0x3f);
        }
    }

    int length() {
        return len;
    }

    String bufferString() {
        return string(buf, 0, len);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private static final byte[] BASE64 = new byte[256];

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    /**
     * Decodes base64 in {@code b[from, to)}, skipping whitespace anywhere (CFPropertyList and OSUnserializeXML
     * both do) and stopping at the first '='. Returns null for any other character, with the bad offset in
     * {@code badAt[0]}.
     */
    static byte[] decodeBase64(byte[] b, int from, int to, int[] badAt) {
        byte[] out = new byte[(to - from) / 4 * 3 + 3];
        int n = 0;
        int acc = 0;
        int bits = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            int v = BASE64[c];
            if (v < 0) {
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    continue;
                }
                if (c == '=') {
                    for (int j = i; j < to; j++) {
                        int d = b[j];
                        if (d != '=' && d != ' ' && d != '\t' && d != '\n' && d != '\r') {
                            badAt[0] = j;
                            return null;
                        }
                    }
                    break;
                }
                badAt[0] = i;
                return null;
            }
            acc = acc << 6 | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (acc >> bits);
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
