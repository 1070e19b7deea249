package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSUnserializable;
import dev.ioscope.engine.io.ParseLimits;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one value as ioreg's cfshow prints it. The text is held as ISO-8859-1 (one char per byte) so data
 * bytes survive; strings are then decoded as UTF-8 (ioreg prints CFStrings as UTF-8 C strings).
 *
 * <p>ioreg does not escape strings, so a closing quote is only known by what follows it: at the top of a
 * property line the value runs to the end of the line; inside a container a string ends at the first quote
 * followed by what that container allows next ({@code ,"} in a dictionary, {@code ,} and a value in an array,
 * or the closer followed by the end or another closer/comma). A string that itself contains such a sequence
 * is first read as ending there; if the rest then does not parse, the reader backtracks to the next possible
 * end (depth-first over the strings, at most 256 readings per value).
 */
final class IoregValueParser {
    private static final Pattern UNSERIALIZABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_:]* is not serializable");
    private static final String AFTER_CLOSER = ",)}]";
    /** A string ioreg could not print (see {@link #value}). */
    static final OSUnserializable UNPRINTABLE = new OSUnserializable(OSUnserializable.UNPRINTED);
    private static final int MAX_SET = 4096;
    /** Readings tried for one value before giving up (each is one pass over the value's text). */
    private static final int MAX_ATTEMPTS = 256;

    private enum Ctx { TOP, KEY, DICT, ARRAY, SET, DATA }

    /** A problem at an offset into the text being parsed. */
    static final class ValueException extends RuntimeException {
        final int offset;

        ValueException(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private final String s;
    private final ParseLimits limits;
    private int pos;
    /** For the string opened at an offset, how many possible ends to pass over (set by backtracking). */
    private final Map<Integer, Integer> skips = new HashMap<>();
    /** The strings of the current reading: {open offset, end offset, context}. */
    private final List<int[]> decisions = new ArrayList<>();
    boolean sawHex;
    boolean sawDecimal;
    boolean sawSet;

    IoregValueParser(String text, ParseLimits limits) {
        this.s = text;
        this.limits = limits;
    }

    /** Parses the whole text as one top-level value. */
    OSObject parseAll() {
        ValueException first = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            pos = 0;
            decisions.clear();
            boolean hex = sawHex;
            boolean dec = sawDecimal;
            boolean set = sawSet;
            try {
                OSObject v = value(Ctx.TOP, 0);
                if (pos != s.length()) {
                    throw new ValueException(pos, "unexpected text after the value");
                }
                return v;
            } catch (ValueException e) {
                first = first == null ? e : first;
                sawHex = hex;
                sawDecimal = dec;
                sawSet = set;
                if (!backtrack()) {
                    throw first;
                }
            }
        }
        throw first;
    }

    /**
     * Picks the next reading after a failed one: the latest string whose end could be a later quote takes that
     * quote, and the strings after it start over from their first possible end (depth-first over the choices).
     */
    private boolean backtrack() {
        for (int i = decisions.size() - 1; i >= 0; i--) {
            int[] d = decisions.get(i);
            if (nextEnd(Ctx.values()[d[2]], d[1]) >= 0) {
                for (int k = i + 1; k < decisions.size(); k++) {
                    skips.remove(decisions.get(k)[0]);
                }
                skips.merge(d[0], 1, Integer::sum);
                return true;
            }
        }
        return false;
    }

    /**
     * The first quote after {@code from} that can end a string in this context, or -1. A dictionary key ends at
     * its first quote: I/O Kit keys do not contain quotes, and this makes {@code {"a"="x","y","b"=1}} read as
     * a = {@code x","y} rather than as a key {@code y","b}.
     */
    private int nextEnd(Ctx ctx, int from) {
        for (int j = s.indexOf('"', from); j >= 0; j = s.indexOf('"', j + 1)) {
            if (closes(ctx, j + 1)) {
                return j;
            }
            if (ctx == Ctx.KEY) {
                return -1;
            }
        }
        return -1;
    }

    private OSObject value(Ctx ctx, int depth) {
        if (depth > limits.maxDepth()) {
            throw new ValueException(pos, "values nested deeper than " + limits.maxDepth());
        }
        if (pos >= s.length() || ",)}]".indexOf(s.charAt(pos)) >= 0 && ctx != Ctx.KEY && ctx != Ctx.DATA) {
            // Nothing printed: ioreg's cfstringshow prints a string only if CFStringGetCString succeeds into a
            // buffer of length + 1 bytes, which is too small for the UTF-8 of non-ASCII text ("Product"=, in
            // both real IOService dumps). The string is lost; keep the placeholder, which prints as nothing.
            if (ctx == Ctx.TOP && pos < s.length()) {
                throw new ValueException(pos, "unexpected character '" + printable(s.charAt(pos)) + "'");
            }
            return UNPRINTABLE;
        }
        char c = s.charAt(pos);
        switch (c) {
            case '"' -> {
                String text = decode(quoted(ctx));
                return text.endsWith(" is not serializable") && UNSERIALIZABLE.matcher(text).matches()
                        ? new OSUnserializable(text) : new OSString(text);
            }
            case '<' -> {
                return data(ctx);
            }
            case '{' -> {
                return dictionary(depth);
            }
            case '(' -> {
                return OSArray.of(items(')', Ctx.ARRAY, depth));
            }
            case '[' -> {
                sawSet = true;
                List<OSObject> members = items(']', Ctx.SET, depth);
                if (members.size() > MAX_SET) {
                    // OSSet removes duplicates pairwise (isEqualTo); bound it so a hostile file cannot stall us.
                    throw new ValueException(pos, "set of more than " + MAX_SET + " members");
                }
                return new OSSet(members);
            }
            case 'Y' -> {
                expect("Yes");
                return OSBoolean.TRUE;
            }
            case 'N' -> {
                expect("No");
                return OSBoolean.FALSE;
            }
            default -> {
                if (c >= '0' && c <= '9') {
                    return number();
                }
                throw new ValueException(pos, "unexpected character '" + printable(c) + "' where a value starts");
            }
        }
    }

    private void expect(String word) {
        if (!s.startsWith(word, pos)) {
            throw new ValueException(pos, "expected " + word);
        }
        pos += word.length();
    }

    private OSDictionary dictionary(int depth) {
        pos++;
        OSDictionary.Builder b = OSDictionary.builder();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return b.build();
        }
        while (true) {
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw new ValueException(pos, "expected a quoted dictionary key");
            }
            String key = decode(quoted(Ctx.KEY));
            expectChar('=');
            b.put(key, value(Ctx.DICT, depth + 1));
            if (b.size() > limits.maxCount()) {
                throw new ValueException(pos, "dictionary larger than " + limits.maxCount());
            }
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            } else {
                expectChar('}');
                return b.build();
            }
        }
    }

    private List<OSObject> items(char close, Ctx ctx, int depth) {
        pos++;
        List<OSObject> out = new ArrayList<>();
        if (pos < s.length() && s.charAt(pos) == close) {
            pos++;
            return out;
        }
        while (true) {
            out.add(value(ctx, depth + 1));
            if (out.size() > limits.maxCount()) {
                throw new ValueException(pos, "container larger than " + limits.maxCount());
            }
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
            } else {
                expectChar(close);
                return out;
            }
        }
    }

    private void expectChar(char c) {
        if (pos >= s.length() || s.charAt(pos) != c) {
            throw new ValueException(pos, "expected '" + c + "'");
        }
        pos++;
    }

    /** A quoted run; returns the raw text between the quotes and leaves pos after the closing quote. */
    private String quoted(Ctx ctx) {
        int open = pos;
        if (ctx == Ctx.TOP) {
            if (s.length() < 2 || s.charAt(s.length() - 1) != '"') {
                throw new ValueException(open, "string without a closing quote at the end of the line");
            }
            pos = s.length();
            return s.substring(open + 1, s.length() - 1);
        }
        int skip = skips.getOrDefault(open, 0);
        int j = nextEnd(ctx, open + 1);
        for (; j >= 0 && skip > 0; skip--) {
            j = nextEnd(ctx, j + 1);
        }
        if (j < 0) {
            throw new ValueException(open, "string without a closing quote");
        }
        decisions.add(new int[] {open, j + 1, ctx.ordinal()});
        pos = j + 1;
        return s.substring(open + 1, j);
    }

    /** True if a quote just before {@code at} can end a string in this context. */
    private boolean closes(Ctx ctx, int at) {
        char next = at < s.length() ? s.charAt(at) : 0;
        char after = at + 1 < s.length() ? s.charAt(at + 1) : 0;
        return switch (ctx) {
            case KEY -> next == '=';
            case DICT -> next == ',' && after == '"' || next == '}' && endsContainer(at + 1);
            case ARRAY -> next == ',' && (startsValue(after) || after == ',' || after == ')')
                    || next == ')' && endsContainer(at + 1);
            case SET -> next == ',' && (startsValue(after) || after == ',' || after == ']')
                    || next == ']' && endsContainer(at + 1);
            case DATA -> next == ',' && after == '"' || next == '>' && endsContainer(at + 1);
            case TOP -> at == s.length();
        };
    }

    private boolean endsContainer(int at) {
        return at >= s.length() || AFTER_CLOSER.indexOf(s.charAt(at)) >= 0;
    }

    private static boolean startsValue(char c) {
        return c == '"' || c == '<' || c == '{' || c == '(' || c == '[' || c == 'Y' || c == 'N'
                || c >= '0' && c <= '9';
    }

    private OSData data(Ctx ctx) {
        int open = pos;
        pos++;
        if (pos < s.length() && s.charAt(pos) == '"') {
            // <"a","b">: NUL-separated strings. ioreg prints "abc" and "abc\0" alike; we keep the C string form.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (true) {
                String part = quoted(Ctx.DATA);
                for (int i = 0; i < part.length(); i++) {
                    bytes.write(part.charAt(i));
                }
                bytes.write(0);
                if (bytes.size() > limits.maxStringBytes()) {
                    throw new ValueException(open, "data larger than " + limits.maxStringBytes() + " bytes");
                }
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    if (pos >= s.length() || s.charAt(pos) != '"') {
                        throw new ValueException(pos, "expected a quoted string in data");
                    }
                } else {
                    expectChar('>');
                    return OSData.wrap(bytes.toByteArray());
                }
            }
        }
        int end = s.indexOf('>', pos);
        if (end < 0) {
            throw new ValueException(open, "data without a closing '>'");
        }
        int n = end - pos;
        if ((n & 1) != 0) {
            throw new ValueException(open, "data with an odd number of hex digits");
        }
        if (n / 2 > limits.maxStringBytes()) {
            throw new ValueException(open, "data larger than " + limits.maxStringBytes() + " bytes");
        }
        byte[] b = new byte[n / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = Character.digit(s.charAt(pos + 2 * i), 16);
            int lo = Character.digit(s.charAt(pos + 2 * i + 1), 16);
            if (hi < 0 || lo < 0 || Character.isUpperCase(s.charAt(pos + 2 * i))
                    || Character.isUpperCase(s.charAt(pos + 2 * i + 1))) {
                throw new ValueException(pos + 2 * i, "not a lowercase hex digit in data");
            }
            b[i] = (byte) (hi << 4 | lo);
        }
        pos = end + 1;
        return OSData.wrap(b);
    }

    /**
     * %qu or 0x%qx of the long long IOCFUnserialize gave ioreg: OSNumbers of 32 bits or less became SInt32,
     * so a value that is a sign-extended 32-bit quantity came from a 32-bit number (an IOProbeScore of -100
     * prints 18446744073709551516), one in [2^31, 2^63) or not sign-extended from a 64-bit number.
     */
    private OSNumber number() {
        int start = pos;
        boolean hex = s.startsWith("0x", pos);
        if (hex) {
            pos += 2;
        }
        int digits = pos;
        while (pos < s.length() && Character.digit(s.charAt(pos), hex ? 16 : 10) >= 0
                && !(hex && Character.isUpperCase(s.charAt(pos)))) {
            pos++;
        }
        if (pos == digits) {
            throw new ValueException(start, "number without digits");
        }
        long v;
        try {
            v = Long.parseUnsignedLong(s.substring(digits, pos), hex ? 16 : 10);
        } catch (NumberFormatException e) {
            throw new ValueException(start, "number too large for 64 bits");
        }
        if (hex) {
            sawHex = true;
        } else {
            sawDecimal = true;
        }
        if (v >= 0 && v < 0x80000000L || v <= -1 && v >= (long) Integer.MIN_VALUE) {
            return OSNumber.of32(v);
        }
        return OSNumber.of64(v);
    }

    /** Text bytes (one per char) as UTF-8 when valid, else as ISO-8859-1 (a pre-UTF-8 ioreg's MacRoman). */
    static String decode(String latin1) {
        boolean ascii = true;
        for (int i = 0; i < latin1.length() && ascii; i++) {
            ascii = latin1.charAt(i) < 0x80;
        }
        if (ascii) {
            return latin1;
        }
        byte[] b = latin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return latin1;
        }
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }
}
