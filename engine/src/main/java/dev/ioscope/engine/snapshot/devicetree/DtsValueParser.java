package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.io.SnapshotException;

import java.io.ByteArrayOutputStream;

/**
 * Property values and integer expressions of device tree source, encoded as dtc encodes them in the .dtb
 * (dtc-parser.y / data.c): strings with their NUL, {@code <cells>} as big-endian words of 32 bits or of
 * {@code /bits/ 8|16|32|64}, {@code [bytes]}, and {@code &ref} as a path string; pieces joined by ','.
 * References are left as markers for {@link DtsFixups}: a phandle cell holds 0xffffffff until then.
 */
final class DtsValueParser {
    static final DtsScanner.CharClass LABEL_CHARS = c -> c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9');
    private static final DtsScanner.CharClass PATH_CHARS = c -> DtsParser.PROP_NODE_CHARS.test(c) || c == '/';
    private static final DtsScanner.CharClass LITERAL_CHARS = c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
            || (c >= 'A' && c <= 'Z');
    /** Nested parentheses and unary operators; far beyond real sources, well within the Java stack. */
    private static final int MAX_EXPRESSION_DEPTH = 200;

    private final DtsScanner in;
    private final int maxValueBytes;
    private int exprDepth;

    DtsValueParser(DtsScanner in, int maxValueBytes) {
        this.in = in;
        this.maxValueBytes = maxValueBytes;
    }

    /** Parses a value after '=' up to (not including) the ';' into {@code prop}. */
    void parseValue(DtProperty prop) throws SnapshotException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            skipLabels();
            int c = in.peek();
            if (c == '"') {
                string(out);
            } else if (c == '<') {
                cells(out, prop, 32);
            } else if (in.accept("/bits/")) {
                int bits = (int) primary();
                if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
                    throw in.fail("/bits/ must be 8, 16, 32 or 64, not " + bits);
                }
                if (in.peek() != '<') {
                    throw in.fail("expected '<' after /bits/ " + bits);
                }
                cells(out, prop, bits);
            } else if (c == '[') {
                bytes(out);
            } else if (c == '&') {
                String place = in.place();
                prop.references.add(new DtProperty.Reference(out.size(), reference(), false, place));
            } else if (in.at("/incbin/")) {
                throw in.fail("/incbin/ is not supported");
            } else {
                throw in.fail("expected a property value but found " + in.describeNext());
            }
            skipLabels();
            checkSize(out);
        } while (in.accept(","));
        prop.value = out.toByteArray();
    }

    private void checkSize(ByteArrayOutputStream out) throws SnapshotException {
        if (out.size() > maxValueBytes) {
            throw in.fail("property value is over the " + maxValueBytes + "-byte limit");
        }
    }

    /** Labels inside values ({@code reg = <1 lbl: 2>}) mark offsets for overlays; the .dtb has no trace of them. */
    private void skipLabels() throws SnapshotException {
        while (true) {
            in.peek();
            int n = 0;
            while (LABEL_CHARS.test((char) Math.max(in.peekRaw(n), 0))) {
                n++;
            }
            if (n == 0 || in.peekRaw(n) != ':' || Character.isDigit((char) in.peekRaw(0))) {
                return;
            }
            in.advance(n + 1);
        }
    }

    /** {@code &label} or {@code &{/path}}: returns the label or the path. */
    String reference() throws SnapshotException {
        in.expect("&", "'&'");
        if (in.peekRaw(0) == '{') {
            in.advance(1);
            int n = 0;
            while (PATH_CHARS.test((char) Math.max(in.peekRaw(n), 0))) {
                n++;
            }
            if (in.peekRaw(n) != '}' || n == 0) {
                throw in.fail("a path reference &{...} must hold a path and end with '}'");
            }
            String path = in.run(PATH_CHARS);
            in.advance(1);
            return path;
        }
        int n = 0;
        while (LABEL_CHARS.test((char) Math.max(in.peekRaw(n), 0))) {
            n++;
        }
        if (n == 0 || Character.isDigit((char) in.peekRaw(0))) {
            throw in.fail("expected a label or {/path} after '&'");
        }
        return in.run(LABEL_CHARS);
    }

    private void string(ByteArrayOutputStream out) throws SnapshotException {
        String start = in.place();
        in.next(); // the opening quote
        while (true) {
            int c = in.next();
            if (c == DtsScanner.EOF) { // dtc's string token may span lines; only the end of the file stops it
                throw new SnapshotException(in.file(), start, "string is not closed with '\"'");
            }
            if (c == '"') {
                break;
            }
            out.write(c == '\\' ? escape() : c);
            checkSize(out);
        }
        out.write(0);
    }

    /** dtc's get_escape_char: \a \b \t \n \v \f \r, octal up to 3 digits, \x up to 2 hex digits, else the char. */
    private int escape() throws SnapshotException {
        int c = in.next();
        switch (c) {
            case 'a': return 7;
            case 'b': return 8;
            case 't': return 9;
            case 'n': return 10;
            case 'v': return 11;
            case 'f': return 12;
            case 'r': return 13;
            case 'x': {
                int v = 0;
                int digits = 0;
                while (digits < 2 && Character.digit(in.peekRaw(0), 16) >= 0) {
                    v = v * 16 + Character.digit(in.next(), 16);
                    digits++;
                }
                if (digits == 0) {
                    throw in.fail("\\x needs hex digits");
                }
                return v;
            }
            case DtsScanner.EOF: throw in.fail("escape at the end of the file");
            default:
                if (c >= '0' && c <= '7') {
                    int v = c - '0';
                    for (int i = 0; i < 2 && in.peekRaw(0) >= '0' && in.peekRaw(0) <= '7'; i++) {
                        v = v * 8 + (in.next() - '0');
                    }
                    return v & 0xff;
                }
                return c & 0xff;
        }
    }

    private void cells(ByteArrayOutputStream out, DtProperty prop, int bits) throws SnapshotException {
        in.expect("<", "'<'");
        while (true) {
            skipLabels();
            int c = in.peek();
            if (c == '>') {
                in.advance(1);
                return;
            }
            if (c == '&') {
                if (bits != 32) {
                    throw in.fail("references are only allowed in arrays of 32-bit cells");
                }
                String place = in.place();
                prop.references.add(new DtProperty.Reference(out.size(), reference(), true, place));
                writeBE(out, 0xffffffffL, 32);
            } else {
                long v = primary();
                if (bits < 64) {
                    long mask = (1L << bits) - 1;
                    if ((v & ~mask) != 0 && (v | mask) != -1L) {
                        throw in.fail("value 0x" + Long.toHexString(v) + " does not fit in a " + bits + "-bit cell");
                    }
                }
                writeBE(out, v, bits);
            }
            checkSize(out);
        }
    }

    static void writeBE(ByteArrayOutputStream out, long v, int bits) {
        for (int shift = bits - 8; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift) & 0xff);
        }
    }

    private void bytes(ByteArrayOutputStream out) throws SnapshotException {
        in.expect("[", "'['");
        while (true) {
            skipLabels();
            int c = in.peek();
            if (c == ']') {
                in.advance(1);
                return;
            }
            int hi = Character.digit(c, 16);
            int lo = Character.digit(in.peekRaw(1), 16);
            if (c == DtsScanner.EOF || hi < 0 || lo < 0) {
                throw in.fail("expected a pair of hex digits in a byte string but found " + in.describeNext());
            }
            in.advance(2);
            out.write(hi * 16 + lo);
            checkSize(out);
        }
    }

    /** dtc's integer_prim: a literal, a char literal, or a parenthesised expression. */
    long primary() throws SnapshotException {
        int c = in.peek();
        if (c == '(') {
            in.advance(1);
            long v = new DtsExpression(this, in).parse(); // counts its own depth through enter()/leave()
            in.expect(")", "')'");
            return v;
        }
        if (c == '\'') {
            in.advance(1);
            int ch = in.next();
            if (ch == '\\') {
                ch = escape();
            } else if (ch == '\'' || ch == DtsScanner.EOF) {
                throw in.fail("empty character literal");
            }
            if (in.next() != '\'') {
                throw in.fail("character literal is not closed with '");
            }
            return ch;
        }
        if (c >= '0' && c <= '9') {
            return literal(in.run(LITERAL_CHARS));
        }
        throw in.fail("expected a number but found " + in.describeNext());
    }

    /** strtoull(s, 0): 0x hex, leading 0 octal, else decimal; U/L suffixes allowed. */
    private long literal(String text) throws SnapshotException {
        String s = text;
        while (!s.isEmpty() && "uUlL".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        int radix = 10;
        String digits = s;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            radix = 16;
            digits = s.substring(2);
        } else if (s.length() > 1 && s.charAt(0) == '0') {
            radix = 8;
            digits = s.substring(1);
        }
        try {
            if (digits.isEmpty()) {
                throw new NumberFormatException();
            }
            return Long.parseUnsignedLong(digits, radix);
        } catch (NumberFormatException e) {
            throw in.fail("bad integer literal '" + text + "'");
        }
    }

    void enter() throws SnapshotException {
        if (++exprDepth > MAX_EXPRESSION_DEPTH) {
            throw in.fail("expression nested too deeply");
        }
    }

    void leave() {
        exprDepth--;
    }
}
