package dev.ioscope.app.explorer;

import dev.ioscope.app.Await;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broad query on the benchmark registry (thousands of hits): the search opens the branches of its first
 * {@link RegistryTreePane#MAX_REVEALED_HITS} hits only, the count names them all, stepping with next past the last
 * opened hit opens that hit's branch and selects it, and a query that replaces it leaves open exactly its own hits'
 * branches and the selection's.
 */
@ExtendWith(ApplicationExtension.class)
class BroadSearchWindowTest {
    private ExplorerViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ExplorerViewModel(Jobs.background(), AppPreferences.at("dev/ioscope/test/broadsearch"));
        new ExplorerView(stage, vm, WorkbenchView.LAUNCHER);
        stage.show();
        vm.openBenchmark(5_000);
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<IORegistryEntry> tree(FxRobot robot) {
        return robot.lookup("#registryTree").queryAs(TreeTableView.class);
    }

    private void search(FxRobot robot, String text) throws Exception {
        robot.interact(() -> vm.search().textProperty().set(text));
        Await.until(() -> !vm.search().searchingProperty().get());
    }

    @Test
    void aBroadQueryOpensItsFirstHitsNextOpensTheRestAndAReplacingQueryOnlyItsOwn(FxRobot robot) throws Exception {
        Await.until(() -> vm.documentProperty().get() != null && !vm.loadingProperty().get());
        IORegistryPlane plane = vm.planeProperty().get();
        IORegistryEntry root = vm.documentProperty().get().registry().root();
        int cap = RegistryTreePane.MAX_REVEALED_HITS;

        search(robot, "IO");
        List<IORegistryEntry> hits = vm.search().hitsProperty().get();
        assertThat(hits).hasSizeGreaterThan(cap * 10);
        assertThat(vm.search().summaryProperty().get()).isEqualTo(hits.size() + " hits");
        Set<IORegistryEntry> first = OpenBranches.ancestors(hits.subList(0, cap), root, plane);
        assertThat(OpenBranches.expanded(tree(robot))).isEqualTo(first);
        IORegistryEntry beyond = hits.get(cap + 5);
        assertThat(first.containsAll(OpenBranches.ancestors(List.of(beyond), root, plane)))
                .as("the branch of a hit past the cap is not opened by the search").isFalse();

        // On demand: stepping to it opens its branch and selects its row.
        robot.interact(() -> {
            for (int i = 0; i <= cap + 5; i++) {
                vm.search().next();
            }
        });
        assertThat(vm.selectedProperty().get()).isSameAs(beyond);
        assertThat(tree(robot).getSelectionModel().getSelectedItem().getValue()).isSameAs(beyond);
        assertThat(vm.search().summaryProperty().get()).isEqualTo((cap + 6) + " of " + hits.size());
        Set<IORegistryEntry> withBeyond = OpenBranches.ancestors(List.of(beyond), root, plane);
        withBeyond.addAll(first);
        assertThat(OpenBranches.expanded(tree(robot))).isEqualTo(withBeyond);

        // Replaced whole: its own hits' branches and the selection's stay open, nothing of the broad query's.
        search(robot, "IOHIDEventDriver");
        List<IORegistryEntry> replaced = vm.search().hitsProperty().get();
        Set<IORegistryEntry> want = OpenBranches.ancestors(replaced.subList(0, Math.min(cap, replaced.size())),
                root, plane);
        want.addAll(OpenBranches.ancestors(List.of(vm.selectedProperty().get()), root, plane));
        assertThat(OpenBranches.expanded(tree(robot))).isEqualTo(want);
    }
}
