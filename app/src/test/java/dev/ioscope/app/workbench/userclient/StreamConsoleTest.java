package dev.ioscope.app.workbench.userclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioscope.app.Await;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.streams.IOStreams.Place;
import dev.ioscope.engine.sim.streams.StreamTable;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

/**
 * Issue 21: the console opens the IOStream a driver published (docs/examples/stream-camera.json), starts it, and a
 * buffer goes driver → output queue → user client → input queue → driver by the console's buttons; the Streams
 * tab shows it moving; a buffer the user does not hold is refused (ST6).
 */
@ExtendWith(ApplicationExtension.class)
class StreamConsoleTest {
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) throws Exception {
        Stage stage = new Stage();
        view = new WorkbenchView(stage, "stream-camera", Scenario.read(Path.of("../docs/examples/stream-camera.json")),
                false);
        vm = view.viewModel();
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());
    }

    private static String places(FxRobot robot) {
        return robot.lookup("#ucStreamPlaces").queryAs(Label.class).getText();
    }

    private void click(FxRobot robot, String id, String expect) throws Exception {
        UserClientConsoleTest.shown(robot, robot.lookup(id).query());
        robot.clickOn(id);
        Await.until(() -> places(robot).contains(expect));
    }

    @SuppressWarnings("unchecked")
    @Test
    void theConsoleOpensTheStreamAndABufferGoesRound(FxRobot robot) throws Exception {
        Await.until(() -> vm.registryProperty().get() != null);
        robot.interact(vm::run);
        Await.until(() -> vm.quietProperty().get() && !vm.runningProperty().get()
                && vm.events().stream().anyMatch(e -> e.kind().id().equals("stream.create")));
        robot.clickOn("User clients");
        ComboBox<String> service = robot.lookup("#ucService").queryAs(ComboBox.class);
        Await.until(() -> service.getItems().contains("IOService:/camera"));
        robot.interact(() -> service.setValue("IOService:/camera"));
        ComboBox<String> stream = robot.lookup("#ucStreamName").queryAs(ComboBox.class);
        Await.until(() -> "frames".equals(stream.getValue()));
        assertThat(places(robot)).startsWith("closed (IOService:/camera) · driver 0 1 2 3");

        click(robot, "#ucStreamOpen", "open by console");
        click(robot, "#ucStreamStart", "started by console");
        click(robot, "#ucStreamSend", "output queue 0 ");
        click(robot, "#ucStreamDequeueOutput", "user 0 ");
        // buffer 2 is the driver's: the user client cannot give it back (ST6)
        TextField buffer = robot.lookup("#ucStreamBuffer").queryAs(TextField.class);
        robot.interact(() -> buffer.setText("2"));
        robot.clickOn("#ucStreamEnqueueInput");
        Await.until(() -> places(robot).contains("last: refused enqueue input"));
        robot.interact(() -> buffer.setText(""));
        click(robot, "#ucStreamEnqueueInput", "input queue 0 ");
        click(robot, "#ucStreamTake", "1 round trip(s)");
        assertThat(places(robot)).contains("driver 0 1 2 3");

        String history = ((CallHistory) robot.lookup(n -> n instanceof CallHistory).query()).text();
        assertThat(history).contains("\"do\":\"stream-open\"", "stream frames open by console",
                "buffer 0 ← output queue, now the user's", "kIOReturnNotPermitted",
                "buffer 0 ← input queue, now the driver's");

        robot.clickOn("I/O Kit");
        robot.clickOn("Streams");
        TableView<StreamTable.Row> table = robot.lookup("#streamsTable").queryAs(TableView.class);
        Await.until(() -> !table.getItems().isEmpty());
        StreamTable.Row r = table.getItems().get(0);
        assertThat(r.client()).isEqualTo("console");
        assertThat(r.roundTrips()).isEqualTo(1);
        assertThat(r.buffers()).containsOnly(Place.KERNEL);
    }
}
