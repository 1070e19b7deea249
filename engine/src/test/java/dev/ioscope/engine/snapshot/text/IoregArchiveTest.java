package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.xml.IoregXmlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** ioreg -a from the printer's flags, and text fidelity through other formats. */
class IoregArchiveTest {
    private static Snapshot load(String file) throws Exception {
        return Snapshots.load(TestData.path("snapshots/" + file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MacBookPro8-1.IOService.txt", "Hackintosh-DellADL-macOS13.IOService.txt"})
    void archiveWithListIsWhatTheXmlWriterWrites(String file) throws Exception {
        // two independent implementations of ioreg -a -l (IoregArchive and IoregXmlWriter) must agree
        Snapshot s = load(file);
        ByteArrayOutputStream mine = new ByteArrayOutputStream();
        IoregArchive.write(s.registry(), IoregTextWriter.optionsFor(s).withList(true), mine);
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        // The ioreg-shaped writer (not the lossless export, which adds the IOScopeRegistry key).
        new IoregXmlWriter(null, null).write(s, theirs);
        assertThat(mine.toByteArray()).isEqualTo(theirs.toByteArray());
    }

    @Test
    void rootedArchiveIsAnArrayAndTreeWrapsEachMatchInItsParents() throws Exception {
        Snapshot s = load("MacBookPro8-1.IOService.txt");
        IoregOptions o = IoregOptions.DEFAULT.withRoot(true).withClassName("IOPCIDevice");
        OSArray matches = (OSArray) IoregArchive.archive(s.registry(), o);
        assertThat(matches.size()).isEqualTo(16);   // as ioreg -r -c IOPCIDevice prints 16 subtrees
        OSDictionary first = (OSDictionary) matches.get(0);
        assertThat(first.get("IOObjectClass")).isEqualTo(OSString.of("IOPCIDevice"));
        assertThat(first.get("IORegistryEntryName")).isEqualTo(OSString.of("MCHC"));
        assertThat(first.get("vendor-id")).isNotNull();   // a match lists its properties

        OSArray withTree = (OSArray) IoregArchive.archive(s.registry(),
                IoregOptions.DEFAULT.withRoot(true).withTree(true).withName("IOResources"));
        OSDictionary root = (OSDictionary) withTree.get(0);
        assertThat(root.get("IORegistryEntryName")).isEqualTo(OSString.of("Root"));
        OSObject child = root.get("IORegistryEntryChildren");
        assertThat(child).isInstanceOf(OSDictionary.class);   // the -a -r -t quirk: one dict, not an array
        OSDictionary platform = (OSDictionary) child;
        assertThat(((OSDictionary) platform.get("IORegistryEntryChildren")).get("IORegistryEntryName"))
                .isEqualTo(OSString.of("IOResources"));
        assertThat(IoregArchive.archive(s.registry(), IoregOptions.DEFAULT.withRoot(true).withName("nope")))
                .isNull();
    }

    @Test
    void depthAndInheritanceShapeTheArchive() throws Exception {
        Snapshot s = load("MacBookPro8-1.IOService.txt");
        OSDictionary root = (OSDictionary) IoregArchive.archive(s.registry(),
                IoregOptions.DEFAULT.withDepth(2).withInheritance(true));
        assertThat(root.get("IOKitBuildVersion")).isNull();   // no -l: ioreg's keys only
        OSDictionary platform = (OSDictionary) ((OSArray) root.get("IORegistryEntryChildren")).get(0);
        assertThat(platform.get("IORegistryEntryChildren")).isNull();
        assertThat(platform.get("IOObjectInheritance")).isEqualTo(OSArray.of(OSString.of("IORegistryEntry"),
                OSString.of("IOService"), OSString.of("IOPlatformExpertDevice")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MacBookPro8-1.IOService.txt", "MacBookPro8-1.IODeviceTree.txt",
            "Hackintosh-DellADL-macOS13.IOService.txt"})
    void textSurvivesAJsonRoundTrip(String file) throws Exception {
        // everything the text writer needs lives in the model (info, snapshotInfo), so JSON carries it
        Snapshot s = load(file);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        Snapshots.write(s, SnapshotFormat.JSON, json);
        Snapshot back = Snapshots.read(json.toByteArray(), "x.json", "x.json", ParseLimits.DEFAULT);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Snapshots.write(back, SnapshotFormat.IOREG_TEXT, text);
        assertThat(text.toByteArray()).isEqualTo(Files.readAllBytes(TestData.path("snapshots/" + file)));
    }
}
