package dev.ioscope.app.workbench.matching;

import dev.ioscope.app.ui.Contrast;
import dev.ioscope.app.workbench.WorkbenchFixtures;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static dev.ioscope.app.workbench.WorkbenchFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: the Matching tab's verdict rows stay readable in the dark theme, selected or not, as selection moves. */
@ExtendWith(ApplicationExtension.class)
class DarkVerdictRowsTest {
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) throws Exception {
        view = WorkbenchFixtures.show("hotplug", WorkbenchFixtures.hotplug(Files.createTempDirectory("wb")), true);
        vm = view.viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());
    }

    /** Every non-empty verdict cell: its text, text colour, background and their contrast. */
    private static List<String> unreadable(FxRobot robot, double min) {
        List<String> out = new ArrayList<>();
        for (TreeTableCell<?, ?> c : robot.lookup("#matchTable .tree-table-cell").queryAllAs(TreeTableCell.class)) {
            if (c.isEmpty() || c.getText() == null || c.getText().isBlank() || !c.isVisible()
                    || !(c.getTextFill() instanceof Color fg)) {
                continue;
            }
            Color bg = Contrast.background(c);
            double ratio = Contrast.ratio(fg, bg);
            if (ratio < min) {
                out.add(String.format("%s: %s on %s = %.2f%s", c.getText(), fg, bg, ratio,
                        c.getTableRow().isSelected() ? " (selected)" : ""));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    @Test
    void verdictTextKeepsItsContrastOnSelectedAndDeselectedRows(FxRobot robot) throws Exception {
        await(() -> tree(robot).getRoot() != null);
        robot.clickOn("#run");
        await(() -> vm.quietProperty().get() && vm.events().size() == 38);
        TreeCell<?> realtek = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getText() != null && c.getText().startsWith("realtek")).findFirst().orElseThrow();
        robot.clickOn(realtek);
        TreeTableView<MatchRow> table = robot.lookup("#matchTable").queryAs(TreeTableView.class);
        await(() -> table.getRoot() != null && table.getRoot().getChildren().size() == 1);
        TreeItem<MatchRow> cand = table.getRoot().getChildren().get(0);
        robot.interact(() -> cand.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cand.getChildren()).hasSizeGreaterThan(1);
        // WCAG AA for text: 4.5:1; every row before any selection, then with the selection walked down the rows
        // by the keyboard (a row that was selected goes back to its verdict colour)
        assertThat(unreadable(robot, 4.5)).isEmpty();
        robot.clickOn(robot.lookup("#matchTable .tree-table-row-cell").nth(0).queryAs(Node.class));
        robot.moveTo("#matchHeader");   // no hover: the rows as the keyboard leaves them
        for (int i = 0; i < cand.getChildren().size(); i++) {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(unreadable(robot, 4.5)).as("selection on row %d", i).isEmpty();
            robot.type(KeyCode.DOWN);
        }
    }
}
