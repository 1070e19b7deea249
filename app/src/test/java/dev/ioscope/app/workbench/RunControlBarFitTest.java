package dev.ioscope.app.workbench;

import dev.ioscope.app.Await;
import dev.ioscope.engine.sim.Scenario;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench's toolbar never cuts a label short and hides a command only when the window is really narrow. At
 * 1280×800 every command shows with its label, Load Kexts last, and no overflow chevron (issue 15 noted that Load
 * Kexts and Session went into it; Session is the menu bar's alone now). Narrower, the right-hand commands (Load
 * Kexts, then Publish Nub…, then Explore Step) show as icons, as few as need to, with their tooltips; only then does
 * the chevron take the last items whole.
 */
@ExtendWith(ApplicationExtension.class)
class RunControlBarFitTest {
    private static boolean overflowShown(ToolBar bar) {
        return bar.lookupAll(".tool-bar-overflow-button").stream().anyMatch(Node::isVisible);
    }

    private static RunControlBar bar(WorkbenchView view) {
        return view.stage().getScene().getRoot().lookupAll(".tool-bar").stream()
                .filter(RunControlBar.class::isInstance).map(RunControlBar.class::cast).findFirst().orElseThrow();
    }

    private static RunControlBar open(FxRobot robot, Scenario scenario, double width, boolean dark) {
        return bar(show(robot, scenario, width, dark));
    }

    private static WorkbenchView show(FxRobot robot, Scenario scenario, double width, boolean dark) {
        WorkbenchView[] view = new WorkbenchView[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            view[0] = new WorkbenchView(stage, "fit", scenario, dark);
            stage.setWidth(width);
            stage.setHeight(800);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        return view[0];
    }

    private static double rightEdge(Node n) {
        return n.localToScene(n.getLayoutBounds()).getMaxX();
    }

    @Test
    void everyCommandShowsWithItsLabelAt1280InBothThemes(FxRobot robot) throws Exception {
        for (boolean dark : List.of(false, true)) {
            RunControlBar bar = open(robot, WorkbenchFixtures.hotplug(Files.createTempDirectory("wb")), 1280, dark);
            assertThat(overflowShown(bar)).as("dark %s", dark).isFalse();
            assertThat(bar.compact()).as("dark %s", dark).isFalse();
            Labeled last = (Labeled) bar.lookup("#loadKexts");
            assertThat(last.isVisible()).isTrue();
            assertThat(last.getContentDisplay()).isNotEqualTo(ContentDisplay.GRAPHIC_ONLY);
            assertThat(rightEdge(last)).as("Load Kexts' right edge, dark %s", dark)
                    .isLessThanOrEqualTo(bar.getScene().getWidth());
            robot.interact(() -> bar.getScene().getWindow().hide());
        }
    }

    @Test
    void theVirtualMacsLongClockStillFitsAt1280(FxRobot robot) throws Exception {
        WorkbenchView view = show(robot, Scenario.read(Path.of("../docs/examples/virtual-mac-hotplug.json")), 1280,
                false);
        RunControlBar bar = bar(view);
        WorkbenchViewModel vm = view.viewModel();
        robot.interact(vm::run);
        Await.until(() -> vm.quietProperty().get() && !vm.runningProperty().get());
        assertThat(((Labeled) bar.lookup("#clock")).getText()).contains("events 3");
        assertThat(overflowShown(bar)).isFalse();
        assertThat(rightEdge(bar.lookup("#loadKexts"))).isLessThanOrEqualTo(bar.getScene().getWidth());
        robot.interact(() -> bar.getScene().getWindow().hide());
    }

    @Test
    void narrowerTheRightHandCommandsBecomeIconsBeforeAnythingOverflows(FxRobot robot) throws Exception {
        RunControlBar bar = open(robot, WorkbenchFixtures.hotplug(Files.createTempDirectory("wb")), 1000, false);
        assertThat(bar.compact()).isTrue();
        assertThat(overflowShown(bar)).isFalse();
        for (String id : List.of("#exploreStep", "#publishNub", "#loadKexts")) {
            Labeled l = (Labeled) bar.lookup(id);
            assertThat(l.getContentDisplay()).as(id).isEqualTo(ContentDisplay.GRAPHIC_ONLY);
            assertThat(l.getTooltip().getText()).as(id).startsWith(l.getText().replace("…", ""));
            assertThat(rightEdge(l)).as(id).isLessThanOrEqualTo(bar.getScene().getWidth());
        }
        robot.interact(() -> bar.getScene().getWindow().setWidth(1280));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.compact()).as("wide again").isFalse();
        assertThat(overflowShown(bar)).isFalse();
        robot.interact(() -> bar.getScene().getWindow().hide());
    }

    @Test
    void aLittleNarrowerOnlyTheLastLabelGoes(FxRobot robot) throws Exception {
        RunControlBar bar = open(robot, WorkbenchFixtures.hotplug(Files.createTempDirectory("wb")), 1280, false);
        Labeled kexts = (Labeled) bar.lookup("#loadKexts");
        double labelled = bar.labelledWidth();
        assertThat(labelled).isLessThan(1280);
        // a few pixels narrower than every label needs: Load Kexts' label no longer fits, the others' still do
        robot.interact(() -> bar.getScene().getWindow().setWidth(labelled - 8));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(kexts.getContentDisplay()).isEqualTo(ContentDisplay.GRAPHIC_ONLY);
        assertThat(((Labeled) bar.lookup("#publishNub")).getContentDisplay()).isNotEqualTo(ContentDisplay.GRAPHIC_ONLY);
        assertThat(((Labeled) bar.lookup("#exploreStep")).getContentDisplay())
                .isNotEqualTo(ContentDisplay.GRAPHIC_ONLY);
        assertThat(overflowShown(bar)).isFalse();
        assertThat(rightEdge(kexts)).isLessThanOrEqualTo(bar.getScene().getWidth());
        robot.interact(() -> bar.getScene().getWindow().hide());
    }

    @Test
    void aReallyNarrowWindowMovesTheLastCommandsIntoTheOverflowMenu(FxRobot robot) throws Exception {
        RunControlBar bar = open(robot, WorkbenchFixtures.hotplug(Files.createTempDirectory("wb")), 700, false);
        assertThat(overflowShown(bar)).isTrue();
        robot.interact(() -> bar.getScene().getWindow().hide());
    }
}
