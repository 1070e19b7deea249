package dev.ioscope.app.explorer;

import dev.ioscope.app.TestData;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.io.SnapshotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
