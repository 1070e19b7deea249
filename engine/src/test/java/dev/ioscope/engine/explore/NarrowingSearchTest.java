package dev.ioscope.engine.explore;

import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.snapshot.BenchmarkRegistry;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A query typed on searches only the previous query's hits, and finds exactly what a whole search finds. */
class NarrowingSearchTest {
    private static final IORegistry REGISTRY = BenchmarkRegistry.generate(20_000, 1);
    private static final RegistryIndex INDEX = RegistryIndex.build(REGISTRY);

    /** Types {@code word} one key at a time; every keystroke's narrowed result must equal a whole search. */
    private static void typeAndCompare(String word, Set<SearchField> fields) {
        SearchQuery prevQuery = null;
        RegistrySearch.Result prev = null;
        for (int i = 1; i <= word.length(); i++) {
            SearchQuery q = new SearchQuery(word.substring(0, i), fields, false);
            RegistrySearch.Result narrowed = RegistrySearch.searchWithin(prev, prevQuery, INDEX, q, () -> false);
            RegistrySearch.Result whole = RegistrySearch.search(INDEX, q);
            assertThat(narrowed.entries()).as("%s in %s", q.text(), fields).isEqualTo(whole.entries());
            prev = narrowed;
            prevQuery = q;
        }
        assertThat(prev.count()).as("%s finds something", word).isPositive();
    }

    @Test
    void typingQuickSearchesKeyByKeyFindsWhatAWholeSearchFinds() {
        for (String word : new String[] {"IOUSBHostDevice", "disk3", "XHC1", "pci8086,a2af", "hs01@1"}) {
            typeAndCompare(word, SearchQuery.QUICK);
        }
    }

    @Test
    void typingOverEveryFieldKeyByKeyFindsWhatAWholeSearchFinds() {
        for (String word : new String[] {"0x8086", "usb2.0 hub 4", "iodefaultmatchcategory", "ioservice:/"}) {
            typeAndCompare(word, EnumSet.allOf(SearchField.class));
        }
    }

    @Test
    void onlyALongerPlainTextOverTheSameFieldsNarrows() {
        SearchQuery disk = SearchQuery.quick("disk");
        assertThat(SearchQuery.quick("DISK1").narrows(disk)).isTrue();
        assertThat(SearchQuery.quick("a disk").narrows(disk)).as("the old text anywhere in the new").isTrue();
        assertThat(SearchQuery.quick("dis").narrows(disk)).as("deleting a key widens").isFalse();
        assertThat(SearchQuery.quick("disc1").narrows(disk)).isFalse();
        assertThat(new SearchQuery("disk1", EnumSet.allOf(SearchField.class), false).narrows(disk))
                .as("more fields can find more").isFalse();
        assertThat(new SearchQuery("disk1", SearchQuery.QUICK, true).narrows(disk)).as("a regex").isFalse();
        assertThat(SearchQuery.quick("disk1").narrows(new SearchQuery("disk", SearchQuery.QUICK, true))).isFalse();
        assertThat(SearchQuery.quick("disk").narrows(SearchQuery.quick("  "))).as("after a blank query").isFalse();
        assertThat(SearchQuery.quick("disk").narrows(null)).isFalse();
    }

    @Test
    void aQueryThatDoesNotNarrowOrAnotherIndexSearchesEverything() {
        RegistrySearch.Result xhc = RegistrySearch.search(INDEX, SearchQuery.quick("XHC"));
        SearchQuery disk = SearchQuery.quick("disk");
        assertThat(RegistrySearch.searchWithin(xhc, SearchQuery.quick("XHC"), INDEX, disk, () -> false).entries())
                .isNotEmpty().isEqualTo(RegistrySearch.search(INDEX, disk).entries());
        RegistryIndex other = RegistryIndex.build(BenchmarkRegistry.generate(2_000, 1));
        RegistrySearch.Result small = RegistrySearch.search(other, SearchQuery.quick("dis"));
        assertThat(RegistrySearch.searchWithin(small, SearchQuery.quick("dis"), INDEX, disk, () -> false).count())
                .isEqualTo(RegistrySearch.search(INDEX, disk).count());
    }

    @Test
    void aNarrowedSearchStopsWhenCancelled() {
        RegistrySearch.Result all = RegistrySearch.search(INDEX, SearchQuery.quick("IO"));
        assertThat(all.count()).isGreaterThan(5000);
        assertThatThrownBy(() -> RegistrySearch.searchWithin(all, SearchQuery.quick("IO"), INDEX,
                SearchQuery.quick("IOU"), () -> true)).isInstanceOf(CancellationException.class);
    }
}
