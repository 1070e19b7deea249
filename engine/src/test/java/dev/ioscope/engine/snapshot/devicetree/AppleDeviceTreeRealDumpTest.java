package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryIterator;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Mac's device tree, as near as public data gets: the IODeviceTree plane of MacBookPro8-1's ioreg dump
 * written in Apple's layout and read back must give the names XNU gave those entries (from their {@code name}
 * property) and the locations it derived from {@code reg}.
 */
class AppleDeviceTreeRealDumpTest {
    private static final IORegistryPlane DT = new IORegistryPlane(IORegistryPlane.IODEVICETREE);

    @Test
    void macBookPro8TreeKeepsXnuNamesAndLocations() throws Exception {
        Snapshot dump = Snapshots.load(TestData.path("snapshots/MacBookPro8-1.IODeviceTree.txt"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Snapshots.write(dump, SnapshotFormat.APPLE_DEVICE_TREE, out);
        Snapshot tree = new AppleDeviceTreeReader().read(out.toByteArray(), "mbp8.adt", ParseLimits.DEFAULT);

        List<IORegistryEntry> before = entries(dump.registry());
        List<IORegistryEntry> after = entries(tree.registry());
        assertThat(after).hasSameSizeAs(before).hasSize(119); // 120 entries with the registry root
        // Plain device tree nodes (class IOService, as MakeReferenceTable made them) that still carry their
        // "name" property keep that name; ACPI nodes (IOACPIPlatformDevice) and entries renamed later do not.
        List<String> kept = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            IORegistryEntry was = before.get(i);
            if (was.className().equals("IOService") && was.property("name") != null) {
                (was.name(DT).equals(after.get(i).name(DT)) ? kept : differ).add(was.nameWithLocation(DT));
            }
        }
        assertThat(differ).isEmpty();
        assertThat(kept).hasSize(15).contains("chosen", "memory-map", "efi", "runtime-services", "platform");

        // Every OSData property (all a device tree can hold) comes back byte for byte, in order.
        for (int i = 0; i < before.size(); i++) {
            List<String> want = new ArrayList<>();
            before.get(i).properties().forEach((k, v) -> {
                if (v instanceof OSData) {
                    want.add(k + "=" + v);
                }
            });
            List<String> got = new ArrayList<>();
            after.get(i).properties().forEach((k, v) -> got.add(k + "=" + v));
            assertThat(got).as(before.get(i).nameWithLocation(DT)).containsExactlyElementsOf(want);
        }
        // The top node: plane name from its "name" property ("/" on this Intel Mac), own name compatible[0].
        assertThat(after.get(0).name(DT)).isEqualTo("/");
        assertThat(after.get(0).name()).isEqualTo("MacBookPro8,1");
    }

    private static List<IORegistryEntry> entries(IORegistry r) {
        return IORegistryIterator.collect(r.root(), DT, IORegistryIterator.ITERATE_RECURSIVELY);
    }
}
