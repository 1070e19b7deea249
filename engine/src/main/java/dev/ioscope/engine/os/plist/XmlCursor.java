package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;

import java.nio.charset.StandardCharsets;

/**
 * The byte-level XML layer under {@link XmlPlistReader}: a cursor over UTF-8 bytes that skips the prolog
 * (declaration, comments, one DOCTYPE that is never fetched and may not declare entities), reads tags through
 * {@link XmlTag}, reads character data with the five predefined entities, numeric references and CDATA, and
 * builds errors that name the line and column.
 */
abstract class XmlCursor {
    final byte[] b;
    int p;
    final int end;
    final String name;
    final ParseLimits limits;
    final PlistText text = new PlistText();
    final XmlTag tag = new XmlTag();

    XmlCursor(byte[] b, int from, int to, String name, ParseLimits limits) {
        this.b = b;
        this.p = from;
        this.end = to;
        this.name = name;
        this.limits = limits;
    }

    static int skipBomAndSpace(byte[] b, int i, int end) {
        if (i + 2 < end && (b[i] & 0xff) == 0xef && (b[i + 1] & 0xff) == 0xbb && (b[i + 2] & 0xff) == 0xbf) {
            i += 3;
        }
        while (i < end && isSpace(b[i])) {
            i++;
        }
        return i;
    }

    /** Skips whitespace, comments, processing instructions and (in the prolog) one DOCTYPE. */
    void skipMisc(boolean prolog) throws SnapshotException {
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

    void skipComment() throws SnapshotException {
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
    void skipDoctype() throws SnapshotException {
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

    /** Reads character data up to the end tag {@code code}, resolving entities and CDATA sections. */
    String text(int code) throws SnapshotException {
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

    String slowText(int start, int i) throws SnapshotException {
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
    void entity() throws SnapshotException {
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
            String ref = new String(b, p + 1, semi - p - 1, StandardCharsets.US_ASCII);
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

    int numericReference(int from, int to) throws SnapshotException {
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

    void checkLength(int start, int n) throws SnapshotException {
        if (n > limits.maxStringBytes()) {
            throw errorAt(start, "text longer than the " + limits.maxStringBytes() + "-byte limit");
        }
    }

    void readStartTag() throws SnapshotException {
        p = tag.readStart(b, p, end);
        if (p < 0) {
            p = -p - 1;
            throw error(tag.problem);
        }
    }

    void expectEndTag(int code) throws SnapshotException {
        int q = XmlTag.readEnd(b, p, end, code);
        if (q < 0) {
            throw error(p >= end ? "file ends before </" + XmlTag.name(code) + ">"
                    : "expected </" + XmlTag.name(code) + ">");
        }
        p = q;
    }

    boolean startsWith(int at, String s) {
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

    int indexOfByte(int c, int from) {
        for (int i = from; i < end; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    int indexOf(int c1, int c2, int from) {
        for (int i = from; i + 1 < end; i++) {
            if (b[i] == c1 && b[i + 1] == c2) {
                return i;
            }
        }
        return -1;
    }

    int indexOf3(int c1, int c2, int c3, int from) {
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

    SnapshotException error(String problem) {
        return errorAt(Math.min(p, end), problem);
    }

    SnapshotException errorAt(int at, String problem) {
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
