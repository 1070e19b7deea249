package dev.ioscope.app.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioscope.engine.sim.JournalEvent;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session ▸ Export Trace… in the real workbench window (the IntelMausi hot-plug scenario): the journal up to the
 * current position, not the known future after a step back, as Chrome trace-event JSON.
 */
@ExtendWith(ApplicationExtension.class)
class TraceExportWindowTest {
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) throws Exception {
        view = WorkbenchFixtures.show("hotplug", WorkbenchFixtures.hotplug(Files.createTempDirectory("wb")),
                false);
        vm = view.viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());
    }

    @Test
    void exportTraceWritesTheJournalUpToTheCurrentStep(FxRobot robot, @TempDir Path dir) throws Exception {
        for (int want : new int[] {1, 2, 5}) {
            robot.clickOn("#step");
            await(() -> vm.eventsNowProperty().get() == want);
        }
        robot.clickOn("#stepBack");
        await(() -> vm.eventsNowProperty().get() == 2);
        assertThat(vm.events()).hasSize(5);   // three of them are the known future, left out of the trace
        List<JournalEvent> now = List.copyOf(vm.events().subList(0, 2));

        MenuItem item = view.menus().bar().getMenus().get(0).getItems().stream()
                .filter(m -> "exportTrace".equals(m.getId())).findFirst().orElseThrow();
        assertThat(item.getText()).isEqualTo("Export Trace…");
        Path out = dir.resolve("trace.json");
        robot.interact(() -> vm.exportTrace(out));   // what the item does after its file chooser
        await(() -> vm.statusProperty().get().startsWith("trace of"));
        assertThat(vm.statusProperty().get()).isEqualTo("trace of 2 events written to trace.json"
                + " (open it in ui.perfetto.dev)");

        JsonNode trace = new ObjectMapper().readTree(out.toFile());
        assertThat(trace.get("displayTimeUnit").asText()).isEqualTo("ns");
        List<String> instants = new ArrayList<>();
        for (JsonNode e : trace.get("traceEvents")) {
            if (e.get("ph").asText().equals("i")) {
                instants.add(e.get("name").asText());
            }
        }
        // one instant event per journal event up to the position, named by its kind, in order
        assertThat(instants).containsExactlyElementsOf(now.stream().map(je -> je.kind().id()).toList());
    }
}
