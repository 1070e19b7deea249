package dev.ioscope.app.explorer;

import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.explore.SearchField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches run as jobs: a query typed past is cancelled and its late result dropped, so the window only ever
 * shows the newest query's hits. Jobs are held here and completed by hand, in any order.
 */
class SearchJobsTest {
    /** Runs loads at once; holds searches (submitted once {@code hold} is set) until the test runs them. */
    private static final class HeldJobs implements Jobs {
        boolean hold;
        final List<Runnable> held = new ArrayList<>();
        final List<Handle> handles = new ArrayList<>();

        @Override
        public <T> Handle submit(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure) {
            if (!hold) {
                return Jobs.synchronous().submit(work, onDone, onFailure);
            }
            boolean[] cancelled = new boolean[1];
            Handle h = new Handle() {
                @Override
                public void cancel() {
                    cancelled[0] = true;
                }

                @Override
                public boolean isCancelled() {
                    return cancelled[0];
                }
            };
            // Like Jobs.background: the work runs even when cancelled (it may throw), a cancelled result is dropped.
            held.add(() -> {
                try {
                    T r = work.call();
                    if (!cancelled[0]) {
                        onDone.accept(r);
                    }
                } catch (Exception e) {
                    if (!cancelled[0]) {
                        onFailure.accept(e);
                    }
                }
            });
            handles.add(h);
            return h;
        }
    }

    private final HeldJobs jobs = new HeldJobs();
    private ExplorerViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new ExplorerViewModel(jobs, AppPreferences.at("dev/ioscope/test/searchjobs"));
        vm.openSynthetic(3_000);
        jobs.hold = true;
    }

    @Test
    void onlyTheNewestQueryReachesTheWindowWhateverOrderJobsFinishIn() {
        var s = vm.search();
        s.textProperty().set("d");
        s.textProperty().set("di");
        s.textProperty().set("disk1");
        assertThat(s.searchingProperty().get()).isTrue();
        assertThat(s.hitsProperty().get()).isEmpty();
        assertThat(jobs.handles).hasSize(3);
        // Typing on cancelled the first two.
        assertThat(jobs.handles.get(0).isCancelled()).isTrue();
        assertThat(jobs.handles.get(1).isCancelled()).isTrue();
        assertThat(jobs.handles.get(2).isCancelled()).isFalse();
        // The newest finishes first, then the stale ones come in late: they must not replace its hits.
        jobs.held.get(2).run();
        var newest = s.hitsProperty().get();
        assertThat(newest).isNotEmpty().allSatisfy(e -> assertThat(e.nameWithLocation(vm.planeProperty().get())
                + e.properties()).containsIgnoringCase("disk1"));
        jobs.held.get(0).run();
        jobs.held.get(1).run();
        assertThat(s.hitsProperty().get()).isSameAs(newest);
        assertThat(s.searchingProperty().get()).isFalse();
        assertThat(s.summaryProperty().get()).isEqualTo(newest.size() + " hits");
    }

    @Test
    void clearingTheFieldCancelsARunningSearch() {
        var s = vm.search();
        s.textProperty().set("disk1");
        s.textProperty().set("");
        assertThat(jobs.handles.get(0).isCancelled()).isTrue();
        assertThat(s.searchingProperty().get()).isFalse();
        jobs.held.get(0).run();
        assertThat(s.hitsProperty().get()).isEmpty();
        assertThat(s.summaryProperty().get()).isEmpty();
    }

    @Test
    void whenDoneRunsOnceTheNewestHitsAreInPlace() {
        var s = vm.search();
        s.textProperty().set("disk1");
        int[] seen = {-1};
        s.whenDone(() -> seen[0] = s.hitsProperty().get().size());
        assertThat(seen[0]).isEqualTo(-1);
        jobs.held.get(0).run();
        assertThat(seen[0]).isPositive().isEqualTo(s.hitsProperty().get().size());
        // With no search running it runs at once.
        s.whenDone(() -> seen[0] = 0);
        assertThat(seen[0]).isZero();
    }

    @Test
    void aQuickSearchHoldsTheRestOfTheIndexBackUntilTheNewestResultIsShownAndAValueSearchHoldsNothing() {
        jobs.hold = false;
        vm.openBenchmark(2_000);
        jobs.hold = true;
        PendingIndex index = vm.documentProperty().get().searchIndex();
        assertThat(index.isReady()).isFalse();
        var s = vm.search();
        s.textProperty().set("IOUSB");
        assertThat(index.isHeldBack()).isTrue();
        s.textProperty().set("IOUSBHost");
        assertThat(index.isHeldBack()).as("typed on: the newer search holds it").isTrue();
        jobs.held.get(1).run();
        assertThat(s.searchingProperty().get()).isFalse();
        assertThat(s.hitsProperty().get()).isNotEmpty();
        assertThat(index.isHeldBack()).as("released once the hits are shown").isFalse();
        jobs.held.get(0).run();
        assertThat(index.isHeldBack()).as("a superseded result changes nothing").isFalse();
        s.textProperty().set("IOUSBHostD");
        assertThat(index.isHeldBack()).isTrue();
        s.textProperty().set("");
        assertThat(index.isHeldBack()).as("cleared").isFalse();
        s.textProperty().set("IOUSB");
        s.fieldProperty(SearchField.VALUE).set(true);
        assertThat(index.isHeldBack()).as("a search over values waits for the whole index: it holds nothing")
                .isFalse();
    }
}
