package dev.ioscope.engine.snapshot.text;

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

import java.io.IOException;
import java.util.List;

/**
 * ioreg's cfshow(): one property value on one line. The rules, from ioreg.c and IOKitUser:
 * <ul>
 *   <li>A number reaches ioreg as a CFNumber made by IOCFUnserialize: SInt32 for OSNumbers of 32 bits or less,
 *       SInt64 otherwise; ioreg reads it as long long and prints {@code %qu} (or {@code 0x%qx} with -x). So a
 *       32-bit -100 prints as 18446744073709551516, and 0xFFFFFFFF as 18446744073709551615.</li>
 *   <li>Data prints as quoted strings when it is one or more NUL-separated printable strings (at least 80%
 *       plain ASCII, trailing NULs allowed, never for a single byte, never with -x), else as hex pairs.</li>
 *   <li>Strings, symbols and unserializable placeholders print between quotes, unescaped.</li>
 *   <li>Sets are turned into arrays before printing by modern ioreg ({@code (a,b)}); old ioreg printed
 *       {@code [a,b]}.</li>
 * </ul>
 */
final class IoregValues {
    private final IoregLine line;
    private final boolean hex;
    private final boolean setBrackets;

    IoregValues(IoregLine line, boolean hex, boolean setBrackets) {
        this.line = line;
        this.hex = hex;
        this.setBrackets = setBrackets;
    }

    void show(OSObject v) throws IOException {
        if (v instanceof OSDictionary d) {
            line.print("{");
            for (int i = 0; i < d.size(); i++) {
                if (i > 0) {
                    line.print(",");
                }
                quoted(d.keyAt(i));
                line.print("=");
                show(d.valueAt(i));
            }
            line.print("}");
        } else if (v instanceof OSArray a) {
            list("(", a.items(), ")");
        } else if (v instanceof OSSet s) {
            list(setBrackets ? "[" : "(", s.members(), setBrackets ? "]" : ")");
        } else if (v instanceof OSString s) {
            quoted(s.value());
        } else if (v instanceof OSSymbol s) {
            quoted(s.value());
        } else if (v instanceof OSUnserializable u) {
            if (!u.text().equals(OSUnserializable.UNPRINTED)) {   // a string ioreg could not print: nothing
                quoted(u.text());
            }
        } else if (v instanceof OSNumber n) {
            line.print(number(n, hex));
        } else if (v instanceof OSBoolean b) {
            line.print(b.value() ? "Yes" : "No");
        } else if (v instanceof OSData d) {
            data(d);
        }
    }

    private void list(String open, List<OSObject> items, String close) throws IOException {
        line.print(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                line.print(",");
            }
            show(items.get(i));
        }
        line.print(close);
    }

    void quoted(String s) throws IOException {
        line.print("\"" + s + "\"");
    }

    /** The long long ioreg gets from CFNumberGetValue, printed as %qu or 0x%qx. */
    static String number(OSNumber n, boolean hex) {
        long v = n.bits() <= 32 ? (long) (int) n.value() : n.value();
        return hex ? "0x" + Long.toHexString(v) : Long.toUnsignedString(v);
    }

    private void data(OSData d) throws IOException {
        byte[] b = d.toByteArray();
        line.print("<");
        if (isStrings(b, hex)) {
            strings(b);
        } else {
            line.print(hexBytes(b));
        }
        line.print(">");
    }

    static String hexBytes(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }

    /** Prints the NUL-separated strings of data that {@link #isStrings} accepted: "a","b". */
    void strings(byte[] b) throws IOException {
        boolean quoted = false;
        for (int i = 0; i < b.length; i++) {
            if (b[i] != 0) {
                if (!quoted) {
                    quoted = true;
                    line.print(i > 0 ? ",\"" : "\"");
                }
                line.printByte(b[i]);
            } else if (quoted) {
                quoted = false;
                line.print("\"");
            } else {
                break;
            }
        }
        if (quoted) {
            line.print("\"");
        }
    }

    /**
     * ioreg's string detection (cfdatashow in ioreg.c since at least OS X 10.8): runs of printable ASCII or high
     * symbols 128..254, each ended by one NUL or by the end of the data; a NUL where a string should start
     * (leading, or a second NUL in a row) makes it hex. Symbols may be at most a quarter of the normal
     * characters; one byte is never a string; -x disables the test. With {@code nulPadding} (the -f printer,
     * printData) any run of NULs may end the data, as in the oldest ioreg.
     */
    static boolean isStrings(byte[] b, boolean hex) {
        return isStrings(b, hex, false);
    }

    static boolean isStrings(byte[] b, boolean hex, boolean nulPadding) {
        int length = b.length;
        int normal = 0;
        int symbol = 0;
        int index = 0;
        scan:
        while (index < length) {
            if (b[index] == 0) {
                if (nulPadding) {
                    while (index < length && b[index] == 0) {
                        index++;
                    }
                }
                break;
            }
            while (index < length) {
                int c = b[index] & 0xff;
                if (c >= 0x20 && c < 0x7f) {
                    normal++;
                } else if (c >= 128 && c <= 254) {
                    symbol++;
                } else if (c == 0) {
                    index++;
                    continue scan;
                } else {
                    break scan;
                }
                index++;
            }
        }
        if ((normal >> 2) < symbol || length == 1 || hex) {
            return false;
        }
        return index >= length && normal > 0;
    }
}
