package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSUnserializable;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The model a real dump loads into: types, IDs, links. Expected values read by hand from the files. */
class IoregTextModelTest {
    private static final IORegistryPlane SERVICE = new IORegistryPlane("IOService");

    private static Snapshot load(String file) throws Exception {
        return Snapshots.load(TestData.path("snapshots/" + file));
    }

    @Test
    void detectsTheFormatAndThePlane() throws Exception {
        Snapshot s = load("MacBookPro8-1.IOService.txt");
        assertThat(s.format()).isEqualTo(SnapshotFormat.IOREG_TEXT);
        assertThat(s.info().get(IoregTextInfo.PLANE)).isEqualTo(OSString.of("IOService"));
        assertThat(load("MacBookPro8-1.IODeviceTree.txt").info().get(IoregTextInfo.PLANE))
                .isEqualTo(OSString.of("IODeviceTree"));
        assertThat(load("Hackintosh-DellADL-macOS13.IOService.txt").info().get(IoregTextInfo.PLANE))
                .isEqualTo(OSString.of("IOService"));
    }

    @Test
    void entriesAreKeyedByIdNotByPosition() throws Exception {
        // 612 headers but 540 distinct ids (grep -o 'id 0x[0-9a-f]*' | sort -u); IOHIDSystem 0x100000264 is
        // printed 12 times, under 12 different parents.
        IORegistry r = load("MacBookPro8-1.IOService.txt").registry();
        assertThat(r.size()).isEqualTo(540);
        IORegistryEntry hid = r.entry(0x100000264L).orElseThrow();
        assertThat(hid.className()).isEqualTo("IOHIDSystem");
        assertThat(hid.parents(SERVICE)).hasSize(12);
        assertThat(load("Hackintosh-DellADL-macOS13.IOService.txt").registry().size()).isEqualTo(574);
        assertThat(load("MacBookPro8-1.IODeviceTree.txt").registry().size()).isEqualTo(120);
    }

    @Test
    void valuesHaveTheirLibkernTypes() throws Exception {
        IORegistry r = load("MacBookPro8-1.IOService.txt").registry();
        IORegistryEntry root = r.root();
        assertThat(root.registryEntryID()).isEqualTo(0x100000100L);
        assertThat(root.state().retainCount()).isEqualTo(11);
        assertThat(root.property("IOKitBuildVersion")).isInstanceOf(OSString.class);
        assertThat(root.property("IOMaximumMappedIOByteCount")).isEqualTo(OSNumber.of32(536870912));
        assertThat(root.property("IOConsoleUsers")).isInstanceOf(OSArray.class);

        IORegistryEntry platform = r.entry(0x100000110L).orElseThrow();
        assertThat(platform.property("compatible")).isInstanceOf(OSData.class);
        assertThat(((OSData) platform.property("compatible")).equalsCString("MacBookPro8,1")).isTrue();
        assertThat(platform.property("IOPolledInterface"))
                .isEqualTo(new OSUnserializable("SMCPolledInterface is not serializable"));
        assertThat(platform.state().busyTimeMs()).isEqualTo(109535);

        // line 735: "IOProbeScore" = 18446744073709551516, the 64-bit rendering of a 32-bit -100
        OSNumber score = (OSNumber) r.entry(0x1000001faL).orElseThrow().property("IOProbeScore");
        assertThat(score.bits()).isEqualTo(32);
        assertThat(score.signedValue()).isEqualTo(-100);

        IORegistryEntry pci0 = r.entries().stream()
                .filter(e -> e.property("device-properties") instanceof OSDictionary).findFirst().orElseThrow();
        OSDictionary dp = (OSDictionary) pci0.property("device-properties");
        assertThat(dp.get("acpi-device")).isInstanceOf(OSUnserializable.class);
        assertThat(dp.get("acpi-path")).isEqualTo(OSString.of("IOACPIPlane:/_SB/PCI0@0"));
        assertThat(((OSNumber) pci0.property("_STA")).signedValue()).isEqualTo(-1);
        assertThat(pci0.property("IODTPersist")).isEqualTo(OSData.of(new byte[0]));
        OSData names = (OSData) r.entries().stream().map(e -> e.property("compatible"))
                .filter(v -> v instanceof OSData d && new String(d.toByteArray(), StandardCharsets.ISO_8859_1)
                        .startsWith("pci106b,db")).findFirst().orElseThrow();
        assertThat(new String(names.toByteArray(), StandardCharsets.ISO_8859_1))
                .isEqualTo("pci106b,db\0pci8086,104\0pciclass,060000\0");
    }

    @Test
    void stringsIoregCouldNotPrintAreKeptAsPlaceholders() throws Exception {
        // line 7183: {"…","Product"=,"VersionNumber"=132,…}: ioreg printed nothing for a non-ASCII product name
        IORegistry r = load("MacBookPro8-1.IOService.txt").registry();
        OSDictionary bt = (OSDictionary) r.entries().stream().map(e -> e.property("c4-2c-03-ad-ad-2c"))
                .filter(x -> x != null).findFirst().orElseThrow();
        assertThat(bt.get("Product")).isEqualTo(new OSUnserializable(OSUnserializable.UNPRINTED));
        assertThat(bt.get("VersionNumber")).isEqualTo(OSNumber.of32(132));
    }

    @Test
    void multiLineStringsStayWhole() throws Exception {
        IORegistry r = load("MacBookPro8-1.IOService.txt").registry();
        OSString v = (OSString) r.entries().stream().map(e -> e.property("IO80211HardwareVersion"))
                .filter(x -> x != null).findFirst().orElseThrow();
        assertThat(v.value()).startsWith("vendorid: 0x14e4\ndeviceid: 0x4331\n").endsWith("bus: 0x1\n");
    }

    @Test
    void hexDumpNumbersAreNumbers() throws Exception {
        Snapshot s = load("MacBookPro8-1.IODeviceTree.txt");
        assertThat(s.info().get(IoregTextInfo.HEX).toString()).isEqualTo("Yes");
        // "IOMaximumMappedIOByteCount" = 0x20000000 in the -x dump, 536870912 in the plain one
        assertThat(s.registry().root().property("IOMaximumMappedIOByteCount")).isEqualTo(OSNumber.of32(0x20000000));
    }

    @Test
    void plainTreeWithoutPropertiesLoads() throws Exception {
        String text = "+-o Root  <class IORegistryEntry, id 0x100000100, retain 11>\n"
                + "  +-o MacBookPro8,1  <class IOPlatformExpertDevice, id 0x100000110, registered, matched, "
                + "active, busy 0 (109535 ms), retain 41>\n"
                + "    +-o IOResources  <class IOResources, id 0x100000113, registered, matched, active, busy 0 "
                + "(0 ms), retain 26>\n";
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        Snapshot s = new IoregTextReader().read(b, "tree", ParseLimits.DEFAULT);
        assertThat(s.registry().size()).isEqualTo(3);
        assertThat(s.info().get(IoregTextInfo.PROPERTIES)).isEqualTo(OSString.of("none"));
        var out = new ByteArrayOutputStream();
        new IoregTextWriter().write(s, out);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    @Test
    void headersWithoutIdsGetSynthesizedIds() throws Exception {
        String text = "+-o Root  <class IORegistryEntry, retain 11>\n"
                + "  +-o A  <class IOService, registered, matched, active, busy 0, retain 4>\n"
                + "  +-o A  <class IOService, registered, matched, active, busy 0, retain 4>\n";
        Snapshot s = new IoregTextReader().read(text.getBytes(StandardCharsets.US_ASCII), "old",
                ParseLimits.DEFAULT);
        assertThat(s.registry().size()).isEqualTo(3);
        assertThat(s.info().get(IoregTextInfo.IDS).toString()).isEqualTo("No");
        var out = new ByteArrayOutputStream();
        new IoregTextWriter().write(s, out);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    @Test
    void aStringThatLooksLikeItEndsEarlyIsReadByBacktracking() throws Exception {
        String text = "+-o Root  <class IORegistryEntry, id 0x100000100, retain 1>\n"
                + "    {\n"
                + "      \"d\" = {\"a\"=\"x\",\"y\",\"b\"=1}\n"
                + "      \"e\" = (\"p)\",3)\n"
                + "    }\n"
                + "    \n";
        Snapshot s = new IoregTextReader().read(text.getBytes(StandardCharsets.US_ASCII), "amb",
                ParseLimits.DEFAULT);
        OSDictionary d = (OSDictionary) s.registry().root().property("d");
        assertThat(d.get("a")).isEqualTo(OSString.of("x\",\"y"));
        assertThat(d.get("b")).isEqualTo(OSNumber.of32(1));
        assertThat(s.registry().root().property("e")).isEqualTo(OSArray.of(OSString.of("p)"), OSNumber.of32(3)));
        var out = new ByteArrayOutputStream();
        new IoregTextWriter().write(s, out);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    @Test
    void theFileEndingIsKept() throws Exception {
        String tree = "+-o Root  <class IORegistryEntry, id 0x100000100, retain 11>\n"
                + "  +-o A  <class IOService, id 0x100000200, registered, matched, active, busy 0, retain 4>";
        for (String ending : new String[] {"", "\n", "\n\n\n"}) {
            Snapshot s = new IoregTextReader().read((tree + ending).getBytes(StandardCharsets.US_ASCII), "t",
                    ParseLimits.DEFAULT);
            var out = new ByteArrayOutputStream();
            new IoregTextWriter().write(s, out);
            assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(tree + ending);
        }
    }

    @Test
    void callerCanNameThePlane() throws Exception {
        byte[] b = Files.readAllBytes(TestData.path("snapshots/MacBookPro8-1.IODeviceTree.txt"));
        Snapshot s = new IoregTextReader().read(b, "dt", ParseLimits.DEFAULT, "IOService");
        assertThat(s.registry().findPlane("IOService")).isPresent();
        assertThat(s.registry().findPlane("IODeviceTree")).isEmpty();
    }
}
