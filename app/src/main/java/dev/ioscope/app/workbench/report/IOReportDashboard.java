package dev.ioscope.app.workbench.report;

import dev.ioscope.engine.report.sampling.ReportFrame;
import dev.ioscope.engine.io.SafeOutput;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The workbench's IOReport dashboard: a channel picker (group → subgroup → channel), one chart per picked channel,
 * Pause, and CSV / PNG export. The engine samples the picked channels when it publishes ({@link ReportSampler});
 * this view pulls the newest {@link ReportState} at most 30 times a second in its own {@link AnimationTimer} (only
 * while its window is showing) and draws only when it changed and the dashboard is on screen.
 */
public final class IOReportDashboard extends BorderPane {
    /** Wall ns between two draws: 30 Hz at most. */
    static final long FRAME_NS = 33_000_000;

    private final ReportDashboardViewModel vm;
    private final ReportChannelPicker picker;
    private final ReportCharts charts;
    private final Label info = new Label();
    private final AnimationTimer timer;
    private final ObservableValue<Boolean> showing;
    private long lastDraw;
    private boolean dirty;
    private long drawCpuNs;
    private long drawCount;
    private long maxDrawCpuNs;

    public IOReportDashboard(WorkbenchViewModel wb) {
        this(new ReportDashboardViewModel(wb.session(), Jobs.background()));
    }

    IOReportDashboard(ReportDashboardViewModel vm) {
        this.vm = vm;
        setId("ioreportDashboard");
        picker = new ReportChannelPicker(vm);
        charts = new ReportCharts();
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("reportPause");
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        ToggleButton deltas = new ToggleButton("Deltas");
        deltas.setId("reportDeltas");
        deltas.setTooltip(new Tooltip("Counters per virtual second; histograms and states: "
                + "what happened over the frames shown"));
        deltas.selectedProperty().addListener((o, a, b) -> charts.setDeltas(b));
        Button csv = new Button("Export CSV…");
        csv.setId("reportCsv");
        csv.setOnAction(e -> choose("CSV", "*.csv", "ioreport.csv").ifPresent(vm::exportCsv));
        Button png = new Button("Export PNG…");
        png.setId("reportPng");
        png.setOnAction(e -> choose("PNG image", "*.png", "ioreport.png").ifPresent(this::exportPng));
        info.setId("reportInfo");
        Label status = new Label();
        status.setId("reportStatus");
        status.textProperty().bind(vm.statusProperty());
        setTop(new ToolBar(pause, deltas, csv, png));
        SplitPane split = new SplitPane(picker, charts);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.34);
        setCenter(split);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(8, status, gap, info);
        bottom.setPadding(new Insets(2, 6, 2, 6));
        setBottom(bottom);

        vm.shownProperty().addListener((o, a, b) -> dirty = true);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        // run the timer only while the window is up: a closed workbench leaves nothing ticking
        showing = sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        showing.addListener((o, a, b) -> {
            if (b) {
                timer.start();
            } else {
                timer.stop();
            }
        });
        if (showing.getValue()) {
            timer.start();
        }
    }

    /** One animation pulse: pull at most 30 times a second, draw when something new is shown and visible. */
    void frame(long now) {
        if (now - lastDraw < FRAME_NS) {
            return;
        }
        lastDraw = now;
        vm.pull();
        ReportState s = vm.shownProperty().get();
        info.setText(vm.pausedProperty().get() ? "paused at " + describe(s) : describe(s));
        if (dirty && onScreen()) {
            dirty = false;
            long c0 = Probe.cpu();
            charts.show(s);
            long c = Probe.cpu() - c0;
            drawCpuNs += c;
            maxDrawCpuNs = Math.max(maxDrawCpuNs, c);
            drawCount++;
        }
    }

    private static String describe(ReportState s) {
        ReportFrame f = s.last();
        return s.channels().size() + " channels, " + s.subscribed().size() + " sampled, " + s.frames().size()
                + " frames" + (f == null ? "" : ", t = " + WorkbenchViewModel.formatNs(f.clockNs()));
    }

    /** Whether this dashboard and every parent are visible (an unselected tab hides its content). */
    private boolean onScreen() {
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return getScene() != null;
    }

    private Optional<Path> choose(String what, String glob, String name) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + what);
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, glob));
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** The charts as shown now, as a PNG: snapshot on the FX thread, encoded and written (atomically) off it. */
    public void exportPng(Path target) {
        Parent node = charts;
        WritableImage img = node.snapshot(null, null);
        vm.export(target.getFileName().toString(), () -> {
            var buffered = SwingFXUtils.fromFXImage(img, null);
            SafeOutput.write(target, os -> {
                if (!ImageIO.write(buffered, "png", os)) {
                    throw new IOException("no PNG writer");
                }
            });
            return target;
        });
    }

    /** Checks every channel of these groups (WorkbenchMain's {@code ioscope.wb.reports}, for screenshots). */
    public void pickGroups(List<String> groups) {
        groups.forEach(g -> picker.pick(g, null, true));
    }

    public ReportDashboardViewModel viewModel() {
        return vm;
    }

    ReportChannelPicker picker() {
        return picker;
    }

    ReportCharts charts() {
        return charts;
    }

    /** FX-thread CPU spent drawing charts, and how many draws (the probe in docs/benchmarks-ui.md). */
    long drawCpuNs() {
        return drawCpuNs;
    }

    long drawCount() {
        return drawCount;
    }

    long maxDrawCpuNs() {
        return maxDrawCpuNs;
    }

    /** The current thread's CPU time, when the JVM measures it (else 0: the figures then read 0). */
    static final class Probe {
        private static final ThreadMXBean MX =
                ManagementFactory.getThreadMXBean();

        private Probe() {
        }

        static long cpu() {
            return MX.isCurrentThreadCpuTimeSupported() ? MX.getCurrentThreadCpuTime() : 0;
        }
    }
}
