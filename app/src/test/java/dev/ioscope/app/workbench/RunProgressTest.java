package dev.ioscope.app.workbench;

import dev.ioscope.engine.sim.Scenario;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: long work shows progress and can be cancelled; the workbench's Run shows it runs, Pause cancels it. */
@ExtendWith(ApplicationExtension.class)
class RunProgressTest {
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) throws Exception {
        // the whole virtual Mac boots for a while: long enough to see the run and pause it
        view = WorkbenchFixtures.show("hotplug",
                Scenario.read(Path.of("../docs/examples/virtual-mac-hotplug.json")), false);
        vm = view.viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());
    }

    @Test
    void runShowsAnIndeterminateProgressWhileRunningAndHidesItWhenStopped(FxRobot robot) throws Exception {
        await(() -> vm.registryProperty().get() != null);
        ProgressIndicator progress = robot.lookup("#runProgress").queryAs(ProgressIndicator.class);
        assertThat(progress.isVisible()).isFalse();
        assertThat(progress.isManaged()).isFalse();
        assertThat(progress.isIndeterminate()).isTrue();
        // the run may be over within a frame on a fast machine: what showed while it ran is recorded as it happens
        AtomicBoolean shown = new AtomicBoolean();
        AtomicBoolean cancellable = new AtomicBoolean();
        var pause = robot.lookup("#pause").queryButton();
        robot.interact(() -> {
            progress.visibleProperty().addListener((o, was, now) -> {
                if (now && progress.isManaged() && vm.runningProperty().get()) {
                    shown.set(true);
                }
            });
            pause.disableProperty().addListener((o, was, now) -> {
                if (!now && vm.runningProperty().get()) {
                    cancellable.set(true);
                }
            });
        });
        robot.clickOn("#run");
        // while it runs: the indicator shows, and Pause (its cancel) is enabled
        await(() -> shown.get() && cancellable.get());
        if (vm.runningProperty().get()) {
            robot.clickOn("#pause");   // the machine may turn quiet first: stopped either way
        }
        await(() -> !vm.runningProperty().get());
        assertThat(progress.isVisible()).isFalse();
        assertThat(progress.isManaged()).isFalse();
    }
}
