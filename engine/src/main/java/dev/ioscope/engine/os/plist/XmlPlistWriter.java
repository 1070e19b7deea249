package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;
import dev.ioscope.engine.os.OSUnserializable;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/**
 * Writes libkern values as an Apple-style XML property list, laid out as CFPropertyListWrite lays it out
 * (tab indents, the standard header and DOCTYPE, {@code <dict/>} for empty containers, base64 lines of
 * 76 - 8 &times; indent characters), so that {@link XmlPlistReader} reads back an {@code equals} value:
 * <ul>
 * <li>numbers are printed signed in their width, with {@code size="N"} only where {@link PlistIntegers}'s
 *     default would give another width (8- and 16-bit numbers, small 64-bit ones);</li>
 * <li>OSSet is written as XNU's {@code <set>}; OSSymbol and OSUnserializable as {@code <string>} (the kernel
 *     serializes both as strings, so they read back as OSString, equal under {@code isEqualTo}).</li>
 * </ul>
 * Text escapes {@code & < >} only, as CoreFoundation does.
 */
public final class XmlPlistWriter {
    /** Dictionary key order: the table's own (lossless) or sorted, as CoreFoundation writes XML plists. */
    public enum KeyOrder { TABLE, SORTED }

    public static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
            + "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
            + "<plist version=\"1.0\">\n";
    public static final String FOOTER = "</plist>\n";

    private static final char[] BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final String TABS = "\t".repeat(64);

    private final KeyOrder order;

    public XmlPlistWriter(KeyOrder order) {
        this.order = order;
    }

    public KeyOrder order() {
        return order;
    }

    /** A whole document: header, the value at indent 0, footer. */
    public void writeDocument(OSObject value, Writer w) throws IOException {
        w.write(HEADER);
        writeValue(value, 0, w);
        w.write(FOOTER);
    }

    /** The document as a String (for small values and tests). */
    public String toXml(OSObject value) {
        StringWriter sw = new StringWriter();
        try {
            writeDocument(value, sw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** Writes one value starting on its own line at {@code indent} tabs, ending with a newline. */
    public void writeValue(OSObject value, int indent, Writer w) throws IOException {
        if (value instanceof OSDictionary d) {
            writeDictionary(d, indent, w);
        } else if (value instanceof OSArray a) {
            writeList("array", a.items(), indent, w);
        } else if (value instanceof OSSet s) {
            writeList("set", s.members(), indent, w);
        } else if (value instanceof OSString s) {
            writeString("string", s.value(), indent, w);
        } else if (value instanceof OSSymbol s) {
            writeString("string", s.value(), indent, w);
        } else if (value instanceof OSUnserializable u) {
            writeString("string", u.text(), indent, w);
        } else if (value instanceof OSNumber n) {
            writeNumber(n, indent, w);
        } else if (value instanceof OSBoolean bo) {
            indentTo(indent, w);
            w.write(bo.value() ? "<true/>\n" : "<false/>\n");
        } else if (value instanceof OSData d) {
            writeData(d, indent, w);
        } else {
            throw new IllegalArgumentException("no plist form for " + value.typeName());
        }
    }

    private void writeDictionary(OSDictionary d, int indent, Writer w) throws IOException {
        indentTo(indent, w);
        if (d.isEmpty()) {
            w.write("<dict/>\n");
            return;
        }
        w.write("<dict>\n");
        Integer[] idx = keyOrder(d);
        for (Integer i : idx) {
            writeKey(d.keyAt(i), indent + 1, w);
            writeValue(d.valueAt(i), indent + 1, w);
        }
        indentTo(indent, w);
        w.write("</dict>\n");
    }

    private Integer[] keyOrder(OSDictionary d) {
        Integer[] idx = new Integer[d.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        if (order == KeyOrder.SORTED) {
            Arrays.sort(idx, (x, y) -> d.keyAt(x).compareTo(d.keyAt(y)));
        }
        return idx;
    }

    /** {@code <key>k</key>} on its own line. */
    public void writeKey(String key, int indent, Writer w) throws IOException {
        writeString("key", key, indent, w);
    }

    private void writeList(String tag, List<OSObject> items, int indent, Writer w) throws IOException {
        indentTo(indent, w);
        if (items.isEmpty()) {
            w.write('<');
            w.write(tag);
            w.write("/>\n");
            return;
        }
        w.write('<');
        w.write(tag);
        w.write(">\n");
        for (OSObject o : items) {
            writeValue(o, indent + 1, w);
        }
        indentTo(indent, w);
        w.write("</");
        w.write(tag);
        w.write(">\n");
    }

    private static void writeString(String tag, String s, int indent, Writer w) throws IOException {
        indentTo(indent, w);
        w.write('<');
        w.write(tag);
        w.write('>');
        escape(s, w);
        w.write("</");
        w.write(tag);
        w.write(">\n");
    }

    static void escape(String s, Writer w) throws IOException {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : null;
            if (rep != null) {
                w.write(s, from, i - from);
                w.write(rep);
                from = i + 1;
            }
        }
        w.write(s, from, s.length() - from);
    }

    private static void writeNumber(OSNumber n, int indent, Writer w) throws IOException {
        indentTo(indent, w);
        if (PlistIntegers.needsSize(n)) {
            w.write("<integer size=\"");
            w.write(Integer.toString(n.bits()));
            w.write("\">");
        } else {
            w.write("<integer>");
        }
        w.write(Long.toString(n.signedValue()));
        w.write("</integer>\n");
    }

    /** CFPropertyList's base64 layout: lines of 76 - 8 * indent characters (indent capped at 8). */
    private static void writeData(OSData d, int indent, Writer w) throws IOException {
        indentTo(indent, w);
        w.write("<data>\n");
        int ind = Math.min(indent, 8);
        int lineMax = 76 - 8 * ind;
        char[] line = new char[lineMax + 4];
        int pos = 0;
        int n = d.length();
        int i = 0;
        for (; i + 2 < n; i += 3) {
            int v = (d.byteAt(i) & 0xff) << 16 | (d.byteAt(i + 1) & 0xff) << 8 | (d.byteAt(i + 2) & 0xff);
            line[pos++] = BASE64[v >>> 18];
            line[pos++] = BASE64[v >>> 12 & 63];
            line[pos++] = BASE64[v >>> 6 & 63];
            line[pos++] = BASE64[v & 63];
            if (pos >= lineMax) {
                indentTo(indent, w);
                w.write(line, 0, pos);
                w.write('\n');
                pos = 0;
            }
        }
        if (i < n) {
            int v = (d.byteAt(i) & 0xff) << 16 | (i + 1 < n ? (d.byteAt(i + 1) & 0xff) << 8 : 0);
            line[pos++] = BASE64[v >>> 18];
            line[pos++] = BASE64[v >>> 12 & 63];
            line[pos++] = i + 1 < n ? BASE64[v >>> 6 & 63] : '=';
            line[pos++] = '=';
        }
        if (pos > 0) {
            indentTo(indent, w);
            w.write(line, 0, pos);
            w.write('\n');
        }
        indentTo(indent, w);
        w.write("</data>\n");
    }

    /** Writes {@code indent} tabs. */
    public static void indentTo(int indent, Writer w) throws IOException {
        int n = indent;
        while (n > 0) {
            int k = Math.min(n, TABS.length());
            w.write(TABS, 0, k);
            n -= k;
        }
    }
}
