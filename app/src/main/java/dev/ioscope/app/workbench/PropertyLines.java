package dev.ioscope.app.workbench;

import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;

/**
 * A nub's properties typed as ioreg prints them, one {@code key = value} a line: {@code <86800000>} is OSData
 * (hex bytes, as ioreg shows data), a decimal or {@code 0x} number a 32-bit OSNumber, {@code Yes}/{@code No}/
 * {@code true}/{@code false} an OSBoolean, anything else (quotes optional) an OSString.
 */
final class PropertyLines {
    private PropertyLines() {
    }

    /** The dictionary; a line without '=' or with bad hex is an IllegalArgumentException naming the line. */
    static OSDictionary parse(String text) {
        OSDictionary.Builder b = OSDictionary.builder();
        int n = 0;
        for (String raw : text.split("\\R")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + n + ": expected key = value");
            }
            String key = unquote(line.substring(0, eq).strip());
            b.put(key, value(line.substring(eq + 1).strip(), n));
        }
        return b.build();
    }

    private static OSObject value(String v, int line) {
        if (v.startsWith("<") && v.endsWith(">")) {
            try {
                return OSData.ofHex(v.substring(1, v.length() - 1).replace(" ", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + line + ": bad hex data " + v);
            }
        }
        switch (v) {
            case "Yes", "true" -> {
                return OSBoolean.of(true);
            }
            case "No", "false" -> {
                return OSBoolean.of(false);
            }
            default -> {
                // not a number: a string
            }
        }
        try {
            long x = v.startsWith("0x") || v.startsWith("0X") ? Long.parseUnsignedLong(v.substring(2), 16)
                    : Long.parseLong(v);
            return x == (int) x || (x >= 0 && x <= 0xffffffffL) ? OSNumber.of32(x) : OSNumber.of64(x);
        } catch (NumberFormatException e) {
            return OSString.of(unquote(v));
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
