package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.io.SnapshotException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Character-level reader of device tree source for {@link DtsParser}: skips white space, C and C++ comments and
 * cpp line markers, and follows includes ({@code /include/ "f"}, and {@code #include "f"} / {@code <f>} at the
 * start of a line) the way dtc's lexer does, by pushing the included text and popping back at its end.
 * Text is decoded as ISO-8859-1 so that every char is exactly one source byte, as dtc copies string bytes.
 */
final class DtsScanner {
    static final int EOF = -1;
    static final int MAX_INCLUDE_DEPTH = 32;
    private static final Set<String> CPP_DIRECTIVES = Set.of("define", "undef", "if", "ifdef", "ifndef", "elif",
            "else", "endif", "error", "warning", "pragma", "line");

    private final String topName;
    private final SourceResolver resolver;
    private final long maxBytes;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private Frame f;

    DtsScanner(byte[] data, String topName, SourceResolver resolver, long maxBytes) {
        this.topName = topName;
        this.resolver = resolver;
        this.maxBytes = maxBytes;
        this.f = new Frame(resolver.topName(), text(data));
    }

    /** The bytes as chars, one per byte, without a UTF-8 byte order mark (editors on Windows add one). */
    private static String text(byte[] data) {
        boolean bom = data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb
                && (data[2] & 0xff) == 0xbf;
        return new String(data, bom ? 3 : 0, data.length - (bom ? 3 : 0), StandardCharsets.ISO_8859_1);
    }

    /** Skips trivia and includes; returns the next char without consuming it, or EOF at the very end. */
    int peek() throws SnapshotException {
        skipTrivia();
        return f.pos < f.text.length() ? f.text.charAt(f.pos) : EOF;
    }

    /** The char {@code k} places after the current one, in the current source, without skipping anything. */
    int peekRaw(int k) {
        int p = f.pos + k;
        return p < f.text.length() ? f.text.charAt(p) : EOF;
    }

    /** True if the text at the current position (after trivia) starts with {@code s}. */
    boolean at(String s) throws SnapshotException {
        peek();
        return f.text.startsWith(s, f.pos);
    }

    /** Consumes {@code s} if it is next. */
    boolean accept(String s) throws SnapshotException {
        if (at(s)) {
            advance(s.length());
            return true;
        }
        return false;
    }

    void expect(String s, String what) throws SnapshotException {
        if (!accept(s)) {
            throw fail("expected " + what + " but found " + describeNext());
        }
    }

    /** Consumes one raw char (no trivia skipping); EOF at the end of the current source. */
    int next() {
        if (f.pos >= f.text.length()) {
            return EOF;
        }
        char c = f.text.charAt(f.pos);
        advance(1);
        return c;
    }

    void advance(int n) {
        for (int i = 0; i < n && f.pos < f.text.length(); i++) {
            char c = f.text.charAt(f.pos++);
            if (c == '\n') {
                f.line++;
                f.col = 1;
                f.blankSoFar = true;
            } else {
                f.col++;
                f.blankSoFar &= c == ' ' || c == '\t' || c == '\r';
            }
        }
    }

    /** Reads the longest run of chars accepted by {@code cls} at the current position (after trivia). */
    String run(CharClass cls) throws SnapshotException {
        peek();
        int start = f.pos;
        while (f.pos < f.text.length() && cls.test(f.text.charAt(f.pos))) {
            advance(1);
        }
        return f.text.substring(start, f.pos);
    }

    String describeNext() throws SnapshotException {
        int c = peek();
        if (c == EOF) {
            return "the end of the file";
        }
        int end = f.pos;
        while (end < f.text.length() && end - f.pos < 20 && !Character.isWhitespace(f.text.charAt(end))) {
            end++;
        }
        return "'" + f.text.substring(f.pos, Math.max(end, f.pos + 1)) + "'";
    }

    String place() {
        String where = "line " + f.line + ", column " + f.col;
        return f.name == null || frames.isEmpty() ? where : f.name + ", " + where;
    }

    String file() {
        return topName;
    }

    SnapshotException fail(String problem) {
        return new SnapshotException(topName, place(), problem);
    }

    private void skipTrivia() throws SnapshotException {
        while (true) {
            if (f.pos >= f.text.length()) {
                if (frames.isEmpty()) {
                    return;
                }
                f = frames.pop();
                continue;
            }
            char c = f.text.charAt(f.pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b) {
                advance(1);
            } else if (f.text.startsWith("/*", f.pos)) {
                int end = f.text.indexOf("*/", f.pos + 2);
                if (end < 0) {
                    throw fail("comment is not closed with */");
                }
                advance(end + 2 - f.pos);
            } else if (f.text.startsWith("//", f.pos)) {
                skipLine();
            } else if (f.text.startsWith("/include/", f.pos)) {
                String where = place();
                advance("/include/".length());
                include(quoted('"', '"'), false, where);
            } else if (c == '#' && atLineStart()) {
                if (!directive()) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    /** Handles a '#' line; false if it is not a directive (a property such as #address-cells). */
    private boolean directive() throws SnapshotException {
        int p = f.pos + 1;
        while (p < f.text.length() && (f.text.charAt(p) == ' ' || f.text.charAt(p) == '\t')) {
            p++;
        }
        int wordEnd = p;
        while (wordEnd < f.text.length() && Character.isLetter(f.text.charAt(wordEnd))) {
            wordEnd++;
        }
        String word = f.text.substring(p, wordEnd);
        boolean wordEnds = wordEnd >= f.text.length() || " \t\"<\r\n".indexOf(f.text.charAt(wordEnd)) >= 0;
        if (word.equals("include") && wordEnds) {
            String where = place();
            advance(wordEnd - f.pos);
            peekInline();
            char open = f.pos < f.text.length() ? f.text.charAt(f.pos) : ' ';
            if (open != '"' && open != '<') {
                throw fail("#include needs a \"file\" or <file>");
            }
            include(quoted(open, open == '<' ? '>' : '"'), open == '<', where);
            return true;
        }
        if (word.isEmpty() && p < f.text.length() && Character.isDigit(f.text.charAt(p))) {
            skipLine(); // a cpp line marker: # 12 "file.dts"
            return true;
        }
        if (CPP_DIRECTIVES.contains(word) && wordEnds) {
            throw fail("C preprocessor directive #" + word + " is not supported; run the file through cpp first");
        }
        return false;
    }

    private void peekInline() {
        while (f.pos < f.text.length() && (f.text.charAt(f.pos) == ' ' || f.text.charAt(f.pos) == '\t')) {
            advance(1);
        }
    }

    /** Only blanks before the current position on its line (kept as we go: no scan back on long lines). */
    private boolean atLineStart() {
        return f.blankSoFar;
    }

    private void skipLine() {
        int end = f.text.indexOf('\n', f.pos);
        advance((end < 0 ? f.text.length() : end) - f.pos);
    }

    /** Reads a "quoted" include path on the current line (no escapes, as dtc and cpp take it). */
    private String quoted(char open, char close) throws SnapshotException {
        peekInline();
        if (f.pos >= f.text.length() || f.text.charAt(f.pos) != open) {
            throw fail("expected a quoted file name after the include");
        }
        int end = f.text.indexOf(close, f.pos + 1);
        int nl = f.text.indexOf('\n', f.pos + 1);
        if (end < 0 || (nl >= 0 && nl < end)) {
            throw fail("include file name is not closed on its line");
        }
        String path = f.text.substring(f.pos + 1, end);
        advance(end + 1 - f.pos);
        return path;
    }

    private void include(String path, boolean system, String where) throws SnapshotException {
        if (frames.size() + 1 >= MAX_INCLUDE_DEPTH) {
            throw new SnapshotException(topName, where, "includes nested deeper than " + MAX_INCLUDE_DEPTH);
        }
        SourceResolver.Source src;
        try {
            src = resolver.open(f.name, path, system);
        } catch (IOException | RuntimeException e) {
            throw new SnapshotException(topName, where, "cannot include '" + path + "': " + e.getMessage());
        }
        if (src.data().length > maxBytes) {
            throw new SnapshotException(topName, where, "included '" + path + "' is over the size limit");
        }
        if (src.name() != null
                && (src.name().equals(f.name) || frames.stream().anyMatch(x -> src.name().equals(x.name)))) {
            throw new SnapshotException(topName, where, "include cycle: '" + src.name() + "' includes itself");
        }
        frames.push(f);
        f = new Frame(src.name(), text(src.data()));
    }

    /** A predicate on chars (avoids boxing). */
    interface CharClass {
        boolean test(char c);
    }

    private static final class Frame {
        final String name;
        final String text;
        int pos;
        int line = 1;
        int col = 1;
        boolean blankSoFar = true;

        Frame(String name, String text) {
            this.name = name;
            this.text = text;
        }
    }
}
