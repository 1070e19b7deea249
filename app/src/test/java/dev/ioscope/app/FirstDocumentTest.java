package dev.ioscope.app;

import dev.ioscope.app.explorer.ExplorerViewModel;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's early load is the window's first document only for the same arguments; scenarios as before. */
class FirstDocumentTest {
    private static final String MACBOOK = TestData.path("snapshots/MacBookPro15-1.ioreg").toString();

    private static ExplorerViewModel viewModel() {
        AppPreferences prefs = AppPreferences.at("dev/ioscope/test/firstdocument");
        prefs.clear();
        return new ExplorerViewModel(Jobs.synchronous(), prefs);
    }

    @Test
    void theWindowTakesTheLoadTheLauncherStartedForItsArguments() {
        FirstDocument.startEarly(List.of(MACBOOK));
        assertThat(FirstDocument.pending()).isTrue();
        ExplorerViewModel vm = viewModel();
        FirstDocument.forWindow(List.of(MACBOOK)).open(vm);
        assertThat(FirstDocument.pending()).as("taken once").isFalse();
        assertThat(vm.documentProperty().get().title()).isEqualTo("MacBookPro15-1.ioreg");
        assertThat(vm.recentFiles()).containsExactly(Path.of(MACBOOK));
    }

    @Test
    void otherArgumentsGetALoadOfTheirOwn() {
        FirstDocument.startEarly(List.of(MACBOOK));
        ExplorerViewModel vm = viewModel();
        FirstDocument.forWindow(List.of()).open(vm);
        assertThat(FirstDocument.pending()).isFalse();
        assertThat(vm.documentProperty().get().title()).isEqualTo("Virtual Mac (booted)");
        assertThat(vm.recentFiles()).isEmpty();
    }

    @Test
    void aScenarioFileOpensTheVirtualMacHereAndAsksForItsWorkbench() {
        Path scenario = TestData.root().resolve("../conformance/PM17-wake-order/scenario.json").normalize();
        ExplorerViewModel vm = viewModel();
        FirstDocument.forWindow(List.of(scenario.toString())).open(vm);
        assertThat(vm.documentProperty().get().title()).isEqualTo("Virtual Mac (booted)");
        assertThat(vm.scenarioRequestedProperty().get()).isEqualTo(scenario);
    }
}
