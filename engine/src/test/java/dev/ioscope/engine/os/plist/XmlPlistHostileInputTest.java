package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Malicious and broken inputs must end in a clean SnapshotException: no other exception, no hang, no OOM. */
class XmlPlistHostileInputTest {
    private static final String HEAD = XmlPlistWriter.HEADER;

    private static void refused(String xml, String problem) {
        assertThatThrownBy(() -> XmlPlistReader.read(xml.getBytes(StandardCharsets.UTF_8), "evil.plist",
                ParseLimits.DEFAULT)).isInstanceOf(SnapshotException.class).hasMessageContaining(problem);
    }

    @Test
    void billionLaughsIsRefusedAtTheInternalSubset() {
        refused("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
                + " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n"
                + "<plist><string>&lol2;</string></plist>", "line 2:16: DOCTYPE with an internal subset");
    }

    @Test
    void externalEntityIsNeverFetchedNorExpanded() {
        refused("<!DOCTYPE plist SYSTEM \"file:///etc/passwd\">\n<plist><string>&xxe;</string></plist>",
                "unknown entity &xxe;");
        refused("<!DOCTYPE p [<!ENTITY xxe SYSTEM \"http://example.com/x\">]><plist/>", "internal subset");
        refused("<!ENTITY x \"y\"><plist><true/></plist>", "entity declarations are refused");
    }

    @Test
    void deepNestingOf100000IsRefusedWithoutStackOverflow() {
        String open = "<array>".repeat(100_000);
        refused(HEAD + open + "</plist>", "nesting deeper than 512 levels");
        refused(HEAD + "<dict><key>a</key>".repeat(100_000), "nesting deeper than 512 levels");
    }

    @Test
    void hugeDeclaredSizesAndLongTextAreBounded() {
        refused(HEAD + "<integer size=\"4294967296\">1</integer></plist>", "size must be 8, 16, 32 or 64");
        ParseLimits small = new ParseLimits(64, 16, 100, 1 << 20);
        assertThatThrownBy(() -> XmlPlistReader.read((HEAD + "<string>" + "x".repeat(17) + "</string></plist>")
                .getBytes(StandardCharsets.UTF_8), "s", small)).hasMessageContaining("16-byte limit");
        assertThatThrownBy(() -> XmlPlistReader.read((HEAD + "<data>" + "QUFB".repeat(10) + "</data></plist>")
                .getBytes(StandardCharsets.UTF_8), "s", small)).hasMessageContaining("16-byte limit");
        assertThatThrownBy(() -> XmlPlistReader.read((HEAD + "<array>" + "<true/>".repeat(101) + "</array></plist>")
                .getBytes(StandardCharsets.UTF_8), "s", small)).hasMessageContaining("more than");
        assertThatThrownBy(() -> XmlPlistReader.read(new byte[2 << 20], "s", small))
                .hasMessageContaining("larger than");
    }

    @Test
    void idrefBombIsBoundedByTheExpandedSize() {
        // Each level holds two references to the previous one: 2^60 values once expanded.
        StringBuilder sb = new StringBuilder(HEAD + "<array><array ID=\"0\"><true/></array>");
        for (int i = 1; i <= 60; i++) {
            sb.append("<array ID=\"").append(i).append("\"><array IDREF=\"").append(i - 1)
                    .append("\"/><array IDREF=\"").append(i - 1).append("\"/></array>");
        }
        sb.append("</array></plist>");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refused(sb.toString(), "counting every IDREF"));
    }

    @Test
    void oversizedSetsAreRefused() {
        StringBuilder sb = new StringBuilder(HEAD + "<set>");
        for (int i = 0; i <= XmlPlistReader.MAX_SET_MEMBERS; i++) {
            sb.append("<integer>").append(i).append("</integer>");
        }
        refused(sb.append("</set></plist>").toString(), "set with more than 4096 members");
    }

    @Test
    void truncationAtEveryOffsetGivesACleanError() throws Exception {
        byte[] whole = RealPlists.bytes("IOHIDInterface-IOHIDInterface.plist");
        XmlPlistReader.read(whole, "whole", ParseLimits.DEFAULT);
        // Cutting anywhere before the final "</plist>" must fail cleanly (the last bytes are "</plist>\n").
        int lastValid = new String(whole, StandardCharsets.UTF_8).lastIndexOf("</plist>") + "</plist>".length();
        for (int n = 0; n < lastValid; n++) {
            byte[] cut = Arrays.copyOf(whole, n);
            int at = n;
            assertThatThrownBy(() -> XmlPlistReader.read(cut, "cut", ParseLimits.DEFAULT))
                    .as("cut at %d", at).isInstanceOf(SnapshotException.class);
        }
    }

    @Test
    void everySingleByteCorruptionEndsCleanly() {
        byte[] whole = RealPlists.bytes("AppleSMC-AppleSMC.plist");
        byte[] junk = {'<', '>', '&', '/', '"', 0, (byte) 0xff, '='};
        for (int i = 0; i < whole.length; i++) {
            for (byte j : junk) {
                byte[] bad = whole.clone();
                bad[i] = j;
                try {
                    XmlPlistReader.read(bad, "bad", ParseLimits.DEFAULT);
                } catch (SnapshotException expected) {
                    assertThat(expected.place()).startsWith("line ");
                }
            }
        }
    }
}
