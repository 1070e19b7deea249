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
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Function;

/**
 * An entry (or subtree) in {@code ioreg -l}'s layout: the {@code +-o name@loc  <class C, id 0x…, registered,
 * matched, active, busy 0, retain 8>} header and the {@code "key" = value} table in ioreg's value syntax. Used
 * for the source view and copy-as-text when no full ioreg-text writer is installed.
 */
public final class EntryText {
    /** Subtrees deeper or larger than this are cut with a note, so a copy never builds a huge string. */
    static final int MAX_ENTRIES = 20_000;

    private EntryText() {
    }

    public static String of(IORegistryEntry top, IORegistryPlane plane, boolean subtree) {
        StringBuilder sb = new StringBuilder();
        int[] count = {0};
        write(sb, top, plane, subtree, 0, count, Collections.newSetFromMap(new IdentityHashMap<>()));
        return sb.toString();
    }

    private static void write(StringBuilder sb, IORegistryEntry e, IORegistryPlane plane, boolean subtree, int depth,
                              int[] count, Set<IORegistryEntry> done) {
        if (count[0]++ >= MAX_ENTRIES) {
            if (count[0] == MAX_ENTRIES + 1) {
                sb.append("… (cut at ").append(MAX_ENTRIES).append(" entries)\n");
            }
            return;
        }
        String indent = "  ".repeat(depth);
        sb.append(indent).append("+-o ").append(e.nameWithLocation(plane)).append("  ").append(header(e)).append('\n');
        sb.append(indent).append("    {\n");
        OSDictionary p = e.properties();
        for (int i = 0; i < p.size(); i++) {
            sb.append(indent).append("      \"").append(p.keyAt(i)).append("\" = ");
            value(sb, p.valueAt(i));
            sb.append('\n');
        }
        sb.append(indent).append("    }\n");
        if (subtree && done.add(e)) {
            for (IORegistryEntry c : e.children(plane)) {
                write(sb, c, plane, true, depth + 1, count, done);
            }
        }
    }

    /** ioreg's angle-bracket header. */
    public static String header(IORegistryEntry e) {
        String state = stateText(e.state());
        return "<class " + e.className() + ", id 0x" + Long.toHexString(e.registryEntryID())
                + (state.isEmpty() ? "" : ", " + state) + ">";
    }

    /** {@code registered, matched, active, busy 0 (0 ms), retain 8}: the state part of the header, or empty. */
    public static String stateText(EntryState s) {
        StringBuilder sb = new StringBuilder();
        if (s.service()) {
            sb.append(s.registered() ? "registered" : "!registered").append(s.matched() ? ", matched" : ", !matched")
                    .append(s.active() ? ", active" : ", inactive").append(", busy ").append(s.busyState());
            if (s.busyTimeMs() >= 0) {
                sb.append(" (").append(s.busyTimeMs()).append(" ms)");
            }
        }
        if (s.retainCount() >= 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append("retain ").append(s.retainCount());
        }
        return sb.toString();
    }

    /** ioreg's value syntax: {@code {"k"=v}}, {@code (a,b)}, {@code <hex>}, quoted strings, Yes/No, decimal numbers. */
    /** A value in ioreg's syntax; numbers as ioreg prints them (32 bits or less sign-extended, as %qu). */
    public static void value(StringBuilder sb, OSObject v) {
        value(sb, v, EntryText::ioregNumber);
    }

    /**
     * ioreg's %qu of the long long CFNumberGetValue gives: an OSNumber of 32 bits or less became a CFNumber SInt32,
     * so it is sign-extended (0x80400000 prints 18446744071566262272), as the ioreg text writer does.
     */
    static String ioregNumber(OSNumber n) {
        return Long.toUnsignedString(n.bits() <= 32 ? (long) (int) n.value() : n.value());
    }

    /** A value in ioreg's syntax with numbers written by {@code numbers} (the UI's rule: ValueText.number). */
    public static void value(StringBuilder sb, OSObject v, Function<OSNumber, String> numbers) {
        if (v instanceof OSDictionary d) {
            sb.append('{');
            for (int i = 0; i < d.size(); i++) {
                sb.append(i == 0 ? "" : ",").append('"').append(d.keyAt(i)).append("\"=");
                value(sb, d.valueAt(i), numbers);
            }
            sb.append('}');
        } else if (v instanceof OSArray a) {
            sb.append('(');
            for (int i = 0; i < a.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                value(sb, a.get(i), numbers);
            }
            sb.append(')');
        } else if (v instanceof OSSet s) {
            sb.append('[');
            for (int i = 0; i < s.members().size(); i++) {
                sb.append(i == 0 ? "" : ",");
                value(sb, s.members().get(i), numbers);
            }
            sb.append(']');
        } else if (v instanceof OSString s) {
            sb.append('"').append(s.value()).append('"');
        } else if (v instanceof OSSymbol s) {
            sb.append('"').append(s.value()).append('"');
        } else if (v instanceof OSNumber n) {
            sb.append(numbers.apply(n));
        } else if (v instanceof OSBoolean b) {
            sb.append(b.value() ? "Yes" : "No");
        } else if (v instanceof OSData d) {
            // ioreg prints NUL-terminated printable data as <"text">, several strings as <"a","b">.
            String t = HexDump.quotedStrings(d);
            boolean cstr = t != null && d.byteAt(d.length() - 1) == 0;
            sb.append('<').append(cstr ? t.replace("\", \"", "\",\"") : HexDump.hex(d, d.length())).append('>');
        } else if (v instanceof OSUnserializable u) {
            sb.append(u.text());
        }
    }
}
