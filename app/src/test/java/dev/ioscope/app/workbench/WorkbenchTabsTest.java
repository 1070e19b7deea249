package dev.ioscope.app.workbench;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
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

/**
 * Issue 15: at 1280×800 every tab of the workbench's right-hand pane shows its header, no overflow menu; so do the
 * five I/O Kit topics (Interrupts, Memory &amp; DMA, Locks, Diagnostics, Streams) in the "I/O Kit" tab. A topic
 * not built in this checkout yet is stood in for by an empty tab of its title.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTabsTest {
    private static final List<String> TOPICS = List.of("Interrupts", "Memory & DMA", "Locks", "Diagnostics",
            "Streams");

    /** A tab header of {@code tabs} itself (TabPane > .tab-header-area > .headers-region > .tab), not a nested one. */
    private static boolean headerOf(Node n, TabPane tabs) {
        Node region = n.getParent();
        return region != null && region.getStyleClass().contains("headers-region") && region.getParent() != null
                && region.getParent().getParent() == tabs;
    }

    private static List<String> clipped(FxRobot robot, TabPane tabs) {
        Bounds pane = tabs.localToScene(tabs.getLayoutBounds());
        return robot.from(tabs).lookup(".tab").queryAll().stream()
                .filter(n -> headerOf(n, tabs))
                .filter(n -> {
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    return !n.isVisible() || b.getMaxX() > pane.getMaxX() + 0.5;
                })
                .map(n -> String.valueOf(n.lookup(".tab-label") instanceof Label l
                        ? l.getText() : n))
                .toList();
    }

    private static long headers(FxRobot robot, TabPane tabs) {
        return robot.from(tabs).lookup(".tab").queryAll().stream()
                .filter(n -> headerOf(n, tabs))
                .count();
    }

    private static boolean overflowMenuShown(FxRobot robot, TabPane tabs) {
        return robot.from(tabs).lookup(".control-buttons-tab").queryAll().stream()
                .filter(n -> n.getParent() != null && n.getParent().getParent() == tabs).anyMatch(Node::isVisible);
    }

    @Test
    void allSevenTabsAndTheFiveIOKitTopicsFitAt1280x800InTheLightAndTheDarkTheme(FxRobot robot) throws Exception {
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
            assertThat(tabs.getTabs()).extracting(Tab::getText).containsExactly(
                    "Matching", "Breakpoints", "Power", "Devices", "User clients", "IOReport", "I/O Kit");
            TabPane topics = (TabPane) tabs.getTabs().get(6).getContent();
            assertThat(topics.getId()).isEqualTo("ioKitTopics");
            robot.interact(() -> {
                for (String title : TOPICS) {
                    if (topics.getTabs().stream().noneMatch(t -> t.getText().equals(title))) {
                        topics.getTabs().add(new Tab(title));
                    }
                }
            });
            for (var t : tabs.getTabs()) {
                robot.interact(() -> tabs.getSelectionModel().select(t));   // a selected header is no wider
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(headers(robot, tabs)).isEqualTo(7);
                assertThat(clipped(robot, tabs)).as("dark %s, %s selected", dark, t.getText()).isEmpty();
                assertThat(overflowMenuShown(robot, tabs)).as("dark %s", dark).isFalse();
            }
            robot.interact(() -> tabs.getSelectionModel().select(6));
            for (var t : topics.getTabs()) {
                robot.interact(() -> topics.getSelectionModel().select(t));
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(headers(robot, topics)).isEqualTo(TOPICS.size());
                assertThat(clipped(robot, topics)).as("dark %s, I/O Kit ▸ %s selected", dark, t.getText()).isEmpty();
                assertThat(overflowMenuShown(robot, topics)).as("dark %s", dark).isFalse();
            }
            robot.interact(() -> view[0].stage().close());
        }
    }
}
