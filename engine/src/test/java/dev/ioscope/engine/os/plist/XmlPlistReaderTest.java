package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlPlistReaderTest {
    static final String HEAD = XmlPlistWriter.HEADER;

    static OSObject read(String xml) throws SnapshotException {
        return XmlPlistReader.read(xml.getBytes(StandardCharsets.UTF_8), "t.plist", ParseLimits.DEFAULT);
    }

    static OSObject value(String body) throws SnapshotException {
        return read(HEAD + body + "\n</plist>\n");
    }

    @Test
    void realPlatformExpertPropertiesReadAsInTheFile() throws Exception {
        // Values checked by hand against IOPlatformExpertDevice-iMac16_1.plist (from iMac16-1.ioreg).
        OSDictionary d = (OSDictionary) XmlPlistReader.read(
                RealPlists.bytes("IOPlatformExpertDevice-iMac16_1.plist"), "pe", ParseLimits.DEFAULT);
        assertThat(d.keyAt(0)).isEqualTo("IOBusyInterest");
        assertThat(d.get("IOBusyInterest")).isEqualTo(OSString.of("IOCommand is not serializable"));
        assertThat(d.get("IOPlatformSerialNumber")).isEqualTo(OSString.of("C02Q88TAGF1J"));
        assertThat(d.get("model")).isEqualTo(OSData.wrap("iMac16,1\0".getBytes(StandardCharsets.US_ASCII)));
        assertThat(d.get("IOInterruptSpecifiers")).isEqualTo(OSArray.of(OSData.ofHex("0900000005000000")));
        assertThat(d.get("clock-frequency")).isEqualTo(OSData.ofHex("00e1f505"));
        // 13 full base64 lines of 68 characters (51 bytes each), then 24 characters ending in one '=' (17 bytes).
        assertThat(((OSData) d.get("IOPlatformSystemSleepPolicy")).length()).isEqualTo(13 * 51 + 17);
    }

    @Test
    void realPciDeviceNumbersGetTheirWidths() throws Exception {
        OSDictionary d = (OSDictionary) XmlPlistReader.read(RealPlists.bytes("IOPCIDevice-XHC1.plist"), "x",
                ParseLimits.DEFAULT);
        OSDictionary mem = (OSDictionary) ((OSArray) ((OSArray) d.get("IODeviceMemory")).get(0)).get(0);
        assertThat(mem.get("address")).isEqualTo(OSNumber.of64(547894591488L));
        assertThat(mem.get("length")).isEqualTo(OSNumber.of32(65536));
        assertThat(d.get("IOPCIMSIMode")).isEqualTo(OSBoolean.TRUE);
        assertThat(d.get("IOName")).isEqualTo(OSString.of("pci8086,9cb1"));
        assertThat(((OSDictionary) d.get("IOPowerManagement")).get("CapabilityFlags")).isEqualTo(OSNumber.of32(258));
    }

    @Test
    void everyRealPlistIsReproducedByteForByteByTheSortedWriter() throws Exception {
        // The resources were written by CoreFoundation; our writer in SORTED order must lay them out identically.
        XmlPlistWriter w = new XmlPlistWriter(XmlPlistWriter.KeyOrder.SORTED);
        for (String n : RealPlists.NAMES) {
            byte[] original = RealPlists.bytes(n);
            OSObject v = XmlPlistReader.read(original, n, ParseLimits.DEFAULT);
            String again = w.toXml(v);
            assertThat(again).as(n).isEqualTo(new String(original, StandardCharsets.UTF_8));
            assertThat(read(again)).as(n).isEqualTo(v);
        }
    }

    @Test
    void integerWidthRuleAndSizeAttribute() throws Exception {
        assertThat(value("<integer>-100</integer>")).isEqualTo(OSNumber.of32(-100));
        assertThat(value("<integer>2147483647</integer>")).isEqualTo(OSNumber.of32(Integer.MAX_VALUE));
        assertThat(value("<integer>-2147483648</integer>")).isEqualTo(OSNumber.of32(0x80000000L));
        assertThat(value("<integer>2147483648</integer>")).isEqualTo(OSNumber.of64(0x80000000L));
        assertThat(value("<integer>18446744073709551615</integer>")).isEqualTo(OSNumber.of64(-1));
        assertThat(value("<integer>-9223372036854775808</integer>")).isEqualTo(OSNumber.of64(Long.MIN_VALUE));
        assertThat(value("<integer> 0x1F </integer>")).isEqualTo(OSNumber.of32(31));
        assertThat(value("<integer size=\"16\">0xffff</integer>")).isEqualTo(OSNumber.of(0xffff, 16));
        assertThat(value("<integer size=\"8\">-1</integer>")).isEqualTo(OSNumber.of(0xff, 8));
        assertThat(value("<integer size=\"64\">5</integer>")).isEqualTo(OSNumber.of64(5));
        assertThatThrownBy(() -> value("<integer>18446744073709551616</integer>"))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> value("<integer>-9223372036854775809</integer>"))
                .isInstanceOf(SnapshotException.class);
        assertThatThrownBy(() -> value("<integer>12a</integer>")).hasMessageContaining("line 4:10");
        assertThatThrownBy(() -> value("<integer size=\"12\">1</integer>")).hasMessageContaining("size must be");
    }

    @Test
    void widthsSurviveTheWriter() throws Exception {
        OSDictionary d = OSDictionary.of("a", OSNumber.of(0xfe, 8), "b", OSNumber.of(0x8000, 16),
                "c", OSNumber.of32(0xffffff9cL), "d", OSNumber.of64(7), "e", OSNumber.of64(-1),
                "f", OSNumber.of64(0x80000000L), "g", OSNumber.of32(0x80000000L));
        String xml = new XmlPlistWriter(XmlPlistWriter.KeyOrder.TABLE).toXml(d);
        assertThat(xml).contains("<integer size=\"8\">-2</integer>", "<integer>-100</integer>",
                "<integer size=\"64\">7</integer>", "<integer size=\"64\">-1</integer>",
                "<integer>2147483648</integer>",
                "<integer>-2147483648</integer>");
        assertThat(read(xml)).isEqualTo(d);
    }

    @Test
    void dictionariesKeepOrderAndALaterDuplicateKeyWinsInPlace() throws Exception {
        OSDictionary d = (OSDictionary) value("<dict><key>b</key><true/><key>a</key><false/>"
                + "<key>b</key><string>x</string></dict>");
        assertThat(d.keys()).containsExactly("b", "a");
        assertThat(d.get("b")).isEqualTo(OSString.of("x"));
    }

    @Test
    void textEntitiesCdataAndEmptyForms() throws Exception {
        assertThat(value("<string>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#65;&#x42;&#x1F600;</string>"))
                .isEqualTo(OSString.of("a <b> & \"c\" 'd' AB\uD83D\uDE00"));
        assertThat(value("<string><![CDATA[<not a tag> & ]]>tail</string>"))
                .isEqualTo(OSString.of("<not a tag> & tail"));
        assertThat(value("<string>é ü 日本</string>")).isEqualTo(OSString.of("é ü 日本"));
        assertThat(value("<string/>")).isEqualTo(OSString.of(""));
        assertThat(value("<dict/>")).isEqualTo(OSDictionary.empty());
        assertThat(value("<array></array>")).isEqualTo(OSArray.of());
        assertThat(value("<data>\n\tAAEC\n\tAw==\n\t</data>")).isEqualTo(OSData.ofHex("00010203"));
        assertThat(value("<true></true>")).isEqualTo(OSBoolean.TRUE);
    }

    @Test
    void realAndDateAreKeptAsTheirText() throws Exception {
        assertThat(value("<real>1.5</real>")).isEqualTo(OSString.of("1.5"));
        assertThat(value("<date>2018-07-01T12:00:00Z</date>")).isEqualTo(OSString.of("2018-07-01T12:00:00Z"));
    }

    @Test
    void xnuIdIdrefAndSet() throws Exception {
        OSArray a = (OSArray) value("<array><dict ID=\"1\"><key>k</key><integer size=\"32\">1</integer></dict>"
                + "<dict IDREF=\"1\"/><set><string>x</string><string>y</string><string>x</string></set></array>");
        assertThat(a.get(1)).isSameAs(a.get(0));
        assertThat(a.get(2)).isEqualTo(OSSet.of(OSString.of("x"), OSString.of("y")));
        assertThatThrownBy(() -> value("<array><string IDREF=\"9\"/></array>"))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("IDREF=\"9\" refers to no earlier ID");
    }

    @Test
    void appleDoctypeIsAcceptedWithoutPlistWrapperToo() throws Exception {
        assertThat(read("<?xml version=\"1.0\"?>\n<!-- c -->\n<dict><key>a</key><string>b</string></dict>"))
                .isEqualTo(OSDictionary.of("a", OSString.of("b")));
        assertThat(read("\uFEFF" + HEAD + "<true/></plist>")).isEqualTo(OSBoolean.TRUE);
    }

    @Test
    void errorsNameLineAndColumn() {
        assertThatThrownBy(() -> read(HEAD + "<dict>\n\t<key>a</key>\n\t<strin>b</strin>\n</dict></plist>"))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("t.plist: line 6:2: unknown element <strin>");
        assertThatThrownBy(() -> read(HEAD + "<dict>\n\t<key>a</key>\n</dict></plist>"))
                .hasMessageContaining("line 6:1").hasMessageContaining("key \"a\" has no value");
        assertThatThrownBy(() -> read(HEAD + "<array><string>x</array></plist>"))
                .hasMessageContaining("expected </string>");
        assertThatThrownBy(() -> read(HEAD + "<true/></plist><true/>"))
                .hasMessageContaining("after the end");
        assertThatThrownBy(() -> read(HEAD + "<data>AB$C</data></plist>"))
                .hasMessageContaining("invalid base64");
    }
}
