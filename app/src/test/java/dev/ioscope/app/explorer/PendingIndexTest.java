package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.RegistryIndex;
import dev.ioscope.engine.explore.RegistrySearch;
import dev.ioscope.engine.explore.SearchField;
import dev.ioscope.engine.explore.SearchQuery;
import dev.ioscope.engine.explore.SampleMacRegistry;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.BenchmarkRegistry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.explore.PlaneOrder;
import dev.ioscope.app.Await;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingIndexTest {
    @Test
    void anIndexBuiltInTheBackgroundHoldsEveryEntryOfTheRegistry() {
        IORegistry reg = SampleMacRegistry.build(2_000, 3);
        RegistryIndex index = PendingIndex.building(reg).get();
        assertThat(index.size()).isEqualTo(reg.size());
        int i = 0;
        for (IORegistryEntry e : reg.entries()) {
            assertThat(index.slotOf(e)).isEqualTo(i++);
        }
    }

    @Test
    void aReadyIndexIsHandedBackAsItIs() {
        RegistryIndex index = RegistryIndex.build(SampleMacRegistry.build(50, 1));
        PendingIndex pending = PendingIndex.ready(index);
        assertThat(pending.isReady()).isTrue();
        assertThat(pending.get()).isSameAs(index);
    }

    @Test
    void aFailedBuildIsRethrownAsItWasNotWrapped() {
        PendingIndex pending = PendingIndex.building(null);
        assertThatThrownBy(pending::get).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aDocumentWithAReadyIndexAnswersAtOnce() {
        IORegistry reg = SampleMacRegistry.build(50, 1);
        RegistryIndex index = RegistryIndex.build(reg);
        Document d = new Document(new Snapshot(reg, SnapshotFormat.IOREG_ARCHIVE, OSDictionary.empty(), "t"), index,
                null, "t", 0);
        assertThat(d.searchIndex().isReady()).isTrue();
        assertThat(d.index()).isSameAs(index);
    }

    @Test
    void aQuickSearchIsAnsweredByTheFirstStageWhileTheRestIsBuilt() {
        IORegistry reg = SampleMacRegistry.build(3_000, 3);
        PendingIndex pending = PendingIndex.building(reg);
        RegistryIndex first = pending.covering(SearchQuery.QUICK);
        assertThat(first.covers(SearchQuery.QUICK)).isTrue();
        RegistryIndex whole = pending.covering(EnumSet.allOf(SearchField.class));
        assertThat(whole.covers(EnumSet.allOf(SearchField.class))).as("waits for the whole index").isTrue();
        assertThat(pending.get()).isSameAs(whole);
        assertThat(pending.covering(SearchQuery.QUICK)).as("the whole index, once built").isSameAs(whole);
        assertThat(RegistrySearch.search(first, SearchQuery.quick("disk")).entries()).isNotEmpty()
                .isEqualTo(RegistrySearch.search(whole, SearchQuery.quick("disk")).entries());
    }

    @Test
    void aDeferredIndexStartsWhenStartedOrFirstAskedForAndStartsItsCompanionOnce() {
        IORegistry reg = SampleMacRegistry.build(1_000, 3);
        AtomicInteger companion = new AtomicInteger();
        PendingIndex started = PendingIndex.deferred(reg, companion::incrementAndGet);
        assertThat(companion.get()).as("nothing runs before start").isZero();
        started.start();
        started.start();
        assertThat(started.get().size()).isEqualTo(reg.size());
        assertThat(companion.get()).isEqualTo(1);
        // Never started by the view (no window): the first search's request starts it.
        PendingIndex asked = PendingIndex.deferred(reg, companion::incrementAndGet);
        assertThat(asked.covering(SearchQuery.QUICK).covers(SearchQuery.QUICK)).isTrue();
        assertThat(asked.get().covers(EnumSet.allOf(SearchField.class))).isTrue();
        assertThat(companion.get()).isEqualTo(2);
    }

    @Test
    void startingTheQuickStageBuildsItAndTheTreeOrderAloneTheRestWaitsForStart() {
        IORegistry reg = BenchmarkRegistry.open(2_000, 5).registry();
        AtomicInteger companion = new AtomicInteger();
        PendingIndex pending = PendingIndex.deferred(reg, companion::incrementAndGet);
        pending.startQuick();
        RegistryIndex first = pending.covering(SearchQuery.QUICK);
        assertThat(first.covers(SearchQuery.QUICK)).isTrue();
        assertThat(first.covers(EnumSet.allOf(SearchField.class))).isFalse();
        IORegistryPlane service = reg.plane(IORegistryPlane.IOSERVICE);
        assertThat(pending.treeOrder(reg, service, first)).isEqualTo(PlaneOrder.of(reg, service).slots(first));
        assertThat(pending.isReady()).as("the rest waits for start").isFalse();
        assertThat(companion.get()).isZero();
        assertThat(reg.entries().stream().filter(IORegistryEntry::propertiesPending).count())
                .as("the quick stage decodes no property table").isEqualTo(reg.size() - 2L);
        pending.start();
        assertThat(pending.get().covers(EnumSet.allOf(SearchField.class))).isTrue();
        assertThat(companion.get()).isEqualTo(1);
    }

    @Test
    void theRestOfTheIndexStandsAsideWhileASearchHoldsItAndGoesOnWhenReleased() throws Exception {
        IORegistry reg = SampleMacRegistry.build(5_000, 3);
        PendingIndex p = PendingIndex.deferred(reg, () -> { });
        p.foreground(true);
        p.start();
        Await.until(p::standingAside);
        // each pass waits up to 250 ms and there are five passes: the rest cannot be done yet
        assertThat(p.isReady()).isFalse();
        RegistryIndex quick = p.covering(SearchQuery.QUICK);
        assertThat(quick.covers(EnumSet.allOf(SearchField.class))).isFalse();
        p.foreground(false);
        RegistryIndex whole = p.get();
        RegistryIndex expected = RegistryIndex.build(reg);
        for (String q : new String[] {"IOUSBHostDevice", "disk", "pci"}) {
            SearchQuery everywhere = new SearchQuery(q, EnumSet.allOf(SearchField.class), false);
            assertThat(RegistrySearch.search(whole, everywhere).entries()).as(q)
                    .isEqualTo(RegistrySearch.search(expected, everywhere).entries());
        }
    }
}
