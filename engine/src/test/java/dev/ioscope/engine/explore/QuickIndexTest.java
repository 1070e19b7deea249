package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.snapshot.BenchmarkRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The index in two stages: names, classes and BSD names first (the quick search's fields), then the rest. */
class QuickIndexTest {
    private static final IORegistry REGISTRY = BenchmarkRegistry.generate(10_000, 1);

    @Test
    void theQuickStageHoldsTheQuickFieldsExactlyAsTheWholeIndexDoes() {
        RegistryIndex quick = RegistryIndex.quick(REGISTRY);
        RegistryIndex whole = RegistryIndex.build(REGISTRY);
        assertThat(quick.covers(SearchQuery.QUICK)).isTrue();
        assertThat(quick.covers(Set.of(SearchField.VALUE))).isFalse();
        assertThat(whole.covers(EnumSet.allOf(SearchField.class))).isTrue();
        assertThat(quick.size()).isEqualTo(REGISTRY.size()).isEqualTo(whole.size());
        for (SearchField f : SearchQuery.QUICK) {
            for (int i = 0; i < quick.size(); i++) {
                assertThat(quick.text(f, i)).as("%s of slot %d", f, i).isEqualTo(whole.text(f, i));
            }
        }
        for (int i = 0; i < quick.size(); i += 97) {
            assertThat(quick.entry(i)).isSameAs(whole.entry(i));
            assertThat(quick.slotOf(whole.entry(i))).isEqualTo(i);
        }
    }

    @Test
    void completingTheQuickStageGivesTheWholeIndex() {
        RegistryIndex quick = RegistryIndex.quick(REGISTRY);
        RegistryIndex completed = quick.complete(REGISTRY);
        RegistryIndex whole = RegistryIndex.build(REGISTRY);
        assertThat(quick.covers(EnumSet.allOf(SearchField.class))).as("the quick stage is not changed").isFalse();
        for (SearchField f : SearchField.values()) {
            for (int i = 0; i < whole.size(); i++) {
                assertThat(completed.text(f, i)).as("%s of slot %d", f, i).isEqualTo(whole.text(f, i));
            }
        }
        assertThat(completed.complete(REGISTRY)).isSameAs(completed);
    }

    @Test
    void aQuickSearchOnTheQuickStageFindsWhatItFindsOnTheWholeIndexAndOtherFieldsAreRefused() {
        RegistryIndex quick = RegistryIndex.quick(REGISTRY);
        RegistryIndex whole = RegistryIndex.build(REGISTRY);
        for (String q : new String[] {"IOUSBHostDevice", "disk3", "XHC", "ioservice", "pci8086"}) {
            assertThat(RegistrySearch.search(quick, SearchQuery.quick(q)).entries()).as(q)
                    .isEqualTo(RegistrySearch.search(whole, SearchQuery.quick(q)).entries());
        }
        assertThat(RegistrySearch.search(quick, SearchQuery.quick("IOUSB")).count()).isPositive();
        SearchQuery values = new SearchQuery("0x8086", Set.of(SearchField.VALUE), false);
        assertThatThrownBy(() -> RegistrySearch.search(quick, values)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not hold");
    }

    @Test
    void theQuickStageOfAnOpenedRegistryReadsNoTableYetEqualsTheWholeIndexOfTheGeneratedOne() {
        // What the explorer opens: the tree, every property table still pending.
        IORegistry opened = BenchmarkRegistry.open(10_000, 1).registry();
        RegistryIndex quick = RegistryIndex.quick(opened);
        long pending = opened.entries().stream().filter(IORegistryEntry::propertiesPending).count();
        assertThat(pending).as("tables the quick stage left pending").isEqualTo(opened.size() - 2L);
        RegistryIndex whole = RegistryIndex.build(REGISTRY);
        assertThat(quick.size()).isEqualTo(whole.size());
        int named = 0;
        for (SearchField f : SearchQuery.QUICK) {
            for (int i = 0; i < quick.size(); i++) {
                assertThat(quick.text(f, i)).as("%s of slot %d", f, i).isEqualTo(whole.text(f, i));
            }
        }
        for (int i = 0; i < quick.size(); i++) {
            named += quick.text(SearchField.BSD_NAME, i).isEmpty() ? 0 : 1;
        }
        assertThat(named).as("entries with a BSD name").isGreaterThan(1_000);
        for (String q : new String[] {"disk3", "disk", "IOMedia", "XHC"}) {
            assertThat(RegistrySearch.search(quick, SearchQuery.quick(q)).count()).as(q)
                    .isEqualTo(RegistrySearch.search(whole, SearchQuery.quick(q)).count());
        }
    }

    @Test
    void aPendingTableAnswersTheBsdNameItKnowsWithTheValueItsDecodedTableHolds() {
        IORegistry opened = BenchmarkRegistry.open(2_000, 7).registry();
        int storage = 0;
        for (IORegistryEntry e : opened.entries()) {
            if (!e.propertiesPending()) {
                continue;
            }
            OSObject known = e.property("BSD Name");
            assertThat(e.propertiesPending()).as("asking for the BSD name decodes nothing").isTrue();
            assertThat(known).as("entry %d", e.registryEntryID()).isEqualTo(e.properties().get("BSD Name"));
            assertThat(e.propertiesPending()).isFalse();
            storage += known == null ? 0 : 1;
        }
        assertThat(storage).isGreaterThan(100);
    }

    @Test
    void completingPassesACheckpointBeforeEveryChunkOfEntriesAndBuildsTheSameIndex() {
        RegistryIndex quick = RegistryIndex.quick(REGISTRY);
        int[] passes = new int[1];
        RegistryIndex completed = quick.complete(REGISTRY, () -> passes[0]++);
        int n = REGISTRY.size();
        assertThat(passes[0]).isEqualTo((n + RegistryIndex.CHECKPOINT_ENTRIES - 1) / RegistryIndex.CHECKPOINT_ENTRIES);
        RegistryIndex whole = RegistryIndex.build(REGISTRY);
        for (SearchField f : SearchField.values()) {
            for (int i = 0; i < n; i += 7) {
                assertThat(completed.text(f, i)).as("%s of slot %d", f, i).isEqualTo(whole.text(f, i));
            }
        }
    }

    @Test
    void theClassColumnIsItsDistinctTextsAndASearchFindsWhatATestOfEveryEntrysTextFinds() {
        RegistryIndex whole = RegistryIndex.build(REGISTRY);
        assertThat(whole.classTexts().length).isLessThan(whole.size() / 20);
        for (int i = 0; i < whole.size(); i++) {
            assertThat(whole.text(SearchField.CLASS, i)).isSameAs(whole.classTexts()[whole.classIds()[i]]);
        }
        Set<SearchField> classOnly = Set.of(SearchField.CLASS);
        for (String q : new String[] {"IOUSBHostDevice", "di", "i", "service\nioregistry", "nosuchclass"}) {
            SearchQuery plain = new SearchQuery(q, classOnly, false);
            assertThat(RegistrySearch.search(whole, plain).entries()).as(q)
                    .isEqualTo(everyEntry(whole, SearchField.CLASS, s -> s.contains(q.toLowerCase(Locale.ROOT))));
        }
        for (String re : new String[] {"usb.*device", "^ioservice$", "Host[A-Z]"}) {
            Pattern p = Pattern.compile(re, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
            SearchQuery regex = new SearchQuery(re, EnumSet.of(SearchField.CLASS, SearchField.NAME), true);
            List<IORegistryEntry> expected = new ArrayList<>();
            for (int i = 0; i < whole.size(); i++) {
                if (p.matcher(whole.text(SearchField.CLASS, i)).find() || p.matcher(whole.text(SearchField.NAME, i))
                        .find()) {
                    expected.add(whole.entry(i));
                }
            }
            assertThat(RegistrySearch.search(whole, regex).entries()).as(re).isEqualTo(expected).isNotEmpty();
        }
    }

    private static List<IORegistryEntry> everyEntry(RegistryIndex index, SearchField f, Predicate<String> test) {
        List<IORegistryEntry> out = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            if (!index.text(f, i).isEmpty() && test.test(index.text(f, i))) {
                out.add(index.entry(i));
            }
        }
        return out;
    }
}
