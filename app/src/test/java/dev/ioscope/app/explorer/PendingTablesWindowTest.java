package dev.ioscope.app.explorer;

import dev.ioscope.app.Await;
import dev.ioscope.app.TestData;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.engine.registry.IORegistryEntry;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window on an archive whose property tables are decoded after its tree is drawn ({@link PendingTablesTest}
 * without a toolkit): the tree's first frame starts them, the inspector shows the selected entry's properties at
 * once, and a bad table is reported in the window's dialog, which then goes back to what it showed.
 */
@ExtendWith(ApplicationExtension.class)
class PendingTablesWindowTest {
    private ExplorerViewModel vm;
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        vm = new ExplorerViewModel(Jobs.background(), AppPreferences.at("dev/ioscope/test/pendingwindow"));
        view = new ExplorerView(stage, vm, WorkbenchView.LAUNCHER);
        stage.show();
        vm.openSynthetic(2_000);
    }

    private void awaitLoaded() throws Exception {
        Await.until(() -> vm.documentProperty().get() != null && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theTreesFirstFrameStartsTheTablesAndTheKeyboardMovesThroughDecodedEntries(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.interact(() -> vm.open(TestData.path("snapshots/MacBookPro15-1.ioreg")));
        Await.until(() -> vm.documentProperty().get() != null
                && vm.documentProperty().get().title().equals("MacBookPro15-1.ioreg") && !vm.loadingProperty().get());
        Document doc = vm.documentProperty().get();
        // nothing but the drawn tree started them: every table is decoded in the background
        Await.until(() -> doc.registry().entries().stream().noneMatch(IORegistryEntry::propertiesPending));
        assertThat(vm.problemProperty().get()).isNull();

        @SuppressWarnings("unchecked")
        TreeTableView<IORegistryEntry> tree = robot.lookup("#registryTree").queryAs(TreeTableView.class);
        IORegistryEntry first = vm.selectedProperty().get();
        robot.clickOn(tree).type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        IORegistryEntry next = vm.selectedProperty().get();
        assertThat(next).isNotSameAs(first);
        assertThat(tree.getSelectionModel().getSelectedItem().getValue()).isSameAs(next);
    }

    @Test
    void aBadTableIsReportedInTheWindowAfterTheTreeAndTheWindowGoesBack(FxRobot robot, @TempDir Path dir)
            throws Exception {
        awaitLoaded();
        Document before = vm.documentProperty().get();
        Path bad = PendingTablesTest.badArchive(dir);
        robot.interact(() -> vm.open(bad));
        Await.until(() -> view.lastAlert() != null && view.lastAlert().isShowing());
        assertThat(view.lastAlert().getHeaderText()).isEqualTo("Cannot open bad.ioreg");
        assertThat(view.lastAlert().getContentText())
                .contains("archive object 6 (RexRegistryEntry) key 'properties'");
        robot.interact(() -> view.lastAlert().close());
        assertThat(vm.documentProperty().get()).isSameAs(before);

        robot.clickOn("#searchField").write("IOPCIDevice");
        Await.until(() -> robot.lookup("#hitCount").queryAs(Label.class).getText().matches("\\d+ hits.*"));
    }
}
