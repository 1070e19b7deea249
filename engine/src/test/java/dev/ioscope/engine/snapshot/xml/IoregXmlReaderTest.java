package dev.ioscope.engine.snapshot.xml;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSUnserializable;
import dev.ioscope.engine.os.plist.XmlPlistReader;
import dev.ioscope.engine.os.plist.XmlPlistWriter;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IoregXmlReaderTest {
    private static final String HEAD = XmlPlistWriter.HEADER;

    private static Snapshot read(String xml) throws SnapshotException {
        return new IoregXmlReader().read(xml.getBytes(StandardCharsets.UTF_8), "t.xml", ParseLimits.DEFAULT);
    }

    private static String entry(String name, long id, String cls, String extra) {
        return "<dict><key>IOObjectClass</key><string>" + cls + "</string><key>IORegistryEntryID</key><integer>"
                + id + "</integer><key>IORegistryEntryName</key><string>" + name + "</string>" + extra + "</dict>";
    }

    @Test
    void readsSyntheticKeysAsIoregWritesThem() throws Exception {
        // Shaped like the ioreg -a excerpt of an IOSerialBSDClient (IOServiceState 30 = registered | matched |
        // first publish | first match; busy time in ns).
        Snapshot s = read(HEAD + entry("Root", 4294967552L, "IORegistryEntry",
                "<key>IOObjectRetainCount</key><integer>12</integer><key>IORegistryEntryChildren</key><array>"
                + entry("IOSerialBSDClient", 4295056527L, "IOSerialBSDClient",
                        "<key>IOProbeScore</key><integer>1000</integer><key>IORegistryEntryLocation</key>"
                        + "<string>1</string><key>IOServiceBusyState</key><integer>1</integer>"
                        + "<key>IOServiceBusyTime</key><integer>681250</integer><key>IOServiceState</key>"
                        + "<integer>30</integer><key>IOTTYDevice</key><string>usbserial-0001</string>")
                + "</array>") + "</plist>");
        IORegistry reg = s.registry();
        assertThat(reg.root().registryEntryID()).isEqualTo(4294967552L);
        assertThat(reg.root().state().retainCount()).isEqualTo(12);
        IORegistryEntry e = reg.entry(4295056527L).orElseThrow();
        assertThat(e.className()).isEqualTo("IOSerialBSDClient");
        assertThat(e.location()).isEqualTo("1");
        assertThat(e.state()).isEqualTo(new EntryState(true, true, true, true, 1, 0, -1));
        assertThat(e.snapshotInfo().get("IOServiceBusyTime")).isEqualTo(OSNumber.of32(681250));
        assertThat(e.properties()).isEqualTo(OSDictionary.of("IOProbeScore", OSNumber.of32(1000),
                "IOTTYDevice", OSString.of("usbserial-0001")));
        assertThat(e.parent(reg.plane("IOService"))).isSameAs(reg.root());
        // This hand-made input puts the synthetic keys first, so the reader records it as unsorted.
        assertThat(s.info().get("keyOrder")).isEqualTo(OSString.of("table"));
    }

    @Test
    void rootedMatchesWithSingleDictChildrenQuirk() throws Exception {
        // ioreg -a -r -t -n X: an array of parent chains; a parent's IORegistryEntryChildren is one dict.
        String chain1 = entry("Root", 100, "IORegistryEntry", "<key>IORegistryEntryChildren</key>"
                + entry("PE", 101, "IOPlatformExpertDevice", "<key>IORegistryEntryChildren</key>"
                + entry("X", 102, "IOService", "")));
        String chain2 = entry("Root", 100, "IORegistryEntry", "<key>IORegistryEntryChildren</key>"
                + entry("PE", 101, "IOPlatformExpertDevice", "<key>IORegistryEntryChildren</key>"
                + entry("X", 103, "IOService", "")));
        Snapshot s = read(HEAD + "<array>" + chain1 + chain2 + "</array></plist>");
        IORegistryPlane p = s.registry().plane("IOService");
        assertThat(s.registry().size()).isEqualTo(4);
        assertThat(s.registry().entry(101).orElseThrow().children(p))
                .extracting(IORegistryEntry::registryEntryID).containsExactly(102L, 103L);
        assertThat(s.info().get("ioregMatches")).isEqualTo(OSNumber.of32(2));
    }

    @Test
    void unrootedMatchesHangFromASyntheticRoot() throws Exception {
        Snapshot s = read(HEAD + "<array>" + entry("A", 200, "IOService", "") + entry("B", 300, "IOService", "")
                + "</array></plist>");
        assertThat(s.registry().root().children(s.registry().plane("IOService"))).hasSize(2);
        assertThat(s.info().containsKey("syntheticRoot")).isTrue();
    }

    @Test
    void planeComesFromTheFileName() throws Exception {
        byte[] xml = (HEAD + entry("Root", 1, "IORegistryEntry", "") + "</plist>").getBytes(StandardCharsets.UTF_8);
        assertThat(new IoregXmlReader().read(xml, "/tmp/mac.IODeviceTree.xml", ParseLimits.DEFAULT).info()
                .get("plane")).isEqualTo(OSString.of("IODeviceTree"));
        assertThat(new IoregXmlReader().read(xml, "ioreg.xml", ParseLimits.DEFAULT).info().get("plane"))
                .isEqualTo(OSString.of("IOService"));
        assertThat(new IoregXmlReader("IOPower").read(xml, "x.IOUSB.xml", ParseLimits.DEFAULT).info().get("plane"))
                .isEqualTo(OSString.of("IOPower"));
    }

    @Test
    void sniffAcceptsIoregXmlButNotPlainPlists() throws Exception {
        IoregXmlReader r = new IoregXmlReader();
        assertThat(r.sniff((HEAD + entry("Root", 1, "IORegistryEntry", "")).getBytes(StandardCharsets.UTF_8),
                "x")).isTrue();
        Path kext = sharedData().resolve("kexts/Lilu/Info.plist");
        byte[] info = Files.readAllBytes(kext);
        assertThat(r.sniff(info, kext.toString())).isFalse();
        assertThat(r.sniff("bplist00".getBytes(StandardCharsets.US_ASCII), "a.plist")).isFalse();
        // Snapshots façade: detected by content.
        String xml = HEAD + entry("Root", 1, "IORegistryEntry", "") + "</plist>";
        assertThat(Snapshots.detect(xml.getBytes(StandardCharsets.UTF_8), "noext")).containsInstanceOf(
                IoregXmlReader.class);
        assertThatThrownBy(() -> r.read(info, "Info.plist", ParseLimits.DEFAULT))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("not an ioreg -a registry");
    }

    @Test
    void badRegistryShapesAreCleanErrors() {
        assertThatThrownBy(() -> read(HEAD + entry("Root", 1, "IORegistryEntry",
                "<key>IORegistryEntryChildren</key><string>no</string>") + "</plist>"))
                .hasMessage("t.xml: entry \"Root\" (id 0x1): IORegistryEntryChildren is a OSString");
        assertThatThrownBy(() -> read(HEAD + entry("Root", 1, "IORegistryEntry",
                "<key>IORegistryEntryChildren</key><array>" + entry("A", 2, "IOService",
                        "<key>IORegistryEntryChildren</key>" + entry("Root", 1, "IOService", "")) + "</array>")
                + "</plist>")).isInstanceOf(SnapshotException.class).hasMessageContaining("its own ancestor");
        assertThatThrownBy(() -> read(HEAD + "<dict><key>IORegistryEntryName</key><string>R</string>"
                + "<key>IOServiceState</key><string>x</string></dict></plist>"))
                .hasMessageContaining("IOServiceState is a OSString, not a number");
        assertThatThrownBy(() -> read(HEAD + "<true/></plist>")).hasMessageContaining("top level is a OSBoolean");
    }

    @Test
    void realPropertyTablesMakeARealisticIoregFile() throws Exception {
        // Entries whose property tables are the real iMac16,1 ones, written as ioreg -a -l would and read back.
        IORegistry reg = IORegistry.create();
        IORegistryPlane svc = reg.plane("IOService");
        IORegistryEntry parent = reg.root();
        for (String n : List.of("IOPlatformExpertDevice-iMac16_1.plist",
                "AppleACPIPlatformExpert-AppleACPIPlatformExpert.plist",
                "IOPCIDevice-XHC1.plist", "AppleHDAController-AppleHDAController.plist")) {
            byte[] b = getClass().getResourceAsStream("/plist/real/" + n).readAllBytes();
            IORegistryEntry e = reg.createEntry(n.substring(0, n.indexOf('-')), n);
            e.setProperties((OSDictionary) OSUnserializable.recognize(
                    XmlPlistReader.read(b, n, ParseLimits.DEFAULT)));
            e.setState(EntryState.settledService(3));
            reg.attach(e, parent, svc);
            parent = e;
        }
        String xml = IoregXmlRoundTripTest.write(new Snapshot(reg, SnapshotFormat.IOREG_XML,
                null, "real"), new IoregXmlWriter(null, null));
        Snapshot back = IoregXmlRoundTripTest.read(xml, "real.xml");
        IoregXmlRoundTripTest.assertSameEntries(reg, svc, back.registry(),
                XmlPlistWriter.KeyOrder.SORTED);
        IORegistryEntry pci = back.registry().entries().stream().filter(e -> e.className().equals("IOPCIDevice"))
                .findFirst().orElseThrow();
        assertThat(pci.property("vendor-id")).isEqualTo(OSData.ofHex("86800000"));
    }

    static Path sharedData() {
        return TestData.root();
    }
    @Test
    void aRootWhoseIOKitDiagnosticsFillsTheSniffedHeadIsStillDetected() throws Exception {
        StringBuilder classes = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            classes.append("<key>AppleClass").append(i).append("</key><integer>1</integer>\n");
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict>\n"
                + "<key>IOKitDiagnostics</key><dict><key>Classes</key><dict>\n" + classes + "</dict></dict>\n"
                + "<key>IORegistryEntryID</key><integer>256</integer>\n"
                + "<key>IORegistryEntryName</key><string>Root</string>\n"
                + "<key>IOObjectClass</key><string>IORegistryEntry</string>\n</dict>\n</plist>\n";
        byte[] data = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(data.length).isGreaterThan(4096);
        assertThat(Snapshots.detect(data, "root.xml")).map(r -> r.format()).contains(SnapshotFormat.IOREG_XML);
    }
}
