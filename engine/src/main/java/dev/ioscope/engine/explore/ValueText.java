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

/** One-line display text of a property value, as an inspector column shows it. */
public final class ValueText {
    /** Data longer than this is shown truncated on one line (the full dump is {@link HexDump#dump}). */
    public static final int DATA_PREVIEW_BYTES = 64;

    private ValueText() {
    }

    /**
     * Numbers in decimal and hex ({@code 32902 (0x8086)}), data as {@code <hex>} plus its text when printable,
     * strings as they are, containers by their count.
     */
    public static String of(OSObject v) {
        if (v instanceof OSNumber n) {
            return n.bits() < 64 && n.signedValue() < 0
                    ? n.signedValue() + " (0x" + Long.toHexString(n.value()) + ")"
                    : Long.toUnsignedString(n.value()) + " (0x" + Long.toHexString(n.value()) + ")";
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

    /** The type column: the value's kind plus its width in bits or length in bytes ({@code Number (32)}, {@code Data (4)}). */
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
