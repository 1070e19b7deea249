package dev.ioscope.engine.registry;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** A plane's entry count is kept as links are made and broken; it must always equal a walk of every entry. */
class EntryCountTest {
    private static int walked(IORegistry r, IORegistryPlane p) {
        int n = 0;
        for (IORegistryEntry e : r.entries()) {
            if (e == r.root() || e.inPlane(p) && !e.parents(p).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theCountFollowsAttachDetachAndRemoveInEveryPlane() {
        IORegistry r = IORegistry.create();
        IORegistryPlane service = r.plane(IORegistryPlane.IOSERVICE);
        IORegistryPlane power = r.plane(IORegistryPlane.IOPOWER);
        assertThat(r.entryCount(service)).isEqualTo(1);
        assertThat(r.entryCount(r.plane("IODeviceTree"))).as("a plane nothing is linked in").isEqualTo(1);
        SplittableRandom rnd = new SplittableRandom(18);
        List<IORegistryEntry> made = new ArrayList<>(List.of(r.root()));
        for (int step = 0; step < 3_000; step++) {
            IORegistryPlane p = rnd.nextBoolean() ? service : power;
            int what = rnd.nextInt(10);
            if (what < 5 || made.size() < 3) {
                IORegistryEntry e = r.createEntry("IOService", "e" + step);
                r.attach(e, made.get(rnd.nextInt(made.size())), p);
                made.add(e);
            } else if (what < 7) {
                // a second parent, or the same one again (a no-op), or one that would make a cycle (refused)
                IORegistryEntry child = made.get(1 + rnd.nextInt(made.size() - 1));
                IORegistryEntry parent = made.get(rnd.nextInt(made.size()));
                try {
                    r.attach(child, parent, p);
                } catch (IllegalArgumentException cycle) {
                    // refused: nothing changed
                }
            } else if (what < 9) {
                IORegistryEntry child = made.get(1 + rnd.nextInt(made.size() - 1));
                List<IORegistryEntry> parents = child.parents(p);
                // a parent it has, or one it has not (nothing to break)
                IORegistryEntry parent = parents.isEmpty() || rnd.nextBoolean() ? made.get(rnd.nextInt(made.size()))
                        : parents.get(0);
                r.detach(child, parent, p);
            } else {
                IORegistryEntry gone = made.remove(1 + rnd.nextInt(made.size() - 1));
                r.remove(gone);
            }
            assertThat(r.entryCount(service)).as("step %d", step).isEqualTo(walked(r, service));
            assertThat(r.entryCount(power)).as("step %d", step).isEqualTo(walked(r, power));
        }
        assertThat(r.entryCount(service)).isGreaterThan(10);
        // The count is by plane name: the same plane asked for through another IORegistryPlane value.
        assertThat(r.entryCount(new IORegistryPlane(IORegistryPlane.IOSERVICE))).isEqualTo(walked(r, service));
    }
}
