package dev.ioscope.app.workbench.memory;

import dev.ioscope.app.workbench.WorkbenchFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioscope.app.Await;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.MemoryTable;
import dev.ioscope.engine.sim.Scenario;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

/**
 * The workbench's I/O Kit ▸ Memory &amp; DMA tab in a real window: a buffer is made, mapped into a task and
 * released while mapped (MD9), then a transfer straddling 4 GiB for a 32-bit device is cut into three segments of
 * which two are bounce pages (the DMA4 conformance layout), and stepping back shows the state before.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchMemoryTest {
    static final String SCENARIO = """
            {"machine": "empty", "actions": [
              {"at": 1000, "do": "memory-create", "name": "ring", "capacity": "0x3000", "direction": "in"},
              {"at": 2000, "do": "memory-map", "name": "ring", "task": "app"},
              {"at": 3000, "do": "memory-release", "name": "ring"},
              {"at": 4000, "do": "memory-create", "name": "high", "ranges": "0xffffe000+0x4000",
               "direction": "in"},
              {"at": 5000, "do": "memory-prepare", "name": "high"},
              {"at": 6000, "do": "dma-transfer", "memory": "high", "output": "Host32"}
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
    void descriptorsMapsAndSegmentsWithBouncePagesMarked(FxRobot robot, @TempDir Path dir) throws Exception {
        Scenario s = WorkbenchFixtures.scenario(dir, SCENARIO);
        robot.interact(() -> {
            Stage stage = new Stage();
            view = new WorkbenchView(stage, "memory", s, false);
            vm = view.viewModel();
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
        });
        Await.until(() -> vm.registryProperty().get() != null);
        robot.clickOn("I/O Kit");
        robot.clickOn("Memory & DMA");
        TableView<MemoryTable.Descriptor> descriptors = robot.lookup("#memoryDescriptors").queryAs(TableView.class);
        TableView<MemoryTable.Segment> segments = robot.lookup("#dmaSegments").queryAs(TableView.class);
        Label summary = robot.lookup("#dmaSummary").queryAs(Label.class);
        while (descriptors.getItems().isEmpty() || !descriptors.getItems().get(0).state().startsWith("released")) {
            step(robot, false);
        }
        MemoryTable.Descriptor ring = descriptors.getItems().get(0);
        assertThat(ring.capacity()).isEqualTo("0x3000");
        assertThat(ring.wireCount()).isEqualTo(1);          // not pageable: wired when made (MD4)
        assertThat(ring.maps()).singleElement().asString().startsWith("ring@app 0x100000000+0x3000");
        assertThat(ring.state()).isEqualTo("released, held by 1 map(s)");
        assertThat(segments.getItems()).isEmpty();
        assertThat(robot.lookup("#memoryDetails").queryAs(Label.class).getText()).isEqualTo("ring: "
                + "IOBufferMemoryDescriptor in kernel_task, direction IN, length 0x3000 of capacity 0x3000, wire "
                + "count 1; maps ring@app 0x100000000+0x3000 ×1; released, held by 1 map(s); last: release");
        while (segments.getItems().size() < 3) {
            step(robot, false);
        }
        assertThat(segments.getItems()).extracting(x -> x.address() + "+" + x.length() + (x.bounce() ? " b" : ""))
                .containsExactly("0xffffe000+0x2000", "0x100000+0x1000 b", "0x101000+0x1000 b");
        assertThat(summary.getText()).contains("high (0xffffe000+0x4000)", "2 bounce page(s)", "3 segment(s)");
        WaitForAsyncUtils.waitForFxEvents();
        long marked = robot.lookup("#dmaSegments .table-row-cell").queryAll().stream()
                .filter(n -> n.getStyleClass().contains(MemoryPane.BOUNCE)).filter(Node::isVisible).count();
        assertThat(marked).isEqualTo(2);
        while (!segments.getItems().isEmpty()) {
            step(robot, true);
        }
        assertThat(summary.getText()).startsWith("No DMA transfer yet");
    }
}
