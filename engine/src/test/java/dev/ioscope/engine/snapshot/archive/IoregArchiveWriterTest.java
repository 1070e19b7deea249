package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.plist.BinaryPlistReader;
import dev.ioscope.engine.os.plist.PlistValue;
import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryEquivalence;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class IoregArchiveWriterTest {
    static byte[] write(Snapshot s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Snapshots.write(s, SnapshotFormat.IOREG_ARCHIVE, out);
        return out.toByteArray();
    }

    static Snapshot reread(byte[] bytes) throws Exception {
        return Snapshots.read(bytes, "rewritten.ioreg", "rewritten.ioreg", ParseLimits.DEFAULT);
    }

    @Test
    void macBookProRoundTripsToAnEqualRegistry() throws Exception {
        Snapshot first = IoregArchiveReaderTest.mbp();
        byte[] bytes = write(first);
        Snapshot second = reread(bytes);
        assertThat(second.format()).isEqualTo(SnapshotFormat.IOREG_ARCHIVE);
        assertThat(second.info()).isEqualTo(first.info());
        RegistryAssert.assertSameRegistry(second.registry(), first.registry());
        // and the second write is byte-identical to the first: nothing drifts
        assertThat(write(second)).isEqualTo(bytes);
    }

    @Test
    void iMacRoundTripsToAnEqualRegistry() throws Exception {
        Snapshot first = IoregArchiveReaderTest.imac();
        Snapshot second = reread(write(first));
        assertThat(second.info()).isEqualTo(first.info());
        RegistryAssert.assertSameRegistry(second.registry(), first.registry());
    }

    @Test
    void writtenArchiveHasApplesClassesAndKeys() throws Exception {
        PDict apple = (PDict) BinaryPlistReader.read(
                Files.readAllBytes(TestData.path("snapshots/iMac16-1.ioreg")), "apple", ParseLimits.DEFAULT);
        PDict ours = (PDict) BinaryPlistReader.read(write(IoregArchiveReaderTest.imac()), "ours",
                ParseLimits.DEFAULT);
        assertThat(ours.entries().keySet()).containsExactlyElementsOf(apple.entries().keySet());
        assertThat(ours.get("$archiver")).isEqualTo(new PString("NSKeyedArchiver"));
        assertThat(ours.get("$top")).isEqualTo(new PDict(Map.of("root", new PUid(1))));
        assertThat(classes(ours)).isEqualTo(classes(apple));
        assertThat(keysOf(ours, "RexRegistryEntry")).isEqualTo(keysOf(apple, "RexRegistryEntry"));
        assertThat(keysOf(ours, "RexDataStore")).isEqualTo(keysOf(apple, "RexDataStore"));
        PArray objects = (PArray) ours.get("$objects");
        assertThat(objects.get(0)).isEqualTo(new PString("$null"));
        for (PlistValue o : objects.items()) {
            if (o instanceof PDict d && d.get("properties") instanceof PData p) {
                String xml = new String(p.toByteArray(), StandardCharsets.UTF_8);
                assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC "
                        + "\"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                        + "<plist version=\"1.0\">\n");
            }
        }
    }

    @Test
    void aRegistryBuiltInMemoryWritesAndReadsBack() throws Exception {
        IORegistry r = IORegistry.create();
        IORegistryPlane service = r.plane("IOService");
        IORegistryPlane dt = r.plane("IODeviceTree");
        IORegistryEntry platform = r.createEntry("IOPlatformExpertDevice", "Mac");
        platform.setName(dt, "/");
        r.attach(platform, r.root(), service);
        r.attach(platform, r.root(), dt);
        IORegistryEntry pci = r.createEntry("IOPCIDevice", "XHC1");
        pci.setLocation("14");
        pci.setProperty("IOName", OSString.of("pci8086,a36d"));
        pci.setProperty("IOProbeScore", OSNumber.of32(-100));
        pci.setState(EntryState.settledService(13));
        r.attach(pci, platform, service);
        byte[] bytes = write(new Snapshot(r, SnapshotFormat.IOREG_ARCHIVE, OSDictionary.empty(), "mem"));
        Snapshot back = reread(bytes);
        IORegistry b = back.registry();
        assertThat(b.size()).isEqualTo(3);
        IORegistryEntry x = b.entry(pci.registryEntryID()).orElseThrow();
        assertThat(x.property("IOProbeScore")).isEqualTo(OSNumber.of32(-100));
        assertThat(x.parent(b.plane("IOService")).name()).isEqualTo("Mac");
        // the entry had no recorded chain: it stays so (the archive carries the catalogue's chain for Apple's tool)
        assertThat(x.inheritance()).isEmpty();
        assertThat(x.className()).isEqualTo("IOPCIDevice");
        assertThat(RegistryEquivalence.differences(r, b, 10)).isEmpty();
        // busy time is not an Apple key: it travels in IOScope's extras
        assertThat(x.state()).isEqualTo(EntryState.settledService(13));
        assertThat(b.entry(platform.registryEntryID()).orElseThrow().name(b.plane("IODeviceTree"))).isEqualTo("/");
        // the snapshot had no info: it reads back without any, while the store itself has Apple's fields
        assertThat(back.info()).isEqualTo(OSDictionary.empty());
        PArray objects = (PArray) ((PDict) BinaryPlistReader.read(bytes, "mem", ParseLimits.DEFAULT)).get("$objects");
        PDict store = (PDict) objects.get(1);
        assertThat(store.get("dataStoreVersion")).isEqualTo(PlistValue.PInt.of(1));
        assertThat(store.get("isUpToDate")).isEqualTo(PlistValue.PBool.TRUE);
        assertThat(objects.get((int) ((PUid) store.get("hostName")).index())).isEqualTo(new PString("mem"));
        assertThat(store.get("ioscopeExtras")).isNotNull();
    }

    private static Set<String> classes(PDict archive) {
        Set<String> out = new TreeSet<>();
        for (PlistValue o : ((PArray) archive.get("$objects")).items()) {
            if (o instanceof PDict d && d.get("$classname") instanceof PString n) {
                out.add(n.value() + " " + d.get("$classes"));
            }
        }
        return out;
    }

    private static Set<String> keysOf(PDict archive, String className) {
        PArray objects = (PArray) archive.get("$objects");
        Set<String> out = new TreeSet<>();
        for (PlistValue o : objects.items()) {
            if (o instanceof PDict d && d.get("$class") instanceof PUid u
                    && objects.get((int) u.index()) instanceof PDict c
                    && c.get("$classname").equals(new PString(className))) {
                out.addAll(d.entries().keySet());
            }
        }
        return out;
    }
}
