package dev.ioscope.app.workbench.panels;

import dev.ioscope.app.ui.AppIcons;
import dev.ioscope.app.workbench.Breakpoint;
import dev.ioscope.app.workbench.EntryNode;
import dev.ioscope.app.workbench.MachineSession;
import dev.ioscope.app.workbench.SessionFile;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.app.workbench.devices.DevicePalette;
import dev.ioscope.app.workbench.report.IOReportDashboard;
import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.ScenarioAction;
import dev.ioscope.engine.sim.streams.StreamAction;
import dev.ioscope.engine.sim.streams.StreamEvents;
import dev.ioscope.engine.userclient.UserClientAction;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workbench alone, on a scenario or saved session (.json), a snapshot file, or (no file) the virtual Mac,
 * brought to a state by system properties (for documentation screenshots and bug reports, as StartupOptions does
 * for the explorer), one step every 1.5 s:
 * {@code ioscope.wb.kexts} (comma-separated paths), {@code ioscope.wb.breakpoint} (ON:value, ON one of KIND,
 * CLASS, ENTRY, PROPERTY), {@code ioscope.wb.do} (run, breakpoint, or steps:N), {@code ioscope.wb.select} (an
 * entry path), {@code ioscope.wb.event} (a journal seq to go to), {@code ioscope.wb.whynot} (a personality name),
 * {@code ioscope.wb.plug} (SLOT-PATH,part of a palette device's label: plugged, then run),
 * {@code ioscope.wb.explore=true} (an explorer window on the registry at the end), {@code ioscope.wb.compare=true}
 * (with a plug: the step before it marked, compared with the end), {@code ioscope.wb.tab} (tab titles, comma-separated,
 * selected in turn: Matching, Breakpoints, Power, Devices, IOReport, "I/O Kit,Memory &amp; DMA"...),
 * {@code ioscope.wb.stream} (NAME:STEP,STEP...: the console drives that IOStream as client "console", each STEP one
 * of open, start, send, dequeue, enqueue, take),
 * {@code ioscope.wb.reports} (IOReport groups to chart, comma-separated), {@code ioscope.theme=dark},
 * {@code ioscope.window} (WIDTHxHEIGHT),
 * {@code ioscope.wb.open} (a service path: a user-client connection opened on it), {@code ioscope.wb.call}
 * (SELECTOR:STRUCT-HEX: a call on that connection), {@code ioscope.wb.stallprobe}. Each step waits for the state
 * the one before leads to ({@link ShotScript}), and "ioscope.shot: ready" is printed when all are done.
 * {@code java -cp ioscope.jar dev.ioscope.app.workbench.panels.WorkbenchMain FILE}
 */
public final class WorkbenchMain {
    private WorkbenchMain() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application (nested: the main class must not extend Application when run from the class path). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getUnnamed();
            Path file = args.isEmpty() ? null : Path.of(args.get(0));
            SessionFile.Session session = file == null
                    ? new SessionFile.Session(MachineSession.defaultMachine(), List.of())
                    : file.toString().endsWith(".json") ? SessionFile.load(file)
                    : new SessionFile.Session(MachineSession.emptyScenario(file), List.of());
            boolean dark = "dark".equals(System.getProperty("ioscope.theme"));
            AppIcons.apply(stage);
            WorkbenchView v = new WorkbenchView(stage, file == null ? "Virtual Mac" : file.getFileName().toString(),
                    session.scenario(), dark);
            v.viewModel().breakpoints().setAll(session.breakpoints());
            String size = System.getProperty("ioscope.window");   // WIDTHxHEIGHT at the top left, as the explorer's
            if (size != null && size.matches("\\d+x\\d+")) {
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(Integer.parseInt(size.substring(0, size.indexOf('x'))));
                stage.setHeight(Integer.parseInt(size.substring(size.indexOf('x') + 1)));
            }
            stage.show();
            WorkbenchViewModel vm = v.viewModel();
            ShotScript t = new ShotScript();
            String kexts = System.getProperty("ioscope.wb.kexts");
            if (kexts != null) {
                t.then("kexts", () -> vm.loadKexts(Arrays.stream(kexts.split(",")).map(Path::of).toList()),
                        () -> !vm.noKextsProperty().get());
            }
            String bp = System.getProperty("ioscope.wb.breakpoint");
            if (bp != null && bp.contains(":")) {
                vm.addBreakpoint(Breakpoint.On.valueOf(bp.substring(0, bp.indexOf(':'))),
                        bp.substring(bp.indexOf(':') + 1));
            }
            String what = System.getProperty("ioscope.wb.do", "");
            if (what.equals("run")) {
                t.then("run", vm::run, ShotScript.stopped(vm, false));
            } else if (what.equals("breakpoint")) {
                t.then("run to a breakpoint", vm::runToBreakpoint, ShotScript.stopped(vm, false));
            } else if (what.startsWith("steps:")) {
                int n = Integer.parseInt(what.substring(6));
                t.then("steps", () -> {
                    for (int i = n; i > 0; i--) {
                        vm.step();
                    }
                }, () -> vm.eventsNowProperty().get() >= n && !vm.runningProperty().get());
            }
            String plug = System.getProperty("ioscope.wb.plug");   // SLOT-PATH,part of a palette label
            boolean compare = Boolean.getBoolean("ioscope.wb.compare");
            if (plug != null && plug.contains(",")) {
                String slot = plug.substring(0, plug.lastIndexOf(','));
                String label = plug.substring(plug.lastIndexOf(',') + 1);
                if (compare) {   // the registry before the plug, to compare with
                    t.then("mark", () -> v.steps().mark());
                }
                t.then("plug", () -> {
                    DevicePalette p = vm.panelState(DevicePalette.STATE).get();
                    p.slots().stream().filter(x -> x.path().equals(slot)).findFirst().ifPresent(sl ->
                            p.devicesFor(sl).stream().filter(d -> d.label().contains(label)).findFirst()
                                    .ifPresent(d -> vm.plug(sl.path(), d)));
                }, () -> !vm.runningProperty().get());
                t.then("run after the plug", vm::run, ShotScript.stopped(vm, true));
            }
            String open = System.getProperty("ioscope.wb.open");   // a service path: a connection "shot", type 0
            if (open != null) {
                t.then("open", () -> vm.userClientAction(new UserClientAction.Open(open, JsonValue.of("0"), "shot")),
                        () -> journaled(vm, JournalKind.USERCLIENT_OPEN));
            }
            String call = System.getProperty("ioscope.wb.call");   // SELECTOR:STRUCT-HEX on that connection
            if (call != null && call.contains(":")) {
                t.then("call", () -> vm.userClientAction(new UserClientAction.Call("shot", null,
                        JsonValue.of(call.substring(0, call.indexOf(':'))), null, call.substring(call.indexOf(':') + 1),
                        null, null, null, null)), () -> journaled(vm, JournalKind.USERCLIENT_CALL));
            }
            String stream = System.getProperty("ioscope.wb.stream");   // NAME:open,start,send,dequeue,...
            if (stream != null && stream.contains(":")) {
                String name = stream.substring(0, stream.indexOf(':'));
                Map<String, Integer> sent = new HashMap<>();
                for (String step : stream.substring(stream.indexOf(':') + 1).split(",")) {
                    streamStep(t, vm, name, step.trim(), sent);
                }
            }
            String event = System.getProperty("ioscope.wb.event");
            if (event != null) {
                t.then("event", () -> {
                    int seq = Integer.parseInt(event);
                    if (seq < vm.events().size()) {
                        vm.selectEvent(vm.events().get(seq));
                    }
                });
            }
            String select = System.getProperty("ioscope.wb.select");
            if (select != null) {
                t.then("select", () -> vm.selectedEntryProperty().set(select));
            }
            String whyNot = System.getProperty("ioscope.wb.whynot");
            if (whyNot != null) {
                t.then("why not", () -> vm.whyNot(whyNot), () -> vm.whyNotProperty().get() != null);
            }
            String tab = System.getProperty("ioscope.wb.tab");
            if (tab != null) {
                for (String title : tab.split(",")) {
                    t.then("tab " + title, () -> stage.getScene().getRoot()
                            .lookupAll(".tab-pane").forEach(n -> ((TabPane) n).getTabs().stream()
                                    .filter(x -> x.getText().equalsIgnoreCase(title.trim())).findFirst()
                                    .ifPresent(x -> x.getTabPane().getSelectionModel().select(x))));
                }
            }
            String reports = System.getProperty("ioscope.wb.reports");
            if (reports != null) {
                // IOReport groups to chart, picked as soon as the machine lists them
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        var d = (IOReportDashboard) stage.getScene().getRoot().lookup("#ioreportDashboard");
                        if (d != null) {   // once the tab's content is in the scene
                            List<String> groups = Arrays.asList(reports.split(","));
                            d.viewModel().channelsProperty().addListener((o, a, b) -> d.pickGroups(groups));
                            d.pickGroups(groups);
                            stop();
                        }
                    }
                }.start();
            }
            if (Boolean.getBoolean("ioscope.wb.explore")) {   // an explorer window on the registry at this step
                t.then("explore", v::exploreThisStep, () -> Window.getWindows().size() > 1);
            }
            if (compare) {   // the marked step compared with this one
                t.then("compare", () -> v.steps().compare(), () -> Window.getWindows().stream().anyMatch(w ->
                        w != stage && w.getScene() != null && w.getScene().getRoot().lookup("#diffBanner")
                                instanceof Label l && !l.getText().isEmpty()));
                // then on to the last change in tree order (with a plug: the top of the added subtree)
                t.then("last change", () -> Window.getWindows().stream().filter(w -> w != stage
                        && w.getScene() != null && w.getScene().getRoot().lookup("#previousChange") instanceof Button)
                        .findFirst().ifPresent(w -> ((Button) w.getScene().getRoot().lookup("#previousChange"))
                                .fire()));
            }
            // the steps start once the machine is built (its build takes seconds on a loaded machine; a Run before
            // it is ignored)
            if (vm.registryProperty().get() != null) {
                t.start();
            } else {
                vm.registryProperty().addListener(new ChangeListener<>() {
                    @Override
                    public void changed(ObservableValue<? extends EntryNode> o, EntryNode a, EntryNode b) {
                        if (b != null) {
                            o.removeListener(this);
                            t.start();
                        }
                    }
                });
            }
            if (Boolean.getBoolean("ioscope.wb.stallprobe")) {
                stallProbe(vm);
            }
        }

        /** Whether the journal up to the current position holds an event of that kind. */
        /** One console action on an IOStream, then wait until the journal has its answer (a stream event more). */
        private static void streamStep(ShotScript t, WorkbenchViewModel vm, String name, String step,
                                       Map<String, Integer> sent) {
            // the buffers go out and come back in order: the n-th send is buffer n, the n-th give-back too
            JsonValue buffer = step.equals("send") || step.equals("enqueue")
                    ? JsonValue.of(String.valueOf(sent.merge(step, 1, Integer::sum) - 1)) : null;
            String client = "console";
            ScenarioAction op = switch (step) {
                case "open" -> new StreamAction.StreamOpen(name, client);
                case "start" -> new StreamAction.StreamStart(name, client);
                case "stop" -> new StreamAction.StreamStop(name, client);
                case "close" -> new StreamAction.StreamClose(name, client);
                case "send" -> new StreamAction.StreamEnqueueOutput(name, buffer, JsonValue.of("4096"));
                case "dequeue" -> new StreamAction.StreamDequeueOutput(name, client);
                case "enqueue" -> new StreamAction.StreamEnqueueInput(name, client, buffer, null);
                case "take" -> new StreamAction.StreamDequeueInput(name);
                default -> null;
            };
            if (op == null) {
                return;
            }
            int[] before = {-1};
            t.then("stream " + step, () -> {
                before[0] = streamEvents(vm);
                vm.userClientAction(op);
            }, () -> before[0] >= 0 && streamEvents(vm) > before[0] && !vm.runningProperty().get());
        }

        private static int streamEvents(WorkbenchViewModel vm) {
            int now = Math.min(vm.eventsNowProperty().get(), vm.events().size());
            return (int) vm.events().subList(0, now).stream().filter(e -> e.kind() instanceof StreamEvents).count();
        }

        private static boolean journaled(WorkbenchViewModel vm, JournalKind kind) {
            int now = Math.min(vm.eventsNowProperty().get(), vm.events().size());
            return vm.events().subList(0, now).stream().anyMatch(e -> e.kind() == kind);
        }

        /**
         * Prints the longest gap between two FX frames while the machine runs, and how many exceeded 50 ms: the
         * UI's responsiveness budget (docs/workbench.md).
         */
        private static void stallProbe(WorkbenchViewModel vm) {
            new AnimationTimer() {
                private long last;
                private long max;
                private long over;
                private long frames;
                private boolean ran;
                private long maxPullCpu;
                private long lastCpu;
                private long maxFrameCpu;
                private long overCpu;
                private final ThreadMXBean mx =
                        ManagementFactory.getThreadMXBean();

                @Override
                public void handle(long now) {
                    // the FX thread's own work per frame (pull + the listeners it fires), as CPU time: wall gaps
                    // also count what other processes on a loaded machine take
                    long c0 = mx.getCurrentThreadCpuTime();
                    // everything the FX thread did since the last frame (layout, CSS, rendering, listeners):
                    // a frame gap much longer than this was other threads or processes holding the CPU
                    long frameCpu = lastCpu == 0 ? 0 : c0 - lastCpu;
                    vm.pull();
                    maxPullCpu = Math.max(maxPullCpu, mx.getCurrentThreadCpuTime() - c0);
                    boolean running = vm.runningProperty().get();
                    if (running && last != 0) {
                        maxFrameCpu = Math.max(maxFrameCpu, frameCpu);
                        overCpu += frameCpu > 50_000_000 ? 1 : 0;
                        long gap = now - last;
                        max = Math.max(max, gap);
                        over += gap > 50_000_000 ? 1 : 0;
                        frames++;
                    }
                    last = now;
                    lastCpu = mx.getCurrentThreadCpuTime();
                    if (running) {
                        ran = true;
                    } else if (ran) {
                        ran = false;
                        System.out.printf("stall probe: %d frames while running, longest gap %.1f ms wall,"
                                + " %d over 50 ms;"
                                + " FX-thread CPU per frame: longest %.1f ms, %d over 50 ms; longest pull %.1f ms CPU;"
                                + " %d events%n", frames, max / 1e6, over, maxFrameCpu / 1e6, overCpu,
                                maxPullCpu / 1e6, vm.events().size());
                    }
                }
            }.start();
        }
    }
}
