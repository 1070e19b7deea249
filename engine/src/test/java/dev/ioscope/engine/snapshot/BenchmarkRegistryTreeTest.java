package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree the explorer opens (View ▸ Open Synthetic 100k Registry: {@code BenchmarkRegistry.open(100000, 1)}) is
 * pinned entry for entry: a digest of every entry's ID, class, class chain, name, location, state and, per plane,
 * its own name and location and its parents' and children's IDs in order. The digests were written by the
 * generator before the allocation work of the sixth session (commit 9577511) and checked by hand against a dump.
 */
class BenchmarkRegistryTreeTest {
    private static final String TREE_100000_SEED_1 = "2029f56892ad1810beca794e007e85a359f220019e4f027dc804b44985ae0fa0";
    private static final String TREE_20000_SEED_20181 =
            "ef571ffdebf7e4367b0848b528f4fc0b12f6295732244060d70ed544c62270b9";

    static String dump(IORegistry r) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        List<IORegistryPlane> planes = r.planes();
        StringBuilder b = new StringBuilder(256);
        for (IORegistryEntry e : r.entries()) {
            b.setLength(0);
            EntryState s = e.state();
            b.append(Long.toHexString(e.registryEntryID())).append('|').append(e.className()).append('|')
                    .append(String.join(",", e.inheritance())).append('|').append(e.name()).append('|')
                    .append(e.location()).append('|').append(s.service()).append(s.registered())
                    .append(s.matched()).append(s.active()).append(',').append(s.busyState()).append(',')
                    .append(s.busyTimeMs()).append(',').append(s.retainCount());
            for (IORegistryPlane p : planes) {
                b.append('|').append(p.name()).append(':').append(e.inPlane(p)).append(',')
                        .append(e.ownName(p)).append(',').append(e.ownLocation(p)).append(" parents");
                for (IORegistryEntry x : e.parents(p)) {
                    b.append(' ').append(Long.toHexString(x.registryEntryID()));
                }
                b.append(" children");
                for (IORegistryEntry x : e.children(p)) {
                    b.append(' ').append(Long.toHexString(x.registryEntryID()));
                }
                b.append(" count ").append(e.childCount(p));
            }
            b.append('\n');
            md.update(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        for (IORegistryPlane p : planes) {
            md.update((p.name() + " entries " + r.entryCount(p) + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    @DisplayName("The opened 100k benchmark tree is entry for entry the one the generator built before")
    void theOpenedTreeIsTheSameEntryForEntry() throws Exception {
        assertThat(dump(BenchmarkRegistry.open(100_000, 1).registry())).isEqualTo(TREE_100000_SEED_1);
        assertThat(dump(BenchmarkRegistry.open(20_000, 20181).registry())).isEqualTo(TREE_20000_SEED_20181);
    }
}
