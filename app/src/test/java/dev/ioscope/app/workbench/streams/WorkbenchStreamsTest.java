package dev.ioscope.app.workbench.streams;

import dev.ioscope.app.workbench.WorkbenchFixtures;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.streams.IOStreams.Place;
import dev.ioscope.engine.sim.streams.StreamTable;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The workbench's Streams tab: a buffer goes to the user and comes back as the machine steps, and back again. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchStreamsTest {
    static final String SCENARIO = """
            {"machine": "empty", "actions": [
              {"at": 1000, "do": "stream-create", "name": "cam", "buffers": "3"},
              {"at": 2000, "do": "stream-open", "name": "cam", "client": "app"},
              {"at": 3000, "do": "stream-start", "name": "cam", "client": "app"},
              {"at": 4000, "do": "stream-enqueue-output", "name": "cam", "buffer": "0", "length": "4096"},
              {"at": 5000, "do": "stream-dequeue-output", "name": "cam", "client": "app"},
              {"at": 6000, "do": "stream-enqueue-input", "name": "cam", "client": "app", "buffer": "0"},
              {"at": 7000, "do": "stream-dequeue-input", "name": "cam"}
            ]}
            """;
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @AfterEach
    void close(FxRobot robot) {
        if (view != null) {
            robot.interact(() -> view.stage().close());
        }
    }

    private void step(FxRobot robot, boolean back) throws Exception {
        WorkbenchFixtures.step(robot, vm, back);
    }

    @Test
    @SuppressWarnings("unchecked")
    void buffersCycleBetweenKernelAndUser(FxRobot robot, @TempDir Path dir) throws Exception {
        Scenario s = WorkbenchFixtures.scenario(dir, SCENARIO);
        robot.interact(() -> {
            view = WorkbenchFixtures.show("streams", s, false);
            vm = view.viewModel();
        });
        await(() -> vm.registryProperty().get() != null);
        robot.clickOn("I/O Kit");
        robot.clickOn("Streams");
        TableView<StreamTable.Row> table = robot.lookup("#streamsTable").queryAs(TableView.class);
        // step until buffer 0 is with the user
        while (table.getItems().isEmpty() || table.getItems().get(0).buffers().get(0) != Place.USER) {
            step(robot, false);
        }
        StreamTable.Row r = table.getItems().get(0);
        assertThat(StreamsPane.ids(r, Place.USER)).isEqualTo("0");
        assertThat(StreamsPane.ids(r, Place.KERNEL)).isEqualTo("1 2");
        assertThat(r.state()).isEqualTo("started");
        step(robot, false);
        await(() -> table.getItems().get(0).buffers().get(0) == Place.INPUT_QUEUE);
        step(robot, false);
        await(() -> table.getItems().get(0).buffers().get(0) == Place.KERNEL
                && table.getItems().get(0).roundTrips() == 1);
        step(robot, true);
        await(() -> table.getItems().get(0).buffers().get(0) == Place.INPUT_QUEUE);
    }
}
