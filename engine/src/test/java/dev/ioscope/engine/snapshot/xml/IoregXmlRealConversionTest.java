package dev.ioscope.engine.snapshot.xml;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.plist.XmlPlistWriter.KeyOrder;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real snapshots (IORegistryExplorer archives) converted to {@code ioreg -a} XML, one file per plane, and read
 * back: every entry of every plane keeps its ID, names, locations, class chain, state, properties and links.
 */
class IoregXmlRealConversionTest {
    @ParameterizedTest
    @ValueSource(strings = {"snapshots/iMac16-1.ioreg", "snapshots/MacBookPro15-1.ioreg"})
    void everyPlaneRoundTripsThroughIoregXml(String file) throws Exception {
        Snapshot archive = Snapshots.load(TestData.path(file));
        IORegistry reg = archive.registry();
        assertThat(reg.planes()).hasSizeGreaterThanOrEqualTo(7);
        for (IORegistryPlane plane : reg.planes()) {
            Snapshot src = new Snapshot(reg, SnapshotFormat.IOREG_XML, null, file);
            String xml = IoregXmlRoundTripTest.write(src, new IoregXmlWriter(plane.name(), null));
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            Snapshot back = new IoregXmlReader().read(bytes, "real." + plane.name() + ".xml", ParseLimits.DEFAULT);
            assertThat(Snapshots.detect(bytes, "noext")).containsInstanceOf(IoregXmlReader.class);
            IoregXmlRoundTripTest.assertSameEntries(reg, plane, back.registry(), KeyOrder.SORTED);
            assertThat(back.registry().entryCount(back.registry().plane(plane.name())))
                    .as(plane.name()).isEqualTo(reg.entryCount(plane));
            assertThat(IoregXmlRoundTripTest.write(back, new IoregXmlWriter(null, null))).as(plane.name())
                    .isEqualTo(xml);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"snapshots/MacBookPro15-1.ioreg"})
    void realFactsSurviveInTheIOServicePlane(String file) throws Exception {
        // Checked by hand in the archive: IOHIDSystem sits under IOResources (see the corpus README
        // (engine/src/test/resources/real/README.md)).
        Snapshot archive = Snapshots.load(TestData.path(file));
        String xml = IoregXmlRoundTripTest.write(archive, new IoregXmlWriter("IOService", null));
        Snapshot back = new IoregXmlReader().read(xml.getBytes(StandardCharsets.UTF_8), "x", ParseLimits.DEFAULT);
        IORegistryPlane svc = back.registry().plane("IOService");
        IORegistryEntry hidSystem = back.registry().entries().stream()
                .filter(e -> e.className().equals("IOHIDSystem")).findFirst().orElseThrow();
        assertThat(hidSystem.parent(svc).name()).isEqualTo("IOResources");
        assertThat(hidSystem.inheritance()).startsWith("IOHIDSystem").endsWith("OSObject");
        assertThat(hidSystem.state().service()).isTrue();
    }
}
