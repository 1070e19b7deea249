package dev.ioscope.engine.explore;

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

/**
 * The display text of property values in every pane of the UI (inspector, detail, comparison, the workbench's
 * registry): one rule for numbers, {@link #number}. Text exports and the CLI print as ioreg does instead
 * ({@link EntryText}, the ioreg text writer), which sign-extends numbers of 32 bits or less.
 */
public final class ValueText {
    /** Data longer than this is shown truncated on one line (the full dump is {@link HexDump#dump}). */
    public static final int DATA_PREVIEW_BYTES = 64;

    private ValueText() {
    }

    /**
     * A number as the UI shows it: the value as its width reads it, unsigned, with its hex — a 32-bit LocationID
     * 0x80400000 is {@code 2151677952 (0x80400000)} (ioreg would print 18446744071566262272).
     */
    public static String number(OSNumber n) {
        return Long.toUnsignedString(n.value()) + " (0x" + Long.toHexString(n.value()) + ")";
    }

    /**
     * A whole value on one line in ioreg's container syntax ({@code {"a"=1,"b"=(…)}}), numbers as {@link #number}:
     * the detail text of a value.
     */
    public static String inline(OSObject v) {
        StringBuilder sb = new StringBuilder();
        EntryText.value(sb, v, ValueText::number);
        return sb.toString();
    }

    /**
     * Numbers as {@link #number} ({@code 32902 (0x8086)}), data as {@code <hex>} plus its text when printable,
     * strings as they are, containers by their count.
     */
    public static String of(OSObject v) {
        if (v instanceof OSNumber n) {
            return number(n);
        }
        if (v instanceof OSString s) {
            return s.value();
        }
        if (v instanceof OSSymbol s) {
            return s.value();
        }
        if (v instanceof OSBoolean b) {
            return b.value() ? "Yes" : "No";
        }
        if (v instanceof OSData d) {
            String hex = "<" + HexDump.hex(d, DATA_PREVIEW_BYTES) + (d.length() > DATA_PREVIEW_BYTES ? "…" : "") + ">";
            String text = HexDump.quotedStrings(d);
            return text == null ? hex : hex + "  " + text;
        }
        if (v instanceof OSDictionary d) {
            return d.size() + (d.size() == 1 ? " value" : " values");
        }
        if (v instanceof OSArray a) {
            return a.size() + (a.size() == 1 ? " value" : " values");
        }
        if (v instanceof OSSet s) {
            return s.size() + (s.size() == 1 ? " value" : " values");
        }
        if (v instanceof OSUnserializable u) {
            return u.text();
        }
        return String.valueOf(v);
    }

    /**
     * The type column: the value's kind plus its width in bits or length in bytes ({@code Number (32)}, {@code Data
     * (4)}).
     */
    public static String typeOf(OSObject v) {
        if (v instanceof OSNumber n) {
            return "Number (" + n.bits() + ")";
        }
        if (v instanceof OSData d) {
            return "Data (" + d.length() + ")";
        }
        return switch (v.typeName()) {
            case "OSDictionary" -> "Dictionary";
            case "OSArray" -> "Array";
            case "OSSet" -> "Set";
            case "OSString", "OSSymbol" -> "String";
            case "OSBoolean" -> "Boolean";
            case "OSUnserializable" -> "Unserializable";
            default -> v.typeName();
        };
    }
}
