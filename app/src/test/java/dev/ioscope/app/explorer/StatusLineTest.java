package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.RegistryIndex;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The status line: counts (the root is in its plane) in the singular where there is one ("1 planes" was shown). */
class StatusLineTest {
    private static Document document(IORegistry reg) {
        return new Document(new Snapshot(reg, SnapshotFormat.IOREG_ARCHIVE, OSDictionary.empty(), "t"),
                RegistryIndex.build(reg), Path.of("t.ioreg"), "t.ioreg", 12);
    }

    @Test
    void oneEntryAndOnePlaneAreSingular() {
        IORegistry reg = IORegistry.create();
        IORegistryPlane service = reg.plane(IORegistryPlane.IOSERVICE);
        assertThat(new StatusLine().of(document(reg), service, null))
                .isEqualTo("t.ioreg — " + SnapshotFormat.IOREG_ARCHIVE.displayName()
                        + " — 1 entry, 1 in IOService, 1 plane — loaded in 12 ms");
    }

    @Test
    void moreAreCountedInThePlural() {
        IORegistry reg = IORegistry.create();
        IORegistryPlane service = reg.plane(IORegistryPlane.IOSERVICE);
        reg.plane("IOPower");
        IORegistryEntry a = reg.createEntry("IOService", "a");
        reg.attach(a, reg.root(), service);
        assertThat(new StatusLine().of(document(reg), service, null))
                .isEqualTo("t.ioreg — " + SnapshotFormat.IOREG_ARCHIVE.displayName()
                        + " — 2 entries, 2 in IOService, 2 planes — loaded in 12 ms");
    }
}
