package dev.ioscope.engine.os.plist;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Scans one plist start tag at the byte level: the element (as a small code), whether it is empty
 * ({@code <x/>}), and the three attributes XNU's OSUnserializeXML gives meaning to: {@code ID}, {@code IDREF} and
 * {@code size}. Other attributes (such as {@code version} on {@code plist}) are skipped. Reused for every tag.
 */
final class XmlTag {
    static final int UNKNOWN = 0;
    static final int PLIST = 1;
    static final int DICT = 2;
    static final int ARRAY = 3;
    static final int SET = 4;
    static final int KEY = 5;
    static final int STRING = 6;
    static final int INTEGER = 7;
    static final int REAL = 8;
    static final int TRUE = 9;
    static final int FALSE = 10;
    static final int DATA = 11;
    static final int DATE = 12;

    private static final String[] NAMES = {
        "?", "plist", "dict", "array", "set", "key", "string", "integer", "real", "true", "false", "data", "date"};
    private static final byte[][] NAME_BYTES = new byte[NAMES.length][];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            NAME_BYTES[i] = NAMES[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    int code;
    int start;
    int nameFrom;
    int nameTo;
    boolean empty;
    String id;
    String idref;
    /** The {@code size} attribute of an integer, or -1. */
    int size;
    String problem;

    static String name(int code) {
        return NAMES[code];
    }

    String nameText(byte[] b) {
        return new String(b, nameFrom, nameTo - nameFrom, StandardCharsets.UTF_8);
    }

    /**
     * Reads a start tag at {@code p} (which must be '<'). Returns the offset after it, or {@code -(at + 1)} with
     * {@link #problem} set when the tag is malformed at offset {@code at}.
     */
    int readStart(byte[] b, int p, int end) {
        start = p;
        id = null;
        idref = null;
        size = -1;
        empty = false;
        if (p >= end || b[p] != '<') {
            problem = p >= end ? "file ends where an element was expected" : "expected an element";
            return -(p + 1);
        }
        int i = p + 1;
        nameFrom = i;
        while (i < end && isNameByte(b[i])) {
            i++;
        }
        nameTo = i;
        if (nameTo == nameFrom) {
            problem = "expected an element name";
            return -(i + 1);
        }
        code = lookup(b, nameFrom, nameTo);
        while (true) {
            while (i < end && XmlPlistReader.isSpace(b[i])) {
                i++;
            }
            if (i >= end) {
                problem = "file ends inside a tag";
                return -(i + 1);
            }
            byte c = b[i];
            if (c == '>') {
                return i + 1;
            }
            if (c == '/') {
                if (i + 1 < end && b[i + 1] == '>') {
                    empty = true;
                    return i + 2;
                }
                problem = "expected '>' after '/'";
                return -(i + 1);
            }
            int attrFrom = i;
            while (i < end && isNameByte(b[i])) {
                i++;
            }
            int attrTo = i;
            if (attrTo == attrFrom) {
                problem = "unexpected character in a tag";
                return -(i + 1);
            }
            while (i < end && XmlPlistReader.isSpace(b[i])) {
                i++;
            }
            if (i >= end || b[i] != '=') {
                problem = "attribute without a value";
                return -(i + 1);
            }
            i++;
            while (i < end && XmlPlistReader.isSpace(b[i])) {
                i++;
            }
            if (i >= end || (b[i] != '"' && b[i] != '\'')) {
                problem = "attribute value must be quoted";
                return -(i + 1);
            }
            byte quote = b[i++];
            int valueFrom = i;
            while (i < end && b[i] != quote && b[i] != '<') {
                i++;
            }
            if (i >= end || b[i] != quote) {
                problem = "unterminated attribute value";
                return -(i + 1);
            }
            int valueTo = i++;
            if (!attribute(b, attrFrom, attrTo, valueFrom, valueTo)) {
                return -(valueFrom + 1);
            }
        }
    }

    private boolean attribute(byte[] b, int nameFrom, int nameTo, int valueFrom, int valueTo) {
        int n = nameTo - nameFrom;
        String value = null;
        if (n == 2 && b[nameFrom] == 'I' && b[nameFrom + 1] == 'D') {
            id = value = new String(b, valueFrom, valueTo - valueFrom, StandardCharsets.UTF_8);
        } else if (n == 5 && matches(b, nameFrom, "IDREF")) {
            idref = value = new String(b, valueFrom, valueTo - valueFrom, StandardCharsets.UTF_8);
        } else if (n == 4 && matches(b, nameFrom, "size")) {
            size = parseSize(b, valueFrom, valueTo);
            if (size < 0) {
                problem = "size must be 8, 16, 32 or 64";
                return false;
            }
        }
        if (value != null && (value.isEmpty() || value.length() > 32)) {
            problem = "ID/IDREF must be 1 to 32 characters";
            return false;
        }
        return true;
    }

    /** OSNumber widths only (XNU reads size with strtoul and OSNumber::init accepts up to 64). */
    private static int parseSize(byte[] b, int from, int to) {
        int v = 0;
        if (from == to || to - from > 2) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            v = v * 10 + b[i] - '0';
        }
        return v == 8 || v == 16 || v == 32 || v == 64 ? v : -1;
    }

    /** Reads {@code </name>} for {@code code} at {@code p}; returns the offset after it, or -1. */
    static int readEnd(byte[] b, int p, int end, int code) {
        byte[] nm = NAME_BYTES[code];
        if (p + 2 + nm.length >= end + 1 || b[p] != '<' || b[p + 1] != '/') {
            return -1;
        }
        int i = p + 2;
        for (byte c : nm) {
            if (i >= end || b[i++] != c) {
                return -1;
            }
        }
        while (i < end && XmlPlistReader.isSpace(b[i])) {
            i++;
        }
        return i < end && b[i] == '>' ? i + 1 : -1;
    }

    private static int lookup(byte[] b, int from, int to) {
        for (int c = 1; c < NAME_BYTES.length; c++) {
            byte[] nm = NAME_BYTES[c];
            if (nm.length == to - from && nm[0] == b[from]
                    && Arrays.equals(nm, 0, nm.length, b, from, to)) {
                return c;
            }
        }
        return UNKNOWN;
    }

    private static boolean matches(byte[] b, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameByte(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                || c == ':' || c == '.';
    }
}
