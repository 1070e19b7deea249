package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole-registry equality: every entry by ID with all its fields, and every link in every plane in order. */
final class RegistryAssert {
    private RegistryAssert() {
    }

    static void assertSameRegistry(IORegistry actual, IORegistry expected) {
        assertThat(actual.planes()).isEqualTo(expected.planes());
        assertThat(ids(actual.entries())).isEqualTo(ids(expected.entries()));
        assertThat(actual.root().registryEntryID()).isEqualTo(expected.root().registryEntryID());
        for (IORegistryEntry x : expected.entries()) {
            IORegistryEntry a = actual.entry(x.registryEntryID()).orElseThrow();
            String what = x.toString();
            assertThat(a.className()).as(what).isEqualTo(x.className());
            assertThat(a.name()).as(what).isEqualTo(x.name());
            assertThat(a.location()).as(what).isEqualTo(x.location());
            assertThat(a.inheritance()).as(what).isEqualTo(x.inheritance());
            assertThat(a.state()).as(what).isEqualTo(x.state());
            assertThat(a.snapshotInfo()).as(what).isEqualTo(x.snapshotInfo());
            assertThat(a.properties()).as(what).isEqualTo(x.properties());
            for (IORegistryPlane p : expected.planes()) {
                String wp = what + " in " + p;
                assertThat(a.ownName(p)).as(wp).isEqualTo(x.ownName(p));
                assertThat(a.ownLocation(p)).as(wp).isEqualTo(x.ownLocation(p));
                assertThat(a.inPlane(p)).as(wp).isEqualTo(x.inPlane(p));
                assertThat(ids(a.parents(p))).as(wp + " parents").isEqualTo(ids(x.parents(p)));
                assertThat(ids(a.children(p))).as(wp + " children").isEqualTo(ids(x.children(p)));
            }
        }
    }

    static List<Long> ids(List<IORegistryEntry> entries) {
        return entries.stream().map(IORegistryEntry::registryEntryID).toList();
    }
}
