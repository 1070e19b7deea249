package dev.ioscope.app.workbench.report;

import dev.ioscope.app.workbench.WorkbenchFixtures;
import dev.ioscope.engine.report.sampling.ReportValue;
import dev.ioscope.engine.report.sampling.ReportFrame;
import dev.ioscope.engine.report.sampling.ReportFormat;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.report.ReportChannel;
import dev.ioscope.engine.sim.Scenario;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IOReport tab of a real workbench window on the booted virtual Mac: its families' channels are listed, and
 * picking the block-storage group charts what a {@code block-io} action did (8 requests: 6 reads of 4 KiB and 2
 * writes of 16 KiB, each tallied in the latency histogram, BlockStorageReports.workload).
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchIOReportTest {
    static final String DRIVER = "IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/RP01@1b/IOPCI2PCIBridge/"
            + "ANS2@0/IONVMeController/IONVMeBlockStorageDevice@1/IOBlockStorageDriver";
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) throws Exception {
        Path dir = Files.createTempDirectory("wbreport");
        Files.writeString(dir.resolve("io.json"), "{\"actions\": [{\"at\": 10000000, \"do\": \"block-io\", "
                + "\"requests\": 8, \"interval-us\": 1000, \"path\": \"" + DRIVER + "\"}]}");
        view = WorkbenchFixtures.show("Virtual Mac", Scenario.read(dir.resolve("io.json")), false);
        vm = view.viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());
    }

    private static long simple(ReportFrame f, ReportState s, String name) {
        ReportChannel ch = s.subscribed().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        return ((ReportValue.Simple) f.value(ch)).value();
    }

    @Test
    void theVirtualMacsBlockStorageChannelsChartABlockIoAction(FxRobot robot) throws Exception {
        await(() -> vm.registryProperty().get() != null);
        robot.clickOn("#run");
        await(() -> vm.quietProperty().get() && !vm.runningProperty().get());
        robot.clickOn("IOReport");
        IOReportDashboard dash = robot.lookup("#ioreportDashboard").queryAs(IOReportDashboard.class);
        await(() -> dash.viewModel().channelsProperty().get().stream().anyMatch(c -> "SMC".equals(c.group())));
        assertThat(dash.viewModel().channelsProperty().get()).extracting(ReportFormat::path).contains(
                "Block Storage / IOBlockStorageDriver / Read Bytes", "Block Storage / IOBlockStorageDriver / Reads",
                "Block Storage / IOBlockStorageDriver / I/O Latency", "SMC / Power / SMC Power State");

        TreeCell<?> group = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> "Block Storage".equals(c.getText())).findFirst().orElseThrow();
        robot.clickOn(robot.from(group).lookup(".check-box").queryAs(CheckBox.class));
        await(() -> dash.charts().state().subscribed().size() == 5 && dash.charts().state().last() != null);

        ReportState s = dash.charts().state();
        ReportFrame f = s.last();
        assertThat(simple(f, s, "Reads")).isEqualTo(6);
        assertThat(simple(f, s, "Writes")).isEqualTo(2);
        assertThat(simple(f, s, "Read Bytes")).isEqualTo(6 * 4096);
        assertThat(simple(f, s, "Write Bytes")).isEqualTo(2 * 16384);
        ReportChannel latency = s.subscribed().stream().filter(c -> c.name().equals("I/O Latency")).findFirst()
                .orElseThrow();
        ReportValue.Histogram h = (ReportValue.Histogram) f.value(latency);
        assertThat(h.count()).isEqualTo(8);
        assertThat(h.buckets()).hasSize(16);
        assertThat(h.buckets().get(0).upperBound()).isEqualTo(50_000);
        assertThat(dash.charts().samplesShown(latency)).isEqualTo(1);
    }
}
