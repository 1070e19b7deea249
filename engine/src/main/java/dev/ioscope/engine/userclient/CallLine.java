package dev.ioscope.engine.userclient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The scenario / console form of a call: {@code call SELECTOR [scalars=[1,0x2,-3]] [struct=0a0b…] [out=N]
 * [outStruct=N]}. Output room not given is taken from the method's description: its fixed count, or the most the
 * transport allows for a variable one (16 scalars, 4096 inband bytes); without a description, none. Parse errors
 * name the 1-based column.
 */
public record CallLine(int selector, long[] scalars, byte[] struct, Integer out, Integer outStruct) {

    /** A line that does not parse: the column and the problem. */
    public static final class CallLineException extends Exception {
        public CallLineException(int column, String problem) {
            super("column " + column + ": " + problem);
        }
    }

    /** The console line's first word (its own grammar, not the scenario action's name). */
    private static final String WORD = "call";

    public static CallLine parse(String line) throws CallLineException {
        String[] words = line.trim().split("\\s+");
        if (words.length < 2 || !words[0].equals(WORD)) {
            throw new CallLineException(1, "expected: call SELECTOR [scalars=[..]] [struct=HEX] [out=N] [outStruct=N]");
        }
        int col = line.indexOf(words[1]) + 1;
        int selector = (int) number(words[1], col);
        long[] scalars = new long[0];
        byte[] struct = new byte[0];
        Integer out = null;
        Integer outStruct = null;
        for (int i = 2; i < words.length; i++) {
            String w = words[i];
            int c = line.indexOf(w) + 1;
            int eq = w.indexOf('=');
            if (eq < 0) {
                throw new CallLineException(c, "expected key=value, found " + w);
            }
            String key = w.substring(0, eq);
            String value = w.substring(eq + 1);
            switch (key) {
                case "scalars" -> scalars = scalars(value, c + eq + 1);
                case "struct" -> {
                    try {
                        struct = HexFormat.of().parseHex(value);
                    } catch (IllegalArgumentException e) {
                        throw new CallLineException(c + eq + 1, "struct must be an even number of hex digits");
                    }
                }
                case "out" -> out = (int) number(value, c + eq + 1);
                case "outStruct" -> outStruct = (int) number(value, c + eq + 1);
                default -> throw new CallLineException(c, "unknown key " + key);
            }
        }
        return new CallLine(selector, scalars, struct, out, outStruct);
    }

    private static long[] scalars(String v, int col) throws CallLineException {
        if (!v.startsWith("[") || !v.endsWith("]")) {
            throw new CallLineException(col, "scalars must look like [1,2,3] (no spaces)");
        }
        String body = v.substring(1, v.length() - 1);
        if (body.isEmpty()) {
            return new long[0];
        }
        List<Long> l = new ArrayList<>();
        int c = col + 1;
        for (String part : body.split(",", -1)) {
            l.add(parse64(part, c));
            c += part.length() + 1;
        }
        return l.stream().mapToLong(Long::longValue).toArray();
    }

    /** A 64-bit scalar: decimal (signed) or 0x hex (unsigned 64-bit bits). */
    private static long parse64(String s, int col) throws CallLineException {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new CallLineException(col, "not a 64-bit number: " + s);
        }
    }

    private static long number(String s, int col) throws CallLineException {
        long v = parse64(s, col);
        if (v < 0 || v > 0xffffffffL) {
            throw new CallLineException(col, s + " is outside 0..4294967295");
        }
        return v;
    }

    /** Runs the call on {@code connect}, sizing output room from {@code method} (may be null). */
    public CallResult run(IOConnect connect, MethodDescription method) {
        int scalarRoom = out != null ? out : room(method == null ? 0 : method.scalarOutputs(), 16);
        int structRoom = outStruct != null ? outStruct : room(method == null ? 0 : method.structureOutputSize(), 4096);
        return connect.callMethod(selector, scalars, struct, scalarRoom, structRoom);
    }

    /**
     * Runs the call as {@code IOConnectCallAsyncMethod} with the same output room as {@link #run}; the completion
     * reaches {@code callback} later on the connection's virtual clock.
     */
    public CallResult runAsync(IOConnect connect, MethodDescription method, AsyncReference.AsyncCallback callback,
            long refcon) {
        int scalarRoom = out != null ? out : room(method == null ? 0 : method.scalarOutputs(), 16);
        int structRoom = outStruct != null ? outStruct : room(method == null ? 0 : method.structureOutputSize(), 4096);
        return connect.callAsyncMethod(selector, callback, refcon, scalars, struct, scalarRoom, structRoom);
    }

    private static int room(int declared, int variableRoom) {
        return declared == MethodDescription.VARIABLE ? variableRoom : declared;
    }

    /** The journal line: {@code call 1 (echo) scalars=[] struct=0a0b -> kIOReturnSuccess (0x00000000) …}. */
    public String journalLine(MethodDescription method, CallResult result) {
        return "call " + selector + (method == null ? "" : " (" + method.name() + ")") + " scalars="
                + Arrays.toString(scalars) + " struct=" + HexFormat.of().formatHex(struct) + " -> " + result;
    }
}
