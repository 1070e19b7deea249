package dev.ioscope.app.workbench.report;

import dev.ioscope.engine.report.sampling.ReportValue;
import dev.ioscope.engine.report.sampling.ReportFrame;
import dev.ioscope.app.ui.FxDispatch;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.workbench.MachineSession;
import dev.ioscope.engine.report.ReportChannel;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The IOReport dashboard in a real window under Monocle, on the demo driver's machine and its engine thread. */
@ExtendWith(ApplicationExtension.class)
class IOReportDashboardTest {
    private MachineSession session;
    private IOReportDashboard dash;
    private ReportDashboardViewModel vm;
    private Stage stage;
    private Path dir;

    @Start
    void start(Stage shared) throws Exception {
        dir = Files.createTempDirectory("ioreport");
        session = new MachineSession("demo", ReportDemo.scenario(dir, 1_000_000),
                ReportDemo.behaviors(400, 1_000_000, 0), FxDispatch::runNowOrLater, e -> { });
        session.start();
        vm = new ReportDashboardViewModel(session, Jobs.synchronous());
        dash = new IOReportDashboard(vm);
        stage = new Stage();
        stage.setScene(new Scene(dash, 1000, 700));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stage.close());
        session.close();
    }

    /** Steps until the demo driver has started and filed its reporters, and the picker lists them. */
    private void startDriver() throws Exception {
        while (session.state().panel(ReportState.STATE).channels().isEmpty()) {
            session.step();
            session.awaitIdle(10_000);
        }
        await(() -> vm.channelsProperty().get().size() == 4);
    }

    private ReportChannel channel(String name) {
        return vm.channelsProperty().get().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private void steps(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            session.step();
        }
        session.awaitIdle(10_000);
    }

    /** Checks a group in the picker by clicking its check box, as a user would. */
    private void pickGroup(FxRobot robot, String group) {
        TreeCell<?> cell = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> group.equals(c.getText())).findFirst().orElseThrow();
        robot.clickOn(robot.from(cell).lookup(".check-box").queryAs(CheckBox.class));
    }

    @Test
    void pickingAGroupSubscribesItsChannelsAndEveryChartReceivesSamples(FxRobot robot) throws Exception {
        startDriver();
        pickGroup(robot, "Demo");
        await(() -> vm.selectionProperty().get().size() == 4);
        assertThat(session.state().panel(ReportState.STATE).subscribed()).hasSize(4);
        ReportChannel ticks = channel("Ticks");
        steps(6);   // one timer tick per step, one frame per step
        await(() -> dash.charts().samplesShown(ticks) >= 7);

        ReportFrame last = dash.charts().state().last();
        assertThat(last.position()).isEqualTo(session.state().position());
        List<Long> seen = dash.charts().state().frames().stream().map(f -> f.value(ticks))
                .map(v -> ((ReportValue.Simple) v).value()).toList();
        assertThat(seen).isSorted().last().isEqualTo(seen.get(0) + 6);
        ReportValue.Histogram h = (ReportValue.Histogram) last.value(channel("Latency"));
        assertThat(h.count()).isEqualTo(seen.get(seen.size() - 1));
        assertThat(((ReportValue.State) last.value(channel("Power State"))).transitions()).isGreaterThan(1);
        assertThat(dash.charts().getItems()).hasSize(4);
        for (String name : List.of("Bytes", "Power State", "Latency")) {
            assertThat(dash.charts().samplesShown(channel(name))).as(name).isEqualTo(dash.charts().samplesShown(ticks));
        }
        assertThat(robot.lookup("#reportInfo").queryLabeled().getText()).contains("4 sampled", "frames");
    }

    @Test
    void pauseStopsTheChartsWhileTheEngineRunsOn(FxRobot robot) throws Exception {
        startDriver();
        robot.interact(() -> vm.select(List.of(channel("Ticks"))));
        steps(2);
        await(() -> dash.charts().samplesShown(channel("Ticks")) >= 3);
        robot.clickOn("#reportPause");
        assertThat(vm.pausedProperty().get()).isTrue();
        ReportState frozen = dash.charts().state();
        int shown = dash.charts().samplesShown(channel("Ticks"));
        long draws = dash.charts().draws();

        steps(5);
        await(() -> session.state().panel(ReportState.STATE).frames().size() >= frozen.frames().size() + 5);
        robot.interact(() -> vm.pull());   // as the dashboard's timer does, whenever it ticks
        WaitForAsyncUtils.waitForFxEvents(5);
        assertThat(dash.charts().state()).isSameAs(frozen);
        assertThat(dash.charts().samplesShown(channel("Ticks"))).isEqualTo(shown);
        assertThat(dash.charts().draws()).isEqualTo(draws);
        assertThat(robot.lookup("#reportInfo").queryLabeled().getText()).startsWith("paused");

        robot.clickOn("#reportPause");
        await(() -> dash.charts().samplesShown(channel("Ticks")) == shown + 5);
    }

    @Test
    void csvExportHasOneRowPerChannelElementAndFrame(FxRobot robot) throws Exception {
        startDriver();
        robot.interact(() -> vm.select(List.of(channel("Ticks"), channel("Power State"), channel("Latency"))));
        steps(3);
        await(() -> dash.charts().samplesShown(channel("Ticks")) == 4);
        Path csv = dir.resolve("out.csv");
        Files.writeString(csv, "old content");
        robot.interact(() -> vm.exportCsv(csv));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("channel,element,time_ns,value");
        ReportState shown = vm.shownProperty().get();
        List<String> tickRows = lines.stream().filter(l -> l.startsWith("Demo / Counters / Ticks,")).toList();
        assertThat(tickRows).hasSize(4);
        for (int i = 0; i < 4; i++) {
            ReportFrame f = shown.frames().get(i);
            assertThat(tickRows.get(i)).isEqualTo("Demo / Counters / Ticks,value," + f.clockNs() + ","
                    + ((ReportValue.Simple) f.value(channel("Ticks"))).value());
        }
        // a state channel: residency and transitions per state; a histogram: hits per bucket and the totals
        assertThat(lines.stream().filter(l -> l.startsWith("Demo / Power / Power State,"))).hasSize(4 * 3 * 2);
        assertThat(lines).anyMatch(l -> l.startsWith("Demo / Power / Power State,state 2.residency,"));
        assertThat(lines.stream().filter(l -> l.startsWith("Demo / Latency / Latency,"))).hasSize(4 * (10 + 4));
        ReportFrame last = shown.last();
        long count = ((ReportValue.Histogram) last.value(channel("Latency"))).count();
        assertThat(lines).contains("Demo / Latency / Latency,count," + last.clockNs() + "," + count,
                "Demo / Latency / Latency,bucket[0]<=100000.hits," + last.clockNs() + ","
                        + ((ReportValue.Histogram) last.value(channel("Latency"))).buckets().get(0).hits(),
                "Demo / Latency / Latency,bucket[9]<=inf.hits," + last.clockNs() + ",0");
        assertThat(robot.lookup("#reportStatus").queryLabeled().getText()).startsWith("wrote 4 frames of 3");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void pngExportIsAnImageOfTheCharts(FxRobot robot) throws Exception {
        startDriver();
        robot.interact(() -> vm.select(vm.channelsProperty().get()));
        steps(4);
        await(() -> dash.charts().samplesShown(channel("Ticks")) == 5);
        Path png = dir.resolve("charts.png");
        robot.interact(() -> dash.exportPng(png));
        var img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo((int) Math.round(dash.charts().getWidth()));
        assertThat(img.getHeight()).isGreaterThan(100);
    }
}
