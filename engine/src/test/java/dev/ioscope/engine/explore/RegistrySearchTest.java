package dev.ioscope.engine.explore;

import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.snapshot.BenchmarkRegistry;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrySearchTest {
    private final TinyRegistry t = new TinyRegistry();
    private final RegistryIndex index = RegistryIndex.build(t.r);

    private List<IORegistryEntry> find(String text, SearchField f, boolean re) {
        return RegistrySearch.search(index, new SearchQuery(text, Set.of(f), re)).entries();
    }

    @Test
    void quickSearchFindsNamesCaseInsensitively() {
        assertThat(RegistrySearch.search(index, SearchQuery.quick("xhc")).entries()).containsExactly(t.xhc);
    }

    @Test
    void classSearchFindsSubclassesAsOSDynamicCastWould() {
        // IOAGPDevice is a subclass of IOPCIDevice in the catalogue: a search for IOPCIDevice finds both.
        assertThat(find("IOPCIDevice", SearchField.CLASS, false)).containsExactly(t.gfx, t.xhc);
        assertThat(find("^ioagpdevice$", SearchField.CLASS, true)).containsExactly(t.gfx);
    }

    @Test
    void keyValueBsdAndPathFields() {
        assertThat(find("ig-platform", SearchField.KEY, false)).containsExactly(t.gfx);
        // Numbers match in hex as well as decimal; data matches as hex and as its printable text.
        assertThat(find("0x1012", SearchField.VALUE, false)).containsExactly(t.xhc);
        assertThat(find("4114", SearchField.VALUE, false)).containsExactly(t.xhc);
        assertThat(find("86800000", SearchField.VALUE, false)).containsExactly(t.gfx);
        assertThat(find("imac16,1", SearchField.VALUE, false)).containsExactly(t.pe);
        assertThat(find("disk0", SearchField.BSD_NAME, false)).containsExactly(t.media);
        assertThat(find("IODeviceTree:/PCI0@0", SearchField.PATH, false)).containsExactly(t.pci0);
        assertThat(find("IOService:/PCI0@0/", SearchField.PATH, false)).containsExactly(t.gfx, t.xhc, t.media);
    }

    @Test
    void blankQueryMatchesNothingAndBadRegexIsReported() {
        assertThat(RegistrySearch.search(index, SearchQuery.quick("  ")).count()).isZero();
        assertThatThrownBy(() -> find("(unclosed", SearchField.NAME, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad regular expression");
    }

    @Test
    void searchesOneHundredThousandEntries() {
        // Speed is measured by the search benchmark (docs/benchmarks-ui.md), not here; this checks it works at scale.
        var big = RegistryIndex.build(SampleMacRegistry.build(100_000, 7));
        assertThat(big.size()).isGreaterThanOrEqualTo(100_000);
        var r = RegistrySearch.search(big, SearchQuery.quick("disk1"));
        assertThat(r.count()).isPositive();
        // A regex search over this many entries is split across cores; a literal pattern must find what the
        // sequential plain search finds, in the same order.
        var all = EnumSet.allOf(SearchField.class);
        var plain = RegistrySearch.search(big, new SearchQuery("disk1", all, false)).entries();
        var regex = RegistrySearch.search(big, new SearchQuery("disk1", all, true)).entries();
        assertThat(regex).isNotEmpty().isEqualTo(plain);
    }

    @Test
    void hitsInTreeOrderByPlaneSlotsEqualSortingThem() {
        var reg = SampleMacRegistry.build(5_000, 7);
        var big = RegistryIndex.build(reg);
        for (var plane : reg.planes()) {
            PlaneOrder order = PlaneOrder.of(reg, plane);
            int[] slots = order.slots(big);
            assertThat(PlaneOrder.slots(reg, plane, big)).as("one walk, no position map").isEqualTo(slots);
            for (String q : new String[]{"disk", "XHC", "pci"}) {
                var r = RegistrySearch.search(big, SearchQuery.quick(q));
                assertThat(r.entriesIn(slots)).as(plane.name() + " " + q).isEqualTo(order.sort(r.entries()));
            }
        }
    }

    @Test
    void theOneWalkPlaneSlotsEqualThePositionMapsOnARegistryWithTwoParentEntries() {
        var reg = BenchmarkRegistry.generate(20_000, 3);
        var quick = RegistryIndex.quick(reg);
        for (var plane : reg.planes()) {
            assertThat(PlaneOrder.slots(reg, plane, quick)).as(plane.name())
                    .isEqualTo(PlaneOrder.of(reg, plane).slots(quick));
        }
    }
}
