package dev.ioscope.engine.registry;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's compact link and ID structures ({@link EntryList}, {@link EntryIds}) behave as the
 * {@code ArrayList} and {@code HashMap<Long, …>} they replace, through thousands of random operations.
 */
class CompactLinksTest {
    private static List<IORegistryEntry> entries(int n) {
        List<IORegistryEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new IORegistryEntry(0x100000100L + i, "IOService", "e" + i));
        }
        return out;
    }

    @Test
    void anEntryListKeepsAttachOrderThroughAddsAndRemovesAsAnArrayListDoes() {
        List<IORegistryEntry> pool = entries(12);
        SplittableRandom rnd = new SplittableRandom(7);
        EntryList list = new EntryList();
        List<IORegistryEntry> expected = new ArrayList<>();
        for (int step = 0; step < 5_000; step++) {
            int op = rnd.nextInt(10);
            IORegistryEntry e = pool.get(rnd.nextInt(pool.size()));
            if (op < 5) {
                list.add(e);
                expected.add(e);
            } else if (op < 8) {
                assertThat(list.remove(e)).isEqualTo(expected.remove(e));
            } else if (op == 8 && !expected.isEmpty()) {
                int at = rnd.nextInt(expected.size());
                assertThat(list.remove(at)).isSameAs(expected.remove(at));
            } else if (rnd.nextInt(20) == 0) {
                list.clear();
                expected.clear();
                list.addAll(pool.subList(0, rnd.nextInt(4)));
                expected.addAll(pool.subList(0, list.size()));
            }
            assertThat(list).containsExactlyElementsOf(expected);
            assertThat(list.contains(e)).isEqualTo(expected.contains(e));
            assertThat(list.indexOf(e)).isEqualTo(expected.indexOf(e));
        }
    }

    @Test
    void entryIdsFindEveryEntryByIdThroughPutsAndRemovesAsAHashMapDoes() {
        List<IORegistryEntry> pool = entries(3_000);
        SplittableRandom rnd = new SplittableRandom(11);
        EntryIds ids = new EntryIds();
        Map<Long, IORegistryEntry> expected = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            IORegistryEntry e = pool.get(rnd.nextInt(pool.size()));
            // IDs close together (as a registry's) and far apart (colliding in the low bits)
            long id = rnd.nextBoolean() ? e.registryEntryID() : e.registryEntryID() << 20;
            if (rnd.nextInt(3) > 0) {
                ids.put(id, e);
                expected.put(id, e);
            } else {
                ids.remove(id);
                expected.remove(id);
            }
            assertThat(ids.size()).isEqualTo(expected.size());
            long probe = rnd.nextBoolean() ? id : pool.get(rnd.nextInt(pool.size())).registryEntryID();
            assertThat(ids.get(probe)).isSameAs(expected.get(probe));
        }
        for (Map.Entry<Long, IORegistryEntry> x : expected.entrySet()) {
            assertThat(ids.get(x.getKey())).isSameAs(x.getValue());
        }
    }

    @Test
    void aRemovedEntryIsNoLongerFoundAndItsIdCanBeCreatedAgain() {
        IORegistry r = IORegistry.create();
        IORegistryPlane service = r.plane(IORegistryPlane.IOSERVICE);
        IORegistryEntry a = r.createEntry(0x200L, "IOService", "a");
        r.attach(a, r.root(), service);
        r.detachAll(a, service);
        r.remove(a);
        assertThat(r.entry(0x200L)).isEmpty();
        assertThat(r.createEntry(0x200L, "IOService", "b").name()).isEqualTo("b");
        assertThat(r.root().children(service)).isEmpty();
        assertThat(r.root().childCount(service)).isZero();
    }
}
