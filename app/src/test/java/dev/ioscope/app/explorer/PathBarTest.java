package dev.ioscope.app.explorer;

import dev.ioscope.app.Await;
import dev.ioscope.app.TestData;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.CellTexts;
import dev.ioscope.app.ui.HoverTips;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.RegistryPath;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: the breadcrumb bar of the registry path, on a real Hackintosh dump, by mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class PathBarTest {
    /** From the dump's tree: Root, MacBookPro16,1 (the base), AppleACPIPlatformExpert, PC00, AppleACPIPCI. */
    private static final String XHCI = "IOService:/AppleACPIPlatformExpert/PC00/AppleACPIPCI/XHCI@14";
    private ExplorerViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ExplorerViewModel(Jobs.background(), AppPreferences.at("dev/ioscope/test/pathbar"));
        new ExplorerView(stage, vm);
        stage.show();
        vm.open(TestData.path("snapshots/Hackintosh-DellADL-macOS13.IOService.txt"));
    }

    private IORegistryEntry entry(String path) {
        return RegistryPath.fromPath(vm.documentProperty().get().registry(), path, null).orElseThrow();
    }

    private static PathBar bar(FxRobot robot) {
        return robot.lookup("#pathBar").queryAs(PathBar.class);
    }

    @SuppressWarnings("unchecked")
    private static IORegistryEntry treeSelection(FxRobot robot) {
        return robot.lookup("#registryTree").queryAs(TreeTableView.class).getSelectionModel().getSelectedItem()
                == null ? null : ((TreeItem<IORegistryEntry>) robot.lookup("#registryTree")
                .queryAs(TreeTableView.class).getSelectionModel().getSelectedItem()).getValue();
    }

    @Test
    void showsThePathAsGetPathSpellsItAndACrumbSelectsItsAncestor(FxRobot robot) throws Exception {
        Await.until(() -> vm.documentProperty().get() != null
                && !vm.loadingProperty().get());
        IORegistryEntry xhci = entry(XHCI);
        robot.interact(() -> vm.selectedProperty().set(xhci));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar(robot).crumbs()).extracting(Labeled::getText)
                .containsExactly("IOService:/", "AppleACPIPlatformExpert", "PC00", "AppleACPIPCI", "XHCI@14");
        // the text the bar reads, separators included, is the entry's path
        assertThat(bar(robot).getChildren().stream().map(n -> ((Labeled) n).getText())
                .reduce("", String::concat)).isEqualTo(XHCI);
        assertThat(HoverTips.text(bar(robot).crumbs().get(0)))
                .isEqualTo("MacBookPro16,1 <class IOPlatformExpertDevice>, the base of the IOService plane");

        // the mouse: a crumb selects its ancestor, in the tree too
        robot.clickOn(bar(robot).crumbs().get(2));
        WaitForAsyncUtils.waitForFxEvents();
        IORegistryEntry pc00 = entry("IOService:/AppleACPIPlatformExpert/PC00");
        assertThat(vm.selectedProperty().get()).isSameAs(pc00);
        assertThat(treeSelection(robot)).isSameAs(pc00);
        assertThat(bar(robot).crumbs()).extracting(Labeled::getText)
                .containsExactly("IOService:/", "AppleACPIPlatformExpert", "PC00");

        // the keyboard: the crumbs are in the focus order, Space presses one
        Button platform = bar(robot).crumbs().get(1);
        assertThat(platform.isFocusTraversable()).isTrue();
        robot.interact(platform::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        IORegistryEntry expert = entry("IOService:/AppleACPIPlatformExpert");
        assertThat(vm.selectedProperty().get()).isSameAs(expert);
        assertThat(treeSelection(robot)).isSameAs(expert);
    }

    @Test
    void treeAndInspectorCellsCarryTheirWholeTextAsATooltip(FxRobot robot) throws Exception {
        Await.until(() -> vm.documentProperty().get() != null
                && !vm.loadingProperty().get());
        robot.interact(() -> vm.selectedProperty().set(entry(XHCI)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(CellTexts.withoutFullTextTooltip(robot, "#registryTree .tree-table-cell")).isEmpty();
        assertThat(CellTexts.withoutFullTextTooltip(robot, "#inspectorTable .tree-table-cell")).isEmpty();
    }

    @Test
    void theRootHasAPathOfItsOwn(FxRobot robot) throws Exception {
        Await.until(() -> vm.documentProperty().get() != null
                && !vm.loadingProperty().get());
        robot.interact(() -> vm.selectedProperty().set(vm.documentProperty().get().registry().root()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar(robot).crumbs()).extracting(Labeled::getText).containsExactly("Root");
    }
}
