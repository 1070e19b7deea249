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
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** ioreg.c's printing rules, value by value (cfshow, cfdatashow, printva/println, indent). */
class IoregPrinterRulesTest {
    private static String show(OSObject v, boolean hex, boolean setBrackets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IoregLine line = new IoregLine(out, 0);
        new IoregValues(line, hex, setBrackets).show(v);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String show(OSObject v) throws IOException {
        return show(v, false, false);
    }

    private static OSData bytes(String s) {
        return OSData.of(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void numbersAreTheLongLongOfAnSInt32OrSInt64CFNumber() throws IOException {
        // IOCFUnserializeBinary makes kCFNumberSInt32Type for widths <= 32: -100 in 32 bits prints unsigned 64
        assertThat(show(OSNumber.of32(-100))).isEqualTo("18446744073709551516");
        assertThat(show(OSNumber.of(0xff, 8))).isEqualTo("255");
        assertThat(show(OSNumber.of32(0x80000000L))).isEqualTo("18446744071562067968");
        assertThat(show(OSNumber.of64(0x80000000L))).isEqualTo("2147483648");
        assertThat(show(OSNumber.of64(-1))).isEqualTo("18446744073709551615");
        assertThat(show(OSNumber.of32(-100), true, false)).isEqualTo("0xffffffffffffff9c");
        assertThat(show(OSNumber.of32(0x20000000), true, false)).isEqualTo("0x20000000");
    }

    @Test
    void dataIsTextOnlyWhenItIsNulSeparatedPrintableStrings() throws IOException {
        assertThat(show(bytes("MacBookPro8,1\0"))).isEqualTo("<\"MacBookPro8,1\">");
        assertThat(show(bytes("abc"))).isEqualTo("<\"abc\">");
        assertThat(show(bytes("pci8086,101\0pciclass,060400\0"))).isEqualTo("<\"pci8086,101\",\"pciclass,060400\">");
        // seen in MacBookPro8-1.IOService.txt: "pr\0\0" and "\"\"\0\0" print as hex (two NULs in a row)
        assertThat(show(bytes("pr\0\0"))).isEqualTo("<70720000>");
        assertThat(show(bytes("\"\"\0\0"))).isEqualTo("<22220000>");
        assertThat(show(bytes("a"))).isEqualTo("<61>");
        assertThat(show(bytes("\0abc"))).isEqualTo("<00616263>");
        assertThat(show(OSData.of(new byte[0]))).isEqualTo("<>");
        assertThat(show(bytes("abc\u00e9\u00e9"))).isEqualTo("<616263e9e9>");   // symbols over a quarter
        assertThat(show(bytes("abcdefgh\u00e9"))).isEqualTo("<\"abcdefgh\u00e9\">");
        assertThat(show(bytes("ab\nc"))).isEqualTo("<61620a63>");
        assertThat(show(bytes("abc\0"), true, false)).isEqualTo("<61626300>");
    }

    @Test
    void containersStringsAndPlaceholders() throws IOException {
        OSDictionary d = OSDictionary.of("a", OSBoolean.TRUE, "b", OSArray.of(OSNumber.of32(1), OSString.of("x")));
        assertThat(show(d)).isEqualTo("{\"a\"=Yes,\"b\"=(1,\"x\")}");
        assertThat(show(OSArray.of())).isEqualTo("()");
        assertThat(show(OSDictionary.empty())).isEqualTo("{}");
        assertThat(show(OSSymbol.of("IOPCIDevice"))).isEqualTo("\"IOPCIDevice\"");
        assertThat(show(new OSUnserializable("IOCommand is not serializable")))
                .isEqualTo("\"IOCommand is not serializable\"");
        assertThat(show(OSString.of("two\nlines \"q\""))).isEqualTo("\"two\nlines \"q\"\"");
        // modern ioreg turns sets into arrays before printing; old ioreg printed brackets
        assertThat(show(OSSet.of(OSNumber.of32(1), OSNumber.of32(2)))).isEqualTo("(1,2)");
        assertThat(show(OSSet.of(OSNumber.of32(1)), false, true)).isEqualTo("[1]");
    }

    @Test
    void widthClipsEachLineAndMarksIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IoregLine line = new IoregLine(out, 10);
        line.print("12345");
        line.print("678\n");
        line.println("abcdef");
        line.println("123456789");
        line.raw("\033[1m");
        line.println("x");
        assertThat(out.toString(StandardCharsets.ISO_8859_1))
                .isEqualTo("12345678 $\n123456789\n\033[1mx\n");
    }

    @Test
    void treeDrawingFollowsStackOfBits() throws IOException {
        IORegistry r = IORegistry.create();
        var plane = r.plane("IOService");
        IORegistryEntry a = r.createEntry("IOService", "A");
        IORegistryEntry b = r.createEntry("IOService", "B");
        IORegistryEntry c = r.createEntry("IOService", "C");
        for (IORegistryEntry e : new IORegistryEntry[] {a, b, c}) {
            e.setState(EntryState.settledService(3));
        }
        a.setLocation("1");
        r.attach(a, r.root(), plane);
        r.attach(c, a, plane);
        r.attach(b, r.root(), plane);
        c.setProperty("k", OSNumber.of32(7));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IoregPrinter.print(r, IoregOptions.DEFAULT.withName("C"), out);
        String idA = Long.toHexString(a.registryEntryID());
        String idB = Long.toHexString(b.registryEntryID());
        String idC = Long.toHexString(c.registryEntryID());
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(""
                + "+-o Root  <class IORegistryEntry, id 0x100000100>\n"
                + "  +-o A@1  <class IOService, id 0x" + idA + ", registered, matched, active, busy 0, retain 3>\n"
                + "  | +-o C  <class IOService, id 0x" + idC + ", registered, matched, active, busy 0, retain 3>\n"
                + "  |     {\n"
                + "  |       \"k\" = 7\n"
                + "  |     }\n"
                + "  |     \n"
                + "  +-o B  <class IOService, id 0x" + idB + ", registered, matched, active, busy 0, retain 3>\n");
    }

    @Test
    void formatPrintsLongDataAsAHexDump() throws IOException {
        IORegistry r = IORegistry.create();
        r.plane("IOService");
        r.root().setProperty("blob", OSData.ofHex("000102030405060708090a"));
        r.root().setProperty("short", OSData.ofHex("0001"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IoregPrinter.print(r, IoregOptions.DEFAULT.withList(true).withFormat(true), out);
        assertThat(out.toString(StandardCharsets.US_ASCII)).contains(""
                + "      \"blob\" = \n"
                + "        00000000: 00 01 02 03 04 05 06 07 08 09 0A" + "   ".repeat(21) + " ...........\n"
                + "      \"short\" = <0001>\n");
    }
}
