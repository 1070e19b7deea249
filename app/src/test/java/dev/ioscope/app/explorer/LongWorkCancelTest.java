package dev.ioscope.app.explorer;

import dev.ioscope.app.TestData;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "long work shows progress and can be cancelled", for the explorer's open, compare and export: while the
 * job is under way the window is loading (the status bar's progress bar and Cancel are bound to it) and says what;
 * Cancel ends it, the late result is dropped and what the window showed stays. (The workbench's Run: RunProgressTest.)
 */
class LongWorkCancelTest {
    /** Runs the first load at once; holds every later job until the test says. */
    private static final class HeldJobs implements Jobs {
        boolean hold;
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> Handle submit(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure) {
            if (!hold) {
                return Jobs.synchronous().submit(work, onDone, onFailure);
            }
            boolean[] cancelled = new boolean[1];
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
            return new Handle() {
                @Override
                public void cancel() {
                    cancelled[0] = true;
                }

                @Override
                public boolean isCancelled() {
                    return cancelled[0];
                }
            };
        }
    }

    @TempDir
    Path dir;
    private final HeldJobs jobs = new HeldJobs();
    private ExplorerViewModel vm;
    private Document shown;

    @BeforeEach
    void setUp() {
        vm = new ExplorerViewModel(jobs, AppPreferences.at("dev/ioscope/test/longwork"));
        vm.openSynthetic(2_000);
        shown = vm.documentProperty().get();
        assertThat(shown).isNotNull();
        jobs.hold = true;
    }

    private void cancelAndFinishLate() {
        vm.cancelLoad();
        assertThat(vm.loadingProperty().get()).isFalse();
        jobs.held.forEach(Runnable::run);   // the abandoned job runs on to its end; its result is dropped
    }

    @Test
    void openShowsProgressAndCancelKeepsTheDocument() {
        vm.open(TestData.path("snapshots/MacBookPro8-1.IOService.txt"));
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.loadingWhatProperty().get()).isEqualTo("MacBookPro8-1.IOService.txt");
        cancelAndFinishLate();
        assertThat(vm.documentProperty().get()).isSameAs(shown);
    }

    @Test
    void compareShowsProgressAndCancelStartsNoComparison() {
        vm.compareWith(TestData.path("snapshots/MacBookPro8-1.IOService.txt"));
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.loadingWhatProperty().get()).isEqualTo("comparison with MacBookPro8-1.IOService.txt");
        cancelAndFinishLate();
        assertThat(vm.comparisonProperty().get()).isNull();
        assertThat(vm.documentProperty().get()).isSameAs(shown);
    }

    @Test
    void exportShowsProgressAndCancelReportsNoSave() throws Exception {
        Path out = dir.resolve("export1.json");
        vm.export(out, SnapshotFormat.JSON, false);
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.loadingWhatProperty().get()).isEqualTo("export to export1.json");
        vm.cancelLoad();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).doesNotStartWith("Saved");
        // (a cancelled export's thread is interrupted and writes nothing: ExportFileTest)
        assertThat(Files.exists(out)).isFalse();
    }
}
