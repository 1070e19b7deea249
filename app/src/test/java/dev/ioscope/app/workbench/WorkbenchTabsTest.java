package dev.ioscope.app.workbench;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: at 1280×800 every tab of the workbench's right-hand pane shows its header, no overflow menu. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTabsTest {
    private static List<String> clipped(FxRobot robot, TabPane tabs) {
        Bounds pane = tabs.localToScene(tabs.getLayoutBounds());
        return robot.from(tabs).lookup(".tab").queryAll().stream()
                .filter(n -> n.getParent() != null && n.getParent().getStyleClass().contains("headers-region"))
                .filter(n -> {
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    return !n.isVisible() || b.getMaxX() > pane.getMaxX() + 0.5;
                })
                .map(n -> String.valueOf(n.lookup(".tab-label") instanceof javafx.scene.control.Label l
                        ? l.getText() : n))
                .toList();
    }

    private static long headers(FxRobot robot, TabPane tabs) {
        return robot.from(tabs).lookup(".tab").queryAll().stream()
                .filter(n -> n.getParent() != null && n.getParent().getStyleClass().contains("headers-region"))
                .count();
    }

    private static boolean overflowMenuShown(FxRobot robot, TabPane tabs) {
        return robot.from(tabs).lookup(".control-buttons-tab").queryAll().stream().anyMatch(Node::isVisible);
    }

    @Test
    void allSixTabsFitAt1280x800InTheLightAndTheDarkTheme(FxRobot robot) throws Exception {
        for (boolean dark : List.of(false, true)) {
            WorkbenchView[] view = new WorkbenchView[1];
            var scenario = WorkbenchFixtures.hotplug(Files.createTempDirectory("wb"));
            robot.interact(() -> {
                Stage stage = new Stage();
                view[0] = new WorkbenchView(stage, "hotplug", scenario, dark);
                stage.setWidth(1280);
                stage.setHeight(800);
                stage.show();
            });
            WaitForAsyncUtils.waitForFxEvents();
            TabPane tabs = robot.lookup("#workbenchTabs").queryAll().stream()
                    .filter(n -> n.getScene() == view[0].stage().getScene()).map(TabPane.class::cast)
                    .findFirst().orElseThrow();
            assertThat(view[0].stage().getScene().getWidth()).isLessThanOrEqualTo(1280);
            assertThat(tabs.getTabs()).extracting(javafx.scene.control.Tab::getText).containsExactly(
                    "Matching", "Breakpoints", "Power", "Devices", "User clients", "IOReport");
            for (var t : tabs.getTabs()) {
                robot.interact(() -> tabs.getSelectionModel().select(t));   // a selected header is no wider
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(headers(robot, tabs)).isEqualTo(6);
                assertThat(clipped(robot, tabs)).as("dark %s, %s selected", dark, t.getText()).isEmpty();
                assertThat(overflowMenuShown(robot, tabs)).as("dark %s", dark).isFalse();
            }
            robot.interact(() -> view[0].stage().close());
        }
    }
}
