package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.snapshot.DeferredTables;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An archive's property tables decoded apart from its tree (issue 18): {@link Snapshots#open} gives the tree
 * with the tables pending; completing gives exactly what an eager read gives, and a bad table is still reported,
 * by {@link DeferredTables#complete()}, with the place an eager read names.
 */
class DeferredTablesTest {
    @Test
    void openGivesTheTreeFirstAndTheSameTablesOnceComplete() throws Exception {
        Path mbp = TestData.path("snapshots/MacBookPro15-1.ioreg");
        Snapshot opened = Snapshots.open(mbp);
        assertThat(opened.tables().size()).isEqualTo(1859); // one embedded plist per entry, every entry has one
        assertThat(opened.registry().entries()).hasSize(1859);
        opened.tables().complete();
        assertThat(opened.registry().entries()).noneMatch(IORegistryEntry::propertiesPending);

        Snapshot eager = Snapshots.load(mbp);
        assertThat(eager.tables()).isSameAs(DeferredTables.NONE);
        assertThat(eager.registry().entries()).noneMatch(IORegistryEntry::propertiesPending);
        for (int i = 0; i < eager.registry().entries().size(); i++) {
            IORegistryEntry a = opened.registry().entries().get(i);
            IORegistryEntry b = eager.registry().entries().get(i);
            assertThat(a.properties()).as("entry %s", b.name()).isEqualTo(b.properties());
        }
        // values checked by hand in IoregArchiveReaderTest (python3 plistlib on the same file)
        assertThat(opened.registry().root().property("IOBluetoothActive")).isEqualTo(OSBoolean.TRUE);
    }

    @Test
    void anEntryAskedFirstDecodesItsOwnTable() throws Exception {
        byte[] data = Files.readAllBytes(TestData.path("snapshots/MacBookPro15-1.ioreg"));
        // not started: nothing decodes in the background, so only what is asked for is decoded
        Snapshot s = new IoregArchiveReader().open(data, "mbp", ParseLimits.DEFAULT, null);
        IORegistryEntry xhc = s.registry().entries().stream()
                .filter(e -> e.name().equals("XHC1") && e.className().equals("IOPCIDevice")).findFirst()
                .orElseThrow();
        assertThat(xhc.property("IOName")).isEqualTo(OSString.of("pci8086,a36d"));
        assertThat(xhc.propertiesPending()).isFalse();
        s.tables().complete();
    }

    @Test
    void aBadTableIsReportedWhenTheTablesComplete(@TempDir Path dir) throws Exception {
        IoregArchiveHostileTest.load();
        byte[] bad = IoregArchiveHostileTest.withObject(6, o -> IoregArchiveHostileTest.put(o, "properties",
                PData.wrap("<?xml version=\"1.0\"?><plist><dict><key>a</key></plist>".getBytes())));
        Path file = dir.resolve("bad.ioreg");
        Files.write(file, bad);

        Snapshot s = Snapshots.open(file);
        assertThat(s.registry().entries()).hasSize(914);
        assertThatThrownBy(() -> s.tables().complete()).isInstanceOf(SnapshotException.class)
                .satisfies(e -> assertThat(((SnapshotException) e).place())
                        .startsWith("archive object 6 (RexRegistryEntry) key 'properties'"));
        // the eager paths throw the same error before returning
        assertThatThrownBy(() -> Snapshots.load(file)).isInstanceOf(SnapshotException.class)
                .satisfies(e -> assertThat(((SnapshotException) e).place())
                        .startsWith("archive object 6 (RexRegistryEntry) key 'properties'"));
    }
}
