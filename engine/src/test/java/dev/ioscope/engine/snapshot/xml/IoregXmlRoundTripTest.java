package dev.ioscope.engine.snapshot.xml;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.plist.XmlPlistWriter.KeyOrder;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IoregXmlRoundTripTest {
    /** A registry with every value type and width, two planes, a plane-specific name and a two-parent entry. */
    static IORegistry sample() {
        IORegistry reg = IORegistry.create();
        IORegistryPlane svc = reg.plane(IORegistryPlane.IOSERVICE);
        IORegistryPlane dt = reg.plane(IORegistryPlane.IODEVICETREE);
        reg.root().setProperties(OSDictionary.of("IOKitBuildVersion", OSString.of("Darwin Kernel Version 17.7.0")));
        reg.root().setState(EntryState.PLAIN.withRetainCount(7));

        IORegistryEntry pe = reg.createEntry("IOPlatformExpertDevice", "MacBookPro15,1");
        pe.setInheritance(List.of("IOPlatformExpertDevice", "IOService", "IORegistryEntry", "OSObject"));
        pe.setState(new EntryState(true, true, true, true, 0, 12, 20));
        pe.setName(dt, "device-tree");
        pe.setProperties(OSDictionary.of(
                "zz-last", OSString.of("table order is not sorted"),
                "model", OSData.wrap("MacBookPro15,1\0".getBytes(StandardCharsets.US_ASCII)),
                "n8", OSNumber.of(0xfe, 8), "n16", OSNumber.of(0xffff, 16), "n32neg", OSNumber.of32(-100),
                "n32big", OSNumber.of32(0x80000000L), "n64small", OSNumber.of64(3),
                "n64big", OSNumber.of64(0x123456789abcdefL), "n64max", OSNumber.of64(-1),
                "yes", OSBoolean.TRUE, "no", OSBoolean.FALSE, "empty", OSData.wrap(new byte[0]),
                "text", OSString.of("a <b> & c é 日本\n\ttab"), "emptyString", OSString.of(""),
                "arr", OSArray.of(OSNumber.of32(1), OSArray.of(), OSDictionary.empty()),
                "set", OSSet.of(OSString.of("x"), OSString.of("y")),
                "nested", OSDictionary.of("b", OSNumber.of32(2), "a", OSData.ofHex("00ff")),
                "big", OSData.wrap(new byte[300])));
        reg.attach(pe, reg.root(), svc);
        reg.attach(pe, reg.root(), dt);

        IORegistryEntry pci = reg.createEntry("AppleACPIPCI", "PCI0");
        pci.setLocation("0");
        pci.setState(new EntryState(true, true, false, true, 2, 1500, 11));
        pci.setProperties(OSDictionary.of("compatible", OSData.ofHex("504e5030413038000000")));
        reg.attach(pci, pe, svc);
        reg.attach(pci, pe, dt);

        IORegistryEntry hid = reg.createEntry("IOHIDInterface", "IOHIDInterface");
        hid.setState(new EntryState(true, false, false, false, 0, 0, 5));
        reg.attach(hid, pci, svc);
        IORegistryEntry other = reg.createEntry("IOHIDDevice", "Keyboard");
        other.setLocation("14100000");
        other.setState(EntryState.settledService(9));
        reg.attach(other, pe, svc);
        reg.attach(hid, other, svc);          // the two-parent entry: printed twice by ioreg
        IORegistryEntry leaf = reg.createEntry("IOHIDEventDriver", "IOHIDEventDriver");
        leaf.setState(EntryState.settledService(6));
        leaf.setProperties(OSDictionary.of("IOProbeScore", OSNumber.of32(-100)));
        reg.attach(leaf, hid, svc);
        return reg;
    }

    static String write(Snapshot s, IoregXmlWriter w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(s, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Snapshot read(String xml, String name) throws SnapshotException {
        return new IoregXmlReader().read(xml.getBytes(StandardCharsets.UTF_8), name, ParseLimits.DEFAULT);
    }

    @Test
    void everyEntryOfEveryPlaneSurvivesWriteAndRead() throws Exception {
        IORegistry reg = sample();
        for (IORegistryPlane plane : reg.planes()) {
            for (KeyOrder order : KeyOrder.values()) {
                Snapshot original = new Snapshot(reg, SnapshotFormat.IOREG_XML, null, "sample");
                String xml = write(original, new IoregXmlWriter(plane.name(), order));
                Snapshot back = read(xml, "sample." + plane.name() + ".xml");
                assertThat(back.info().get("plane")).isEqualTo(OSString.of(plane.name()));
                assertThat(back.registry().entryCount(back.registry().plane(plane.name())))
                        .isEqualTo(reg.entryCount(plane));
                assertSameEntries(reg, plane, back.registry(), order);
                // XML -> model -> XML is stable.
                assertThat(write(back, new IoregXmlWriter(null, null))).isEqualTo(xml);
            }
        }
    }

    static void assertSameEntries(IORegistry a, IORegistryPlane plane, IORegistry b, KeyOrder order) {
        IORegistryPlane bp = b.plane(plane.name());
        for (IORegistryEntry e : a.entries()) {
            if (e != a.root() && e.parents(plane).isEmpty()) {
                assertThat(b.entry(e.registryEntryID())).as("%s not in %s", e, plane).isEmpty();
                continue;
            }
            IORegistryEntry f = b.entry(e.registryEntryID()).orElseThrow();
            String what = e + " in " + plane;
            assertThat(f.name(bp)).as(what).isEqualTo(e.name(plane));
            assertThat(f.location(bp)).as(what).isEqualTo(e.location(plane));
            assertThat(f.className()).as(what).isEqualTo(e.className());
            assertThat(f.inheritance()).as(what).isEqualTo(e.inheritance());
            assertThat(f.state()).as(what).isEqualTo(e.state());
            OSDictionary expected = e.properties();
            if (order == KeyOrder.SORTED) {
                expected = sorted(expected);
            }
            assertThat(f.properties()).as(what).isEqualTo(expected);
            assertThat(ids(f.children(bp))).as(what).isEqualTo(ids(e.children(plane)));
            // ioreg -a records children order only: a many-parent entry's parents come back in tree-walk order
            // (IOHIDSystem has 12 parents in the IOService plane of iMac16-1.ioreg).
            assertThat(ids(f.parents(bp))).as(what).containsExactlyInAnyOrderElementsOf(ids(e.parents(plane)));
        }
    }

    static OSDictionary sorted(OSDictionary d) {
        OSDictionary.Builder b = OSDictionary.builder();
        d.keys().stream().sorted().forEach(k -> b.put(k, d.get(k) instanceof OSDictionary n ? sorted(n) : d.get(k)));
        return b.build();
    }

    static List<Long> ids(List<IORegistryEntry> es) {
        return es.stream().map(IORegistryEntry::registryEntryID).toList();
    }

    @Test
    void twoParentEntryIsWrittenTwiceAndReadOnce() throws Exception {
        IORegistry reg = sample();
        String xml = write(new Snapshot(reg, SnapshotFormat.IOREG_XML, null, "s"), new IoregXmlWriter(null, null));
        assertThat(xml.split("<string>IOHIDInterface</string>", -1)).hasSize(1 + 2 * 2); // name and class, twice
        Snapshot back = read(xml, "s.xml");
        IORegistryEntry hid = back.registry().entries().stream()
                .filter(e -> e.className().equals("IOHIDInterface")).reduce((x, y) -> {
                    throw new AssertionError("duplicated");
                }).orElseThrow();
        assertThat(hid.parents(back.registry().plane("IOService"))).hasSize(2);
        assertThat(hid.children(back.registry().plane("IOService"))).hasSize(1);
    }

    @Test
    void sortedOutputPlacesSyntheticKeysAsCoreFoundationSortsThem() throws Exception {
        String xml = write(new Snapshot(sample(), SnapshotFormat.IOREG_XML, null, "s"), new IoregXmlWriter(null, null));
        // The IOService state of an active registered matched service, as ioreg -a prints it (see IoregKeys).
        String flat = xml.replace("\t", "");
        assertThat(flat).contains("<key>IOObjectClass</key>\n<string>IOPlatformExpertDevice</string>\n"
                + "<key>IOObjectInheritance</key>\n<array>\n<string>IORegistryEntry</string>\n"
                + "<string>IOService</string>\n<string>IOPlatformExpertDevice</string>\n</array>\n"
                + "<key>IOObjectRetainCount</key>\n<integer>20</integer>\n"
                + "<key>IORegistryEntryChildren</key>\n<array>\n");
        assertThat(flat).contains("<key>IOServiceBusyState</key>\n<integer>0</integer>\n"
                + "<key>IOServiceBusyTime</key>\n<integer>12000000</integer>\n"
                + "<key>IOServiceState</key>\n<integer>30</integer>\n");
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC "
                + "\"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\">\n<dict>\n\t<key>IOKitBuildVersion</key>\n");
    }
}
