package dev.ioscope.app.workbench.report;

import dev.ioscope.app.ui.FxDispatch;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.workbench.MachineSession;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.Replay;
import dev.ioscope.engine.spi.PluginLoader;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The IOReport dashboard's costs (docs/benchmarks-ui.md), on the demo driver with 500 channels (Ticks, Bytes, a
 * state, a histogram and 496 bulk counters):
 * <ul>
 * <li>{@code engine}: the engine thread's CPU per {@link ReportSampler#sample} of all 500 channels (subscription
 * sample + copy into a frame + the ring copy), between scheduler steps, no toolkit;</li>
 * <li>{@code window}: a real window (Xvfb) with the dashboard charting all 500 channels while the machine runs;
 * prints the FX thread's CPU per dashboard draw and the frames drawn.</li>
 * </ul>
 * {@code java -cp app/target/ioscope.jar:app/target/test-classes dev.ioscope.app.workbench.report.ReportBench
 * engine|window}
 */
public final class ReportBench {
    static final int BULK = 496;

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("window")) {
            Application.launch(Window.class, args);
        } else {
            engine(args.length > 1 ? Integer.parseInt(args[1]) : 2000);
        }
    }

    static void engine(int samples) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Path dir = Files.createTempDirectory("reportbench");
        Replay r = new Replay(ReportDemo.scenario(dir, 100_000_000), ReportDemo.behaviors(1_000_000, 100_000, BULK),
                PluginLoader.builtInExtensions());
        while (r.simulation().reportHub().published().isEmpty()) {
            r.step();
        }
        ReportSampler s = new ReportSampler();
        ReportState st = s.sample(r.simulation(), r.position(), false);
        s.request(st.channels());
        System.out.println("channels: " + st.channels().size());
        long total = 0;
        long max = 0;
        long wallTotal = 0;
        for (int i = 0; i < samples + 200; i++) {
            for (int k = 0; k < 10; k++) {
                r.step();
            }
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            st = s.sample(r.simulation(), r.position(), false);
            long c = mx.getCurrentThreadCpuTime() - c0;
            long w = System.nanoTime() - w0;
            if (i >= 200) {   // after JIT warm-up
                total += c;
                wallTotal += w;
                max = Math.max(max, c);
            }
        }
        double mean = total / (double) samples / 1e6;
        System.out.printf(Locale.ROOT, "engine: %d samples of %d channels: mean %.3f ms CPU (wall %.3f ms), "
                + "max %.2f ms; at 30 Hz %.1f ms CPU per second (%.1f %% of one core); ring %d frames%n", samples,
                st.subscribed().size(), mean, wallTotal / (double) samples / 1e6, max / 1e6, mean * 30,
                mean * 30 / 10, st.frames().size());
    }

    /** The dashboard alone in a window on the 500-channel demo machine, all channels picked, running. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            Path dir = Files.createTempDirectory("reportbench");
            MachineSession session = new MachineSession("bench", ReportDemo.scenario(dir, 100_000_000),
                    ReportDemo.behaviors(400_000, 100_000, BULK), FxDispatch::runNowOrLater, e -> { });
            session.start();
            ReportDashboardViewModel vm = new ReportDashboardViewModel(session, Jobs.background());
            IOReportDashboard dash = new IOReportDashboard(vm);
            stage.setScene(new Scene(dash, 1200, 850));
            stage.setTitle("IOReport bench");
            stage.show();
            long[] phase = {0};   // 0 start, 1 running, 2 done
            new AnimationTimer() {
                private long started;
                private long pulses;

                @Override
                public void handle(long now) {
                    if (phase[0] == 0) {
                        while (session.state().panel(ReportState.STATE).channels().isEmpty()
                                && !session.state().quiet()) {
                            session.step();
                            try {
                                session.awaitIdle(10_000);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        List<String> a = getParameters().getUnnamed();
                        int pick = a.size() > 1 ? Integer.parseInt(a.get(1)) : 500;
                        var all = session.state().panel(ReportState.STATE).channels();
                        vm.select(all.subList(0, Math.min(pick, all.size())));
                        vm.pausedProperty().set(a.size() > 2 && a.get(2).equals("paused"));
                        session.run();
                        phase[0] = 1;
                        started = now;
                        pulses = 0;
                        return;
                    }
                    pulses++;
                    if (phase[0] == 1 && session.state().quiet() && !session.state().running()) {
                        phase[0] = 2;
                        long n = dash.drawCount();
                        System.out.printf(Locale.ROOT, "window: %d channels sampled, %d frames in the ring; %d draws"
                                + " in %.1f s of running, mean %.2f ms FX CPU per draw (charts visible: %d); t = %s%n",
                                session.state().panel(ReportState.STATE).subscribed().size(),
                                session.state().panel(ReportState.STATE).frames().size(), n, (now - started) / 1e9,
                                dash.drawCpuNs() / 1e6 / Math.max(1, n),
                                dash.charts().lookupAll(".list-cell").stream().filter(c -> !((javafx.scene.control
                                        .ListCell<?>) c).isEmpty()).count(),
                                WorkbenchViewModel.formatNs(session.state().clockNs()));
                        System.out.printf(Locale.ROOT, "window: longest draw %.2f ms FX CPU; %d FX pulses (%.1f/s)%n",
                                dash.maxDrawCpuNs() / 1e6, pulses, pulses / ((now - started) / 1e9));
                        session.close();
                        Platform.exit();
                    }
                }
            }.start();
        }
    }
}
