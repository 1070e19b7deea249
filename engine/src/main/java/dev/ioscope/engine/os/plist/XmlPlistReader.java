package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;

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
public final class XmlPlistReader extends XmlCursor {
    /** OSSet membership is tested pairwise (libkern has no hash for sets), so a set's size is capped. */
    static final int MAX_SET_MEMBERS = 4096;

    private final long maxExpanded;
    private long expanded;
    private Map<String, OSObject> ids;
    private Map<OSObject, Long> idWeights;

    private XmlPlistReader(byte[] b, int from, int to, String name, ParseLimits limits) {
        super(b, from, to, name, limits);
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
}
