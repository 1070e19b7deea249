package dev.ioscope.engine.snapshot.live;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.os.plist.XmlPlistWriter;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.xml.IoregXmlWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live registry read through a stand-in ioreg (engine/src/test/resources/live/ioreg) that answers
 * {@code -a -l -w0 -p PLANE} from dumps of a real Mac's registry (iMac16-1.ioreg, 5 planes), with a device
 * removed between the first and the second refresh and back in the third.
 */
public class LiveRegistryTest {
    static final String REAL = "snapshots/iMac16-1.ioreg";

    /** The dumps, written once for the class: set 0 the real registry, 1 without the device, 2 with it again. */
    static Path dumps;

    @BeforeAll
    static void writeDumps(@TempDir Path dir) throws Exception {
        dumps = dir;
        writeDumps(dir, DEVICE);
    }

    /** The name of the device that leaves between the first and the second refresh (an IOUSBDevice: a USB stick). */
    static final String DEVICE = "Mass Storage Device";

    /**
     * Writes the stand-in's dump sets into {@code dir}: set 0 the real registry, set 1 without the entry named
     * {@code deviceName} (and so without its subtree), set 2 with it again.
     */
    public static void writeDumps(Path dir, String deviceName) throws Exception {
        Snapshot real = Snapshots.load(TestData.path(REAL));
        dump(real, dir.resolve("0"));
        IORegistry reg = real.registry();
        IORegistryEntry device = reg.entries().stream().filter(e -> e.name().equals(deviceName)).findFirst()
                .orElseThrow();
        for (IORegistryPlane p : List.copyOf(device.planes())) {
            reg.detachAll(device, p);
        }
        reg.remove(device);
        dump(real, dir.resolve("1"));
        Files.createSymbolicLink(dir.resolve("2"), dir.resolve("0"));
    }

    /** A fresh stand-in ioreg in {@code dir}/bin answering from {@code dumps}; returns the folder for the PATH. */
    public static Path standIn(Path dir, Path dumps) throws Exception {
        Files.createSymbolicLink(dir.resolve("dumps"), dumps);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path ioreg = bin.resolve("ioreg");
        try (InputStream in = LiveRegistryTest.class.getResourceAsStream("/live/ioreg")) {
            Files.copy(in, ioreg);
        }
        assertThat(ioreg.toFile().setExecutable(true)).isTrue();
        return bin;
    }

    static void dump(Snapshot s, Path dir) throws Exception {
        Files.createDirectories(dir);
        for (IORegistryPlane p : s.registry().planes()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(p.name() + ".xml"))) {
                new IoregXmlWriter(p.name(), XmlPlistWriter.KeyOrder.SORTED).write(s, out);
            }
        }
    }

    @Test
    void everyPlaneIsReadAndMergedIntoTheModelASaveGives(@TempDir Path dir) throws Exception {
        Path bin = standIn(dir, dumps);
        Path ioreg = LiveRegistry.locate(bin + File.pathSeparator + "/usr/bin").orElseThrow();
        assertThat(ioreg).isEqualTo(bin.resolve("ioreg"));

        Snapshot live = new LiveRegistry(ioreg).read();
        IORegistry saved = Snapshots.load(TestData.path(REAL)).registry();

        assertThat(live.registry().planes()).extracting(IORegistryPlane::name)
                .containsExactlyInAnyOrderElementsOf(saved.planes().stream().map(IORegistryPlane::name).toList());
        for (IORegistryPlane p : saved.planes()) {
            assertThat(live.registry().entryCount(live.registry().plane(p.name()))).as(p.name())
                    .isEqualTo(saved.entryCount(p));
        }
        // every entry the save shows in some plane (the save also keeps 2 entries that are in none, which no
        // ioreg -p can answer)
        assertThat(live.registry().size()).isEqualTo(saved.entries().stream().filter(e -> !e.planes().isEmpty())
                .count());
        // the same object in two planes is one entry, as in the save
        IORegistryPlane dt = live.registry().plane("IODeviceTree");
        IORegistryPlane service = live.registry().plane("IOService");
        List<IORegistryEntry> both = live.registry().entries().stream().filter(e -> e.inPlane(dt)
                && e.inPlane(service)).toList();
        assertThat(both).isNotEmpty();
        for (IORegistryEntry e : both) {
            assertThat(saved.entry(e.registryEntryID()).orElseThrow().planes()).hasSameSizeAs(e.planes());
        }
    }

    @Test
    void eachRefreshSeesDevicesComeAndGo(@TempDir Path dir) throws Exception {
        Path bin = standIn(dir, dumps);
        LiveRegistry live = new LiveRegistry(bin.resolve("ioreg"));
        Snapshot first = live.read();
        Snapshot second = live.read();
        Snapshot third = live.read();

        RegistryDiff.Result gone = RegistryDiff.diff(first.registry(), second.registry());
        assertThat(gone.removed()).extracting(IORegistryEntry::name).contains(DEVICE);
        assertThat(gone.added()).isEmpty();
        RegistryDiff.Result back = RegistryDiff.diff(second.registry(), third.registry());
        assertThat(back.added()).extracting(IORegistryEntry::name).contains(DEVICE);
        assertThat(back.removed()).isEmpty();
    }

    @Test
    void noIoregOnThePathAndAFailingIoregAreSaidPlainly(@TempDir Path dir) throws Exception {
        assertThat(LiveRegistry.locate(dir.toString())).isEmpty();
        assertThat(LiveRegistry.locate((String) null)).isEmpty();
        assertThat(LiveRegistry.NO_IOREG).isEqualTo("live registry needs macOS (no ioreg on PATH)");

        Path failing = dir.resolve("ioreg");
        Files.writeString(failing, "#!/bin/sh\necho 'ioreg: no access to the registry' >&2\nexit 3\n");
        assertThat(failing.toFile().setExecutable(true)).isTrue();
        assertThatThrownBy(() -> new LiveRegistry(failing).read()).isInstanceOf(SnapshotException.class)
                .hasMessage(failing + " -a -l -w0 -p IOService: ioreg exited with 3: ioreg: no access to the "
                        + "registry");

        Path notXml = Files.createDirectories(dir.resolve("garbage")).resolve("ioreg");
        Files.writeString(notXml, "#!/bin/sh\necho 'not a plist'\n");
        assertThat(notXml.toFile().setExecutable(true)).isTrue();
        assertThatThrownBy(() -> new LiveRegistry(notXml).read()).isInstanceOf(SnapshotException.class)
                .hasMessageStartingWith(notXml + " -a -l -w0 -p IOService");
    }
}
