package dev.ioscope.app.explorer;

import dev.ioscope.app.TestData;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.io.SnapshotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A load the launcher starts before the window (the first document) is shown exactly as the same load started by
 * the window: same document, recent files, status, and on failure the same dialog text and fallback.
 */
class StartedLoadTest {
    private static final Path MACBOOK = TestData.path("snapshots/MacBookPro15-1.ioreg");

    private static ExplorerViewModel viewModel(String node) {
        AppPreferences prefs = AppPreferences.at("dev/ioscope/test/startedload/" + node);
        prefs.clear();
        return new ExplorerViewModel(Jobs.synchronous(), prefs);
    }

    @Test
    void aFileStartedEarlyIsShownAsOpeningItInTheWindowShowsIt() {
        ExplorerViewModel early = viewModel("early");
        early.open(StartedLoad.ofFile(MACBOOK));
        ExplorerViewModel late = viewModel("late");
        late.open(MACBOOK);

        Document a = early.documentProperty().get();
        Document b = late.documentProperty().get();
        assertThat(a.title()).isEqualTo("MacBookPro15-1.ioreg").isEqualTo(b.title());
        assertThat(a.file()).isEqualTo(MACBOOK);
        assertThat(a.registry().size()).as("1,859 entries, as ioscope info shows").isEqualTo(1_859)
                .isEqualTo(b.registry().size());
        assertThat(early.recentFiles()).containsExactly(MACBOOK);
        assertThat(early.planeProperty().get().name()).isEqualTo(late.planeProperty().get().name());
        assertThat(early.selectedProperty().get().name()).isEqualTo(late.selectedProperty().get().name());
        assertThat(early.statusProperty().get()).contains("1859 entries").contains("loaded in");
        assertThat(early.loadingProperty().get()).isFalse();
    }

    @Test
    void theVirtualMacStartedEarlyIsTheBootedMachine() {
        StartedLoad boot = StartedLoad.ofDefaultMachine();
        assertThat(boot.file()).isNull();
        ExplorerViewModel vm = viewModel("boot");
        vm.open(boot);
        Document d = vm.documentProperty().get();
        assertThat(d.title()).isEqualTo("Virtual Mac (booted)");
        assertThat(d.file()).isNull();
        assertThat(d.snapshot().info().get("machine")).as("the booted machine's description").isNotNull();
        assertThat(vm.recentFiles()).isEmpty();
    }

    @Test
    void aFailedEarlyLoadSaysWhyAsTheWindowWouldAndFallsBackToTheVirtualMac(@TempDir Path dir) throws Exception {
        Path bad = Files.write(dir.resolve("garbage.ioreg"), new byte[] {0x13, 0x37, 0x00, 0x42});
        StartedLoad started = StartedLoad.ofFile(bad);
        // the reader's own exception, not the thread's wrapper
        assertThatThrownBy(started::await).isInstanceOf(SnapshotException.class).hasMessageContaining(bad.toString());

        ExplorerViewModel early = viewModel("failed-early");
        early.open(started);
        ExplorerViewModel late = viewModel("failed-late");
        late.open(bad);
        assertThat(early.problemProperty().get()).isEqualTo(late.problemProperty().get());
        assertThat(early.problemProperty().get().title()).isEqualTo("Cannot open garbage.ioreg");
        assertThat(early.problemProperty().get().message()).contains("not a registry snapshot format");
        assertThat(early.documentProperty().get().title()).isEqualTo("Virtual Mac (booted)");
        assertThat(early.recentFiles()).isEmpty();
    }

    /** Jobs that are only queued: a test runs them when it wants to (or checks that none was asked for). */
    private static final class QueuedJobs implements Jobs {
        final List<Runnable> queued = new ArrayList<>();

        @Override
        public <T> Handle submit(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure) {
            queued.add(() -> {
                try {
                    onDone.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return new Handle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
        }
    }

    private static ExplorerViewModel viewModel(String node, Jobs jobs) {
        AppPreferences prefs = AppPreferences.at("dev/ioscope/test/startedload/" + node);
        prefs.clear();
        return new ExplorerViewModel(jobs, prefs);
    }

    @Test
    void aLoadThatHasEndedIsShownAtOnceSoTheWindowsFirstFrameHasItsTree() throws Exception {
        StartedLoad boot = StartedLoad.ofDefaultMachine();
        Document booted = boot.await();
        assertThat(boot.loaded()).isSameAs(booted);
        QueuedJobs jobs = new QueuedJobs();
        ExplorerViewModel vm = viewModel("ended", jobs);
        vm.open(boot);
        assertThat(vm.documentProperty().get()).as("shown in the call, before any job or pulse").isSameAs(booted);
        assertThat(jobs.queued).isEmpty();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.selectedProperty().get()).isNotNull();
        assertThat(vm.statusProperty().get()).contains("Virtual Mac (booted)").contains("loaded in");
    }

    @Test
    void aFileWhoseLoadHasEndedIsShownAtOnceAndGoesToTheRecentFiles() throws Exception {
        StartedLoad read = StartedLoad.ofFile(MACBOOK);
        read.await();
        QueuedJobs jobs = new QueuedJobs();
        ExplorerViewModel vm = viewModel("ended-file", jobs);
        vm.open(read);
        assertThat(vm.documentProperty().get().title()).isEqualTo("MacBookPro15-1.ioreg");
        assertThat(vm.recentFiles()).containsExactly(MACBOOK);
        assertThat(jobs.queued).as("its property tables wait for the tree's first frame").isEmpty();
    }

    @Test
    void aLoadStillRunningIsWaitedForOnAJobAndShownWhenItEnds() throws Exception {
        Document booted = StartedLoad.ofDefaultMachine().await();
        CountDownLatch release = new CountDownLatch(1);
        StartedLoad running = new StartedLoad(null, () -> {
            release.await();
            return booted;
        });
        assertThat(running.loaded()).isNull();
        QueuedJobs jobs = new QueuedJobs();
        ExplorerViewModel vm = viewModel("running", jobs);
        vm.open(running);
        assertThat(vm.documentProperty().get()).isNull();
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(jobs.queued).hasSize(1);
        release.countDown();
        jobs.queued.get(0).run();
        assertThat(vm.documentProperty().get()).isSameAs(booted);
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void aFailedLoadIsNotShownAtOnceButReportedByTheJobAsAnyFailedOpen(@TempDir Path dir) throws Exception {
        Path bad = Files.write(dir.resolve("garbage.ioreg"), new byte[] {0x13, 0x37, 0x00, 0x42});
        StartedLoad started = StartedLoad.ofFile(bad);
        assertThatThrownBy(started::await).isInstanceOf(SnapshotException.class);
        assertThat(started.loaded()).isNull();
        QueuedJobs jobs = new QueuedJobs();
        ExplorerViewModel vm = viewModel("failed-ended", jobs);
        vm.open(started);
        assertThat(jobs.queued).hasSize(1);
        jobs.queued.get(0).run();
        assertThat(vm.problemProperty().get().title()).isEqualTo("Cannot open garbage.ioreg");
    }
}
