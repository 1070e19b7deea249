package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.snapshot.ParseLimits;
import dev.ioscope.engine.snapshot.SnapshotException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fast, secure reader of Apple XML property lists (UTF-8 bytes) into libkern values. Hand-written byte
 * scanner: no DOM, no javax.xml (so no entity expansion or external fetching to switch off), no regex.
 *
 * <p>Mapping, following CFPropertyList and XNU's OSUnserializeXML:
 * <ul>
 * <li>{@code dict} → OSDictionary in file order; a repeated key replaces the earlier value in place
 *     (OSDictionary::setObject).</li>
 * <li>{@code array} → OSArray; {@code set} (an XNU extension) → OSSet.</li>
 * <li>{@code string}, {@code key} → text; entities are only the five XML ones and {@code &#..;} numeric
 *     references; CDATA sections are accepted as CFPropertyList accepts them.</li>
 * <li>{@code integer} → OSNumber via {@link PlistIntegers}: decimal with optional sign or {@code 0x} hex, the
 *     width from XNU's {@code size="N"} attribute, else 32 bits when the value fits a signed 32-bit integer and
 *     64 otherwise.</li>
 * <li>{@code true}/{@code false} → OSBoolean; {@code data} → OSData (base64, whitespace tolerated).</li>
 * <li>{@code real} and {@code date} → OSString holding the element's text unchanged. libkern has no float or
 *     date class and OSUnserializeXML refuses both elements, so no registry can hold one; a plain plist (an
 *     Info.plist) may, and keeping the exact text loses nothing a user could see. Writing it back gives a
 *     {@code string} element: a documented one-way widening.</li>
 * <li>XNU's {@code ID="n"} / {@code IDREF="n"} attributes share one object between places, as
 *     OSUnserializeXML does. An IDREF must name an earlier ID. Because every consumer may expand shared
 *     objects, the expanded size (each IDREF counted as a full copy) is bounded, which defeats
 *     "billion laughs" built from IDREFs.</li>
 * </ul>
 * A DOCTYPE is skipped, never fetched; one with an internal subset (where entities are declared) is refused.
 * Every error is a {@link SnapshotException} naming the line and column.
 */
public final class XmlPlistReader {
    /** OSSet membership is tested pairwise (libkern has no hash for sets), so a set's size is capped. */
    static final int MAX_SET_MEMBERS = 4096;

    private final byte[] b;
    private int p;
    private final int end;
    private final String name;
    private final ParseLimits limits;
    private final PlistText text = new PlistText();
    private final XmlTag tag = new XmlTag();
    private final long maxExpanded;
    private long expanded;
    private Map<String, OSObject> ids;
    private Map<OSObject, Long> idWeights;

    private XmlPlistReader(byte[] b, int from, int to, String name, ParseLimits limits) {
        this.b = b;
        this.p = from;
        this.end = to;
        this.name = name;
        this.limits = limits;
        this.maxExpanded = limits.maxCount() + (long) (to - from);
    }

    /** Reads a whole XML plist document (with or without the {@code <plist>} wrapper). */
    public static OSObject read(byte[] data, String name, ParseLimits limits) throws SnapshotException {
        return read(data, 0, data.length, name, limits);
    }

    /** Reads the document held in {@code data[from, to)}. */
    public static OSObject read(byte[] data, int from, int to, String name, ParseLimits limits)
            throws SnapshotException {
        if (to - from > limits.maxFileBytes()) {
            throw new SnapshotException(name, null, "property list is " + (to - from) + " bytes, larger than the "
                    + limits.maxFileBytes() + "-byte limit");
        }
        return new XmlPlistReader(data, from, to, name, limits).document();
    }

    /** True if {@code head} starts like an XML document (after an optional BOM and whitespace). */
    public static boolean looksLikeXml(byte[] head) {
        int i = skipBomAndSpace(head, 0, head.length);
        return i + 1 < head.length && head[i] == '<' && (head[i + 1] == '?' || head[i + 1] == '!'
                || head[i + 1] == 'p' || head[i + 1] == 'd');
    }

    private static int skipBomAndSpace(byte[] b, int i, int end) {
        if (i + 2 < end && (b[i] & 0xff) == 0xef && (b[i + 1] & 0xff) == 0xbb && (b[i + 2] & 0xff) == 0xbf) {
            i += 3;
        }
        while (i < end && isSpace(b[i])) {
            i++;
        }
        return i;
    }

    private OSObject document() throws SnapshotException {
        p = skipBomAndSpace(b, p, end);
        skipMisc(true);
        if (p >= end) {
            throw error("no property list element found");
        }
        readStartTag();
        OSObject value;
        if (tag.code == XmlTag.PLIST) {
            if (tag.empty) {
                throw error("empty <plist/> holds no value");
            }
            skipMisc(false);
            if (p >= end) {
                throw error("file ends inside <plist>");
            }
            readStartTag();
            value = element(1);
            skipMisc(false);
            expectEndTag(XmlTag.PLIST);
        } else {
            value = element(1);
        }
        skipMisc(false);
        if (p < end) {
            throw error("unexpected content after the end of the property list");
        }
        return value;
    }

    /** Skips whitespace, comments, processing instructions and (in the prolog) one DOCTYPE. */
    private void skipMisc(boolean prolog) throws SnapshotException {
        while (true) {
            while (p < end && isSpace(b[p])) {
                p++;
            }
            if (p + 1 >= end || b[p] != '<') {
                return;
            }
            if (b[p + 1] == '?') {
                int close = indexOf('?', '>', p + 2);
                if (close < 0) {
                    throw error("unterminated processing instruction");
                }
                p = close + 2;
            } else if (startsWith(p, "<!--")) {
                skipComment();
            } else if (startsWith(p, "<!DOCTYPE")) {
                if (!prolog) {
                    throw error("DOCTYPE is only allowed before the property list");
                }
                skipDoctype();
            } else if (b[p + 1] == '!') {
                throw error(startsWith(p, "<!ENTITY") ? "entity declarations are refused"
                        : "unexpected markup declaration");
            } else {
                return;
            }
        }
    }

    private void skipComment() throws SnapshotException {
        int close = indexOf3('-', '-', '>', p + 4);
        if (close < 0) {
            throw error("unterminated comment");
        }
        p = close + 3;
    }

    /**
     * Skips {@code <!DOCTYPE plist PUBLIC "..." "...">}. Nothing is fetched; an internal subset ({@code [ ... ]},
     * where ENTITY declarations live) is refused outright, so no entity can ever be defined.
     */
    private void skipDoctype() throws SnapshotException {
        int i = p + 9;
        byte quote = 0;
        for (; i < end; i++) {
            byte c = b[i];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                p = i;
                throw error("DOCTYPE with an internal subset (entity declarations) is refused");
            } else if (c == '>') {
                p = i + 1;
                return;
            }
        }
        throw error("unterminated DOCTYPE");
    }

    /** Parses the element whose start tag is in {@link #tag}. */
    private OSObject element(int depth) throws SnapshotException {
        if (depth > limits.maxDepth()) {
            throw error("nesting deeper than " + limits.maxDepth() + " levels");
        }
        int code = tag.code;
        String id = tag.id;
        String idref = tag.idref;
        int size = tag.size;
        boolean empty = tag.empty;
        int tagStart = tag.start;
        if (idref != null) {
            if (!empty) {
                throw errorAt(tagStart, "an element with IDREF must be empty");
            }
            OSObject shared = ids == null ? null : ids.get(idref);
            if (shared == null) {
                throw errorAt(tagStart, "IDREF=\"" + idref + "\" refers to no earlier ID");
            }
            count(idWeights.get(shared));
            return shared;
        }
        long before = expanded;
        count(1);
        OSObject value = switch (code) {
            case XmlTag.DICT -> empty ? OSDictionary.empty() : dict(depth);
            case XmlTag.ARRAY -> empty ? OSArray.of() : OSArray.of(list(depth, XmlTag.ARRAY, "array"));
            case XmlTag.SET -> empty ? OSSet.of() : set(depth);
            case XmlTag.STRING -> new OSString(empty ? "" : text(XmlTag.STRING));
            case XmlTag.KEY -> throw errorAt(tagStart, "<key> outside a <dict>");
            case XmlTag.INTEGER -> integer(size, empty, tagStart);
            case XmlTag.REAL, XmlTag.DATE -> new OSString(empty ? "" : text(code));
            case XmlTag.TRUE, XmlTag.FALSE -> {
                if (!empty) {
                    skipMisc(false);
                    expectEndTag(code);
                }
                yield OSBoolean.of(code == XmlTag.TRUE);
            }
            case XmlTag.DATA -> empty ? OSData.wrap(new byte[0]) : data();
            case XmlTag.PLIST -> throw errorAt(tagStart, "<plist> nested inside a value");
            default -> throw errorAt(tagStart, "unknown element <" + tag.nameText(b) + ">");
        };
        if (id != null) {
            if (ids == null) {
                ids = new HashMap<>();
                idWeights = new IdentityHashMap<>();
            }
            if (ids.size() >= limits.maxCount()) {
                throw errorAt(tagStart, "more than " + limits.maxCount() + " IDs");
            }
            ids.put(id, value);
            idWeights.merge(value, expanded - before, Math::max);
        }
        return value;
    }

    private void count(long n) throws SnapshotException {
        expanded += n;
        if (expanded > maxExpanded) {
            throw error("more than " + maxExpanded + " values (counting every IDREF as a copy)");
        }
    }

    private OSDictionary dict(int depth) throws SnapshotException {
        OSDictionary.Builder d = OSDictionary.builder();
        while (true) {
            skipMisc(false);
            if (p + 1 < end && b[p] == '<' && b[p + 1] == '/') {
                expectEndTag(XmlTag.DICT);
                return d.build();
            }
            if (p >= end) {
                throw error("file ends inside <dict>");
            }
            readStartTag();
            if (tag.code != XmlTag.KEY) {
                throw errorAt(tag.start, "expected <key> in <dict>, found <" + tag.nameText(b) + ">");
            }
            String key = tag.empty ? "" : text(XmlTag.KEY);
            skipMisc(false);
            if (p >= end) {
                throw error("file ends after <key>" + key + "</key>");
            }
            if (p + 1 < end && b[p] == '<' && b[p + 1] == '/') {
                throw error("key \"" + key + "\" has no value");
            }
            readStartTag();
            d.put(key, element(depth + 1));
            if (d.size() > limits.maxCount()) {
                throw error("dictionary with more than " + limits.maxCount() + " entries");
            }
        }
    }

    private List<OSObject> list(int depth, int code, String what) throws SnapshotException {
        List<OSObject> items = new ArrayList<>();
        while (true) {
            skipMisc(false);
            if (p + 1 < end && b[p] == '<' && b[p + 1] == '/') {
                expectEndTag(code);
                return items;
            }
            if (p >= end) {
                throw error("file ends inside <" + what + ">");
            }
            readStartTag();
            items.add(element(depth + 1));
            if (items.size() > limits.maxCount()) {
                throw error(what + " with more than " + limits.maxCount() + " elements");
            }
        }
    }

    private OSSet set(int depth) throws SnapshotException {
        int start = p;
        List<OSObject> members = list(depth, XmlTag.SET, "set");
        if (members.size() > MAX_SET_MEMBERS) {
            throw errorAt(start, "set with more than " + MAX_SET_MEMBERS + " members");
        }
        return new OSSet(members);
    }

    private OSObject integer(int size, boolean empty, int tagStart) throws SnapshotException {
        if (empty) {
            throw errorAt(tagStart, "empty <integer/>");
        }
        int start = p;
        int lt = indexOfByte('<', p);
        if (lt < 0) {
            throw error("file ends inside <integer>");
        }
        p = lt;
        expectEndTag(XmlTag.INTEGER);
        OSObject n = PlistIntegers.parse(b, start, lt, size);
        if (n == null) {
            throw errorAt(start, "not an integer: \"" + PlistIntegers.show(b, start, lt) + "\"");
        }
        return n;
    }

    private OSData data() throws SnapshotException {
        int start = p;
        int lt = indexOfByte('<', p);
        if (lt < 0) {
            throw error("file ends inside <data>");
        }
        if ((lt - start) / 4L * 3 > limits.maxStringBytes()) {
            throw errorAt(start, "data longer than the " + limits.maxStringBytes() + "-byte limit");
        }
        int[] bad = new int[1];
        byte[] bytes = PlistText.decodeBase64(b, start, lt, bad);
        if (bytes == null) {
            throw errorAt(bad[0], "invalid base64 character in <data>");
        }
        p = lt;
        expectEndTag(XmlTag.DATA);
        return OSData.wrap(bytes);
    }

    /** Reads character data up to the end tag {@code code}, resolving entities and CDATA sections. */
    private String text(int code) throws SnapshotException {
        int start = p;
        int i = start;
        while (i < end) {
            byte c = b[i];
            if (c == '<' || c == '&') {
                break;
            }
            i++;
        }
        if (i >= end) {
            throw error("file ends inside <" + XmlTag.name(code) + ">");
        }
        String s;
        if (b[i] == '<' && i + 1 < end && b[i + 1] == '/') {
            checkLength(start, i - start);
            s = text.string(b, start, i);
            p = i;
        } else {
            s = slowText(start, i);
        }
        expectEndTag(code);
        return s;
    }

    private String slowText(int start, int i) throws SnapshotException {
        PlistText t = text;
        t.reset();
        t.append(b, start, i);
        p = i;
        while (true) {
            checkLength(start, t.length());
            if (p >= end) {
                throw error("file ends inside text");
            }
            byte c = b[p];
            if (c == '&') {
                entity();
            } else if (c == '<') {
                if (p + 1 < end && b[p + 1] == '/') {
                    return t.bufferString();
                } else if (startsWith(p, "<![CDATA[")) {
                    int close = indexOf3(']', ']', '>', p + 9);
                    if (close < 0) {
                        throw error("unterminated CDATA section");
                    }
                    t.append(b, p + 9, close);
                    p = close + 3;
                } else if (startsWith(p, "<!--")) {
                    skipComment();
                } else {
                    throw error("unexpected element inside text");
                }
            } else {
                int q = p;
                while (q < end && b[q] != '<' && b[q] != '&') {
                    q++;
                }
                t.append(b, p, q);
                p = q;
            }
        }
    }

    /** Resolves one entity reference: the five predefined ones and numeric character references only. */
    private void entity() throws SnapshotException {
        int semi = -1;
        for (int j = p + 1; j < end && j < p + 12; j++) {
            if (b[j] == ';') {
                semi = j;
                break;
            }
        }
        if (semi < 0) {
            throw error("'&' that does not start an entity reference (write &amp;)");
        }
        int cp;
        if (b[p + 1] == '#') {
            cp = numericReference(p + 2, semi);
        } else {
            String ref = new String(b, p + 1, semi - p - 1, java.nio.charset.StandardCharsets.US_ASCII);
            cp = switch (ref) {
                case "lt" -> '<';
                case "gt" -> '>';
                case "amp" -> '&';
                case "quot" -> '"';
                case "apos" -> '\'';
                default -> throw error("unknown entity &" + ref + "; (only &lt; &gt; &amp; &quot; &apos; and "
                        + "numeric references are allowed)");
            };
        }
        text.appendCodePoint(cp);
        p = semi + 1;
    }

    private int numericReference(int from, int to) throws SnapshotException {
        int radix = 10;
        if (from < to && (b[from] == 'x' || b[from] == 'X')) {
            radix = 16;
            from++;
        }
        if (from >= to) {
            throw error("empty character reference");
        }
        int v = 0;
        for (int j = from; j < to; j++) {
            int d = Character.digit(b[j], radix);
            if (d < 0 || v > 0x10ffff) {
                throw error("bad character reference");
            }
            v = v * radix + d;
        }
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
            throw error("character reference out of the Unicode range");
        }
        return v;
    }

    private void checkLength(int start, int n) throws SnapshotException {
        if (n > limits.maxStringBytes()) {
            throw errorAt(start, "text longer than the " + limits.maxStringBytes() + "-byte limit");
        }
    }

    private void readStartTag() throws SnapshotException {
        p = tag.readStart(b, p, end);
        if (p < 0) {
            p = -p - 1;
            throw error(tag.problem);
        }
    }

    private void expectEndTag(int code) throws SnapshotException {
        int q = XmlTag.readEnd(b, p, end, code);
        if (q < 0) {
            throw error(p >= end ? "file ends before </" + XmlTag.name(code) + ">"
                    : "expected </" + XmlTag.name(code) + ">");
        }
        p = q;
    }

    private boolean startsWith(int at, String s) {
        if (at + s.length() > end) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOfByte(int c, int from) {
        for (int i = from; i < end; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(int c1, int c2, int from) {
        for (int i = from; i + 1 < end; i++) {
            if (b[i] == c1 && b[i + 1] == c2) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf3(int c1, int c2, int c3, int from) {
        for (int i = from; i + 2 < end; i++) {
            if (b[i] == c1 && b[i + 1] == c2 && b[i + 2] == c3) {
                return i;
            }
        }
        return -1;
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private SnapshotException error(String problem) {
        return errorAt(Math.min(p, end), problem);
    }

    private SnapshotException errorAt(int at, String problem) {
        return new SnapshotException(name, place(b, at), problem);
    }

    /** "line L:column C" for a byte offset (columns count bytes, 1-based); computed only on error. */
    static String place(byte[] b, int at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at && i < b.length; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ":" + (at - lineStart + 1);
    }
}
