package dev.ioscope.app.workbench;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyboard reaches every workbench command and pane with Tab. The window opens with the registry tree focused
 * (the arrow keys browse it at once); Tab goes through the panes, then the toolbar's commands left to right, and
 * back to the tree. (Last session's look under Xvfb saw no focus ring on the toolbar after twelve presses: eight
 * reach Run.)
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTabOrderTest {
    @Test
    void tabReachesEveryPaneAndEveryToolbarCommandFromTheTree(FxRobot robot) throws Exception {
        WorkbenchView[] view = new WorkbenchView[1];
        var scenario = WorkbenchFixtures.hotplug(Files.createTempDirectory("wb"));
        robot.interact(() -> {
            Stage stage = new Stage();
            view[0] = new WorkbenchView(stage, "tab", scenario, false);
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Node f = view[0].stage().getScene().getFocusOwner();
            order.add(f == null ? "none" : "#" + f.getId());
            robot.press(KeyCode.TAB).release(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(order.get(0)).as("focus when the window opens").isEqualTo("#workbenchTree");
        int back = order.subList(1, order.size()).indexOf("#workbenchTree") + 1;
        List<String> cycle = order.subList(0, back + 1);
        assertThat(cycle).as("one round of Tab from the tree: %s", order)
                .containsSubsequence("#workbenchTree", "#workbenchProperties", "#timeline", "#eventDetail",
                        "#workbenchTabs", "#run", "#stepBack", "#step", "#runToBreakpoint", "#exploreStep",
                        "#publishNub", "#loadKexts", "#workbenchTree");
        robot.interact(() -> view[0].stage().hide());
    }
}
