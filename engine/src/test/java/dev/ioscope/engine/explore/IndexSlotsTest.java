package dev.ioscope.engine.explore;

import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index's slots are its entries' creation ordinals while the registry has removed none, and a map otherwise:
 * either way an entry's slot is its place in the index, and an entry not indexed has none.
 */
class IndexSlotsTest {
    private static IORegistry registry(int n) {
        IORegistry r = IORegistry.create();
        IORegistryPlane service = r.plane(IORegistryPlane.IOSERVICE);
        IORegistryEntry parent = r.root();
        for (int i = 0; i < n; i++) {
            IORegistryEntry e = r.createEntry("IOService", "Entry" + i);
            r.attach(e, parent, service);
            if (i % 10 == 0) {
                parent = e;
            }
        }
        return r;
    }

    private static void assertSlotsArePlaces(RegistryIndex index, List<IORegistryEntry> entries) {
        assertThat(index.size()).isEqualTo(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(index.entry(i)).isSameAs(entries.get(i));
            assertThat(index.slotOf(entries.get(i))).as("slot of entry %d", i).isEqualTo(i);
        }
    }

    @Test
    void creationOrdinalsCountTheRegistrysEntriesFromTheRoot() {
        IORegistry r = registry(50);
        List<IORegistryEntry> entries = r.entries();
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).creationOrdinal()).isEqualTo(i);
        }
        assertThat(r.root().creationOrdinal()).isZero();
    }

    @Test
    void withNoEntryRemovedAnEntrysSlotIsItsPlaceAndAnotherRegistrysEntryHasNone() {
        IORegistry r = registry(200);
        RegistryIndex index = RegistryIndex.quick(r);
        assertSlotsArePlaces(index, r.entries());
        IORegistry other = registry(300);
        // same ordinals, other entries: none of them is in this index
        for (IORegistryEntry e : other.entries()) {
            assertThat(index.slotOf(e)).isEqualTo(-1);
        }
        IORegistryEntry later = r.createEntry("IOService", "Later");
        assertThat(index.slotOf(later)).as("created after the index was built").isEqualTo(-1);
    }

    @Test
    void afterARemovalSlotsAreStillPlacesInTheIndexAndTheRemovedEntryHasNone() {
        IORegistry r = registry(200);
        IORegistryEntry removed = r.entries().get(17); // Entry16 (the root is 0)
        for (IORegistryEntry child : List.copyOf(removed.children(r.plane(IORegistryPlane.IOSERVICE)))) {
            r.detach(child, removed, r.plane(IORegistryPlane.IOSERVICE));
        }
        r.remove(removed);
        assertThat(r.entries().get(17).creationOrdinal()).as("later entries moved up one place").isEqualTo(18);
        RegistryIndex index = RegistryIndex.quick(r);
        assertSlotsArePlaces(index, r.entries());
        assertThat(index.slotOf(removed)).isEqualTo(-1);
        RegistryIndex whole = index.complete(r);
        assertSlotsArePlaces(whole, r.entries());
        RegistrySearch.Result found = RegistrySearch.search(index, SearchQuery.quick("Entry17"));
        assertThat(found.entries()).containsExactlyElementsOf(r.entries().stream()
                .filter(e -> e.name().startsWith("Entry17")).toList());
        assertThat(found.contains(r.entries().get(17))).isTrue();
        assertThat(found.contains(removed)).isFalse();
    }

    @Test
    void hitsInTreeOrderAreEqualAsListsOfTheSameEntriesWhateverTheStageOfTheIndex() {
        IORegistry r = registry(300);
        RegistryIndex quick = RegistryIndex.quick(r);
        RegistryIndex whole = quick.complete(r);
        IORegistryPlane service = r.plane(IORegistryPlane.IOSERVICE);
        int[] order = PlaneOrder.slots(r, service, quick);
        List<IORegistryEntry> onQuick = RegistrySearch.search(quick, SearchQuery.quick("Entry1")).entriesIn(order);
        List<IORegistryEntry> onWhole = RegistrySearch.search(whole, SearchQuery.quick("Entry1")).entriesIn(order);
        List<IORegistryEntry> expected = PlaneOrder.of(r, service).sort(r.entries().stream()
                .filter(e -> e.name().startsWith("Entry1")).toList());
        assertThat(onQuick).isEqualTo(expected).isEqualTo(onWhole).hasSize(111);
        assertThat(onQuick.hashCode()).isEqualTo(expected.hashCode());
        assertThat(expected).isEqualTo(onQuick);
        List<IORegistryEntry> fewer = RegistrySearch.search(whole, SearchQuery.quick("Entry12")).entriesIn(order);
        assertThat(fewer).isNotEqualTo(onQuick).hasSize(11);
        assertThat(onQuick).isNotEqualTo(fewer);
        IORegistry other = registry(300);
        RegistryIndex otherIndex = RegistryIndex.quick(other);
        List<IORegistryEntry> elsewhere = RegistrySearch.search(otherIndex, SearchQuery.quick("Entry1"))
                .entriesIn(PlaneOrder.slots(other, other.plane(IORegistryPlane.IOSERVICE), otherIndex));
        assertThat(elsewhere).as("same slots, other entries").hasSize(111).isNotEqualTo(onQuick);
    }

    @Test
    void theTreeOrderOfSlotsIsTheIteratorsOrderAlsoWithTwoParentsAndEntriesTheIndexDoesNotHold() {
        IORegistry r = registry(120);
        IORegistryPlane service = r.plane(IORegistryPlane.IOSERVICE);
        // a second parent: reached twice, entered once, listed once
        r.attach(r.entries().get(15), r.entries().get(90), service);
        RegistryIndex index = RegistryIndex.quick(r);
        int[] expected = PlaneOrder.of(r, service).slots(index);
        assertThat(PlaneOrder.slots(r, service, index)).containsExactly(expected).hasSize(r.size());
        // entries created after the index was built: the walk meets entries with no slot and lists the others
        r.attach(r.createEntry("IOService", "Later"), r.entries().get(3), service);
        assertThat(PlaneOrder.slots(r, service, index)).containsExactly(PlaneOrder.of(r, service).slots(index));
    }
}
