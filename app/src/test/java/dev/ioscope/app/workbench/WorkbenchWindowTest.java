package dev.ioscope.app.workbench;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static dev.ioscope.app.workbench.WorkbenchFixtures.tree;
import static dev.ioscope.app.workbench.WorkbenchFixtures.treeHas;
import static org.assertj.core.api.Assertions.assertThat;

/** The real workbench window under Monocle, on the IntelMausi hot-plug scenario and its own engine thread. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
    private static final String ETH = "IOService:/ethernet@1f,6";
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) throws Exception {
        // a stage of its own: TestFX's shared stage may still carry another window's bindings (its title)
        view = WorkbenchFixtures.show("hotplug",
                WorkbenchFixtures.hotplug(Files.createTempDirectory("wb")), false);
        vm = view.viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());   // closing ends the session (onHidden)
    }

    @Test
    void stepAndStepBackShowTheRegistryAtThatStep(FxRobot robot) throws Exception {
        await(() -> tree(robot).getRoot() != null);
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#step");
            int want = new int[] {1, 2, 5}[i];
            await(() -> vm.eventsNowProperty().get() == want);
        }
        ListView<?> timeline = robot.lookup("#timeline").queryAs(ListView.class);
        assertThat(timeline.getItems()).hasSize(5);
        assertThat(robot.lookup("#clock").queryAs(Label.class).getText()).startsWith("t = 5.000 µs   step 3");
        assertThat(treeHas(robot, ETH)).isTrue();

        robot.clickOn("#stepBack");
        await(() -> vm.eventsNowProperty().get() == 2);
        assertThat(treeHas(robot, ETH)).isFalse();
        assertThat(timeline.getItems()).hasSize(5);   // the known future stays, faded
        assertThat(robot.lookup("#clock").queryAs(Label.class).getText()).startsWith("t = 0 ns   step 2");
    }

    @Test
    void breakpointSetInTheUiIsHitAndSelectsTheDriver(FxRobot robot) throws Exception {
        await(() -> tree(robot).getRoot() != null);
        robot.clickOn("Breakpoints");
        robot.clickOn("#breakpointValue").write("service.start");
        robot.clickOn("#addBreakpoint");
        assertThat(vm.breakpoints()).containsExactly(new Breakpoint(Breakpoint.On.KIND, "service.start"));
        robot.clickOn("#runToBreakpoint");
        // service.start is event #14, after the probe's attach, probe.score and detach (S3)
        await(() -> robot.lookup("#workbenchStatus").queryAs(Label.class).getText().contains("hit at #14"));
        await(() -> tree(robot).getSelectionModel().getSelectedItem() != null);
        assertThat(tree(robot).getSelectionModel().getSelectedItem().getValue().path()).isEqualTo(ETH + "/IntelMausi");
        assertThat(robot.lookup("#timeline").queryAs(ListView.class).getSelectionModel().getSelectedIndex())
                .isEqualTo(14);
    }
}
