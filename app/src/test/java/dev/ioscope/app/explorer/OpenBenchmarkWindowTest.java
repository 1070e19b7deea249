package dev.ioscope.app.explorer;

import dev.ioscope.app.Await;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * View ▸ Open Synthetic 100k Registry, on a smaller registry of the same generator: the new document's tree is built
 * once, in its own plane (the view-model sets the document, then its plane: the tree used to be built for the
 * previous document's plane first, then again), the status bar names the new registry's counts only once it is
 * shown, and the status bar's progress bar appears only when a job lasts ({@link LoadProgress}).
 */
@ExtendWith(ApplicationExtension.class)
class OpenBenchmarkWindowTest {
    private ExplorerViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ExplorerViewModel(Jobs.background(), AppPreferences.at("dev/ioscope/test/openbenchmark"));
        new ExplorerView(stage, vm, WorkbenchView.LAUNCHER);
        stage.show();
        vm.openSynthetic(2_000);
    }

    @Test
    void aNewRegistrysTreeIsBuiltOnceInItsOwnPlaneAndTheStatusBarCountsItWhenShown(FxRobot robot) throws Exception {
        Await.until(() -> vm.documentProperty().get() != null && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TreeTableView<IORegistryEntry> tree = robot.lookup("#registryTree").queryAs(TreeTableView.class);
        Label status = robot.lookup("#statusText").queryAs(Label.class);
        Document before = vm.documentProperty().get();
        List<TreeItem<IORegistryEntry>> roots = new ArrayList<>();
        List<String> statusWhileLoading = new ArrayList<>();
        robot.interact(() -> {
            tree.rootProperty().addListener((o, a, b) -> {
                if (b != null) {
                    roots.add(b);
                }
            });
            status.textProperty().addListener((o, a, b) -> {
                if (vm.documentProperty().get() == before) {
                    statusWhileLoading.add(b);
                }
            });
            vm.openBenchmark(5_000);
        });
        Await.until(() -> vm.documentProperty().get() != before && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        Document doc = vm.documentProperty().get();
        IORegistryPlane service = doc.registry().findPlane(IORegistryPlane.IOSERVICE).orElseThrow();
        assertThat(vm.planeProperty().get()).isSameAs(service);
        assertThat(roots).hasSize(1);
        assertThat(tree.getRoot()).isSameAs(roots.get(0));
        assertThat(tree.getRoot().getValue()).isSameAs(doc.registry().root());
        // the first view: the root and the platform expert under it open, its children those of the new registry
        TreeItem<IORegistryEntry> platform = tree.getRoot().getChildren().get(0);
        assertThat(platform.isExpanded()).isTrue();
        assertThat(platform.getChildren()).extracting(TreeItem::getValue)
                .containsExactlyElementsOf(platform.getValue().children(service));
        assertThat(statusWhileLoading).isNotEmpty().noneMatch(s -> s.contains("5000 entries"));
        assertThat(status.getText()).contains("Synthetic 5000 entries").contains("5000 entries, 5000 in IOService")
                .contains("2 planes");
    }

    @Test
    void theProgressBarAppearsOnlyWhenTheJobOutlastsTheDelay(FxRobot robot) {
        SimpleBooleanProperty loading = new SimpleBooleanProperty();
        List<Runnable> timers = new ArrayList<>();
        ProgressBar[] bar = new ProgressBar[1];
        robot.interact(() -> bar[0] = LoadProgress.bar(loading, timers::add));
        robot.interact(() -> loading.set(true));
        assertThat(bar[0].isVisible()).isFalse();
        assertThat(timers).hasSize(1);
        robot.interact(() -> timers.get(0).run()); // the delay is over, the job still runs
        assertThat(bar[0].isVisible()).isTrue();
        assertThat(bar[0].isManaged()).isTrue();
        robot.interact(() -> loading.set(false));
        assertThat(bar[0].isVisible()).isFalse();
        assertThat(bar[0].isManaged()).isFalse();
        // a short job: over before its delay; the late timer of it shows nothing, nor does it during the next job
        robot.interact(() -> loading.set(true));
        robot.interact(() -> loading.set(false));
        robot.interact(() -> loading.set(true));
        assertThat(timers).hasSize(3);
        robot.interact(() -> timers.get(1).run());
        assertThat(bar[0].isVisible()).isFalse();
        robot.interact(() -> timers.get(2).run());
        assertThat(bar[0].isVisible()).isTrue();
    }
}
