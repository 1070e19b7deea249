package dev.ioscope.app.workbench;

import dev.ioscope.app.ui.CellTexts;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static dev.ioscope.app.workbench.WorkbenchFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: every cell the workbench may cut short has its whole text as a tooltip. */
@ExtendWith(ApplicationExtension.class)
class CellTooltipsTest {
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) throws Exception {
        view = WorkbenchFixtures.show("hotplug", WorkbenchFixtures.hotplug(Files.createTempDirectory("wb")), false);
        vm = view.viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());
    }

    @Test
    void journalRegistryPropertiesAndVerdictCellsCarryTheirWholeText(FxRobot robot) throws Exception {
        await(() -> tree(robot).getRoot() != null);
        robot.clickOn("#run");
        await(() -> vm.quietProperty().get() && vm.events().size() == 38);
        TreeCell<?> realtek = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getText() != null && c.getText().startsWith("realtek")).findFirst().orElseThrow();
        robot.clickOn(realtek);
        await(() -> robot.lookup("#matchTable").queryAs(TreeTableView.class).getRoot() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(CellTexts.withoutFullTextTooltip(robot, "#workbenchTree .tree-cell")).isEmpty();
        assertThat(CellTexts.withoutFullTextTooltip(robot, "#timeline .list-cell")).isEmpty();
        assertThat(CellTexts.withoutFullTextTooltip(robot, "#matchTable .tree-table-cell")).isEmpty();
        assertThat(CellTexts.withoutFullTextTooltip(robot, "#workbenchProperties .tree-table-cell")).isEmpty();
    }
}
