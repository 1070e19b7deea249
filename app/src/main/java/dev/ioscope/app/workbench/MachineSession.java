package dev.ioscope.app.workbench;

import dev.ioscope.app.workbench.devices.DevicePalette;
import dev.ioscope.app.workbench.power.PowerRow;
import dev.ioscope.app.workbench.report.ReportSampler;
import dev.ioscope.app.workbench.report.ReportState;
import dev.ioscope.app.workbench.userclient.UserClientState;
import dev.ioscope.engine.machine.ScenarioMachines;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.report.ReportChannel;
import dev.ioscope.engine.service.MatchContext;
import dev.ioscope.engine.service.MatchEngine;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.ProviderMatch;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Replay;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.snapshot.SnapshotException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * One running machine: the only thread that touches its {@link Replay} (and so its Simulation and registry).
 * UI commands are posted to a queue; the engine publishes an immutable {@link MachineState} that the UI pulls
 * per frame, and sends low-rate {@link SessionEvent}s through {@code ui} (FxDispatch in the app). It never waits
 * on the UI.
 *
 * <p>Going back is the engine's replay: the machine is rebuilt from the scenario and stepped to the target, so
 * the registry shown for an earlier event is the real earlier registry. User actions (load kexts, publish) are
 * added to the scenario at {@code now + 1 ns}, after everything already due now, so replaying the new scenario
 * reproduces the journal so far exactly.
 */
public final class MachineSession implements AutoCloseable {
    /** How often a running machine republishes its state, wall-clock ns (~60 Hz). */
    private static final long PUBLISH_NS = 16_000_000;

    private final String machine;
    private final Map<String, DriverBehavior> behaviors;
    private final Executor ui;
    private final Consumer<SessionEvent> listener;
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean pauseRequested;
    private volatile boolean closed;
    private volatile MachineState state;
    private volatile Scenario published;
    private volatile DevicePalette palette = DevicePalette.NONE;
    private ScenarioMachines machines;

    // engine-thread state
    private Scenario scenario;
    private Replay replay;
    private final List<JournalEvent> history = new ArrayList<>();
    private final List<Integer> stepEnds = new ArrayList<>();   // journal size after step k+1
    private long version;
    private EntryNode registry;
    private List<PowerRow> power = List.of();
    private boolean running;
    private final ReportSampler reports = new ReportSampler();
    private final int userFrom;   // actions from here on were added in this window

    public MachineSession(String machine, Scenario scenario, Map<String, DriverBehavior> behaviors, Executor ui,
                          Consumer<SessionEvent> listener) {
        this.machine = machine;
        this.scenario = scenario;
        this.published = scenario;
        this.behaviors = Map.copyOf(behaviors);
        this.ui = ui;
        this.listener = listener;
        this.userFrom = scenario.actions().size();
        this.state = new MachineState(0, machine, 0, 0, 0, 0, List.of(), false, false, null, 0, List.of(),
                ReportState.EMPTY, UserClientState.EMPTY);
        this.thread = new Thread(this::loop, "ioscope-engine-" + machine);
        thread.setDaemon(true);
        post(this::build);
    }

    /** Starts the engine thread: after the listener's receiver is wired, since the first event comes at once. */
    public MachineSession start() {
        thread.start();
        return this;
    }

    /** A machine from a snapshot file (null: the empty platform of docs/scenarios.md) with no actions yet. */
    public static Scenario emptyScenario(Path snapshot) {
        return new Scenario(null, snapshot, List.of(), List.of(), 1_000_000,
                snapshot == null ? Scenario.EMPTY_MACHINE : null);
    }

    /** The bundled virtual Mac, booting from time 0, with no actions yet. */
    public static Scenario defaultMachine() {
        return new Scenario(null, null, List.of(), List.of(), 1_000_000, Scenario.DEFAULT_MACHINE);
    }

    /** The scenario as it stands: the machine, kexts and every action added so far (any thread). */
    public Scenario scenario() {
        return published;
    }

    /** The slots and ready-made devices of the machine's families (empty until built; any thread). */
    public DevicePalette palette() {
        return palette;
    }

    /** The latest published state (any thread). */
    public MachineState state() {
        return state;
    }

    // ------------------------------------------------------------------------------------------ commands (any thread)

    public void step() {
        control(() -> {
            if (replay.step()) {
                record();
            }
            stopped("step");
        });
    }

    public void stepBack() {
        control(() -> seek(Math.max(0, replay.position() - 1), "step back"));
    }

    /** Goes to the step that journaled event {@code seq} (back by replay, or forward through known history). */
    public void seekToEvent(long seq) {
        control(() -> {
            int step = 0;
            while (step < stepEnds.size() && stepEnds.get(step) <= seq) {
                step++;
            }
            seek(step + 1L, "event #" + seq);
        });
    }

    /** Runs until quiet or paused, ignoring breakpoints. */
    public void run() {
        control(() -> runLoop(List.of()));
    }

    /** Runs until an event a breakpoint accepts is journaled, quiet, or paused. */
    public void runToBreakpoint(List<Breakpoint> breakpoints) {
        List<Breakpoint> bps = List.copyOf(breakpoints);
        control(() -> runLoop(bps));
    }

    /** Stops a run at the next step (set directly: the run is what occupies the queue). */
    public void pause() {
        pauseRequested = true;
    }

    public void loadKexts(List<Path> paths) {
        List<Path> ps = List.copyOf(paths);
        control(() -> {
            List<Scenario.Action> more = new ArrayList<>();
            for (Path p : ps) {
                more.add(new Scenario.Action(replay.simulation().scheduler().now() + 1, "load-kext",
                        Map.of("path", p.toAbsolutePath().toString()), OSDictionary.empty()));
            }
            addActions(more, "load kexts");
        });
    }

    /** Publishes a new nub under {@code parentPath} (then registerService, which starts matching). */
    public void publish(String parentPath, String className, String name, String location, OSDictionary props) {
        control(() -> {
            Map<String, Object> args = new java.util.LinkedHashMap<>();
            args.put("parent", parentPath);
            args.put("class", className);
            args.put("name", name);
            if (location != null && !location.isBlank()) {
                args.put("location", location);
            }
            addActions(List.of(new Scenario.Action(replay.simulation().scheduler().now() + 1, "publish", args,
                    props)), "publish");
        });
    }

    /**
     * A scenario action at the current time (power: {@code sleep}, {@code wake}, {@code idle} with {@code ms},
     * {@code tickle}, {@code request}; docs/scenarios.md), added like a published nub.
     */
    public void act(String type, Map<String, Object> args) {
        Map<String, Object> a = Map.copyOf(args);
        control(() -> addActions(List.of(new Scenario.Action(replay.simulation().scheduler().now() + 1, type, a,
                OSDictionary.empty())), type));
    }

    /**
     * A scenario action at the current time that answers at once: added like {@link #act}, then the machine runs
     * up to the action's time, so its journal event (a user-client call's IOReturn and outputs) is published
     * before the next command. Later consequences (an async completion) wait for virtual time to reach them.
     */
    public void actNow(String type, Map<String, Object> args) {
        // insertion order kept: a saved scenario lists the arguments as the console gave them
        Map<String, Object> a = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
        control(() -> {
            long at = replay.simulation().scheduler().now() + 1;
            if (!addActionsOnly(List.of(new Scenario.Action(at, type, a, OSDictionary.empty())))) {
                return;
            }
            var sched = replay.simulation().scheduler();
            while (sched.nextDue() >= 0 && sched.nextDue() <= at && replay.step()) {
                record();
            }
            stopped(type);
        });
    }

    /** Matches one provider at the current position, every candidate explained: a {@link SessionEvent.Matched}. */
    public void match(String providerPath) {
        post(() -> {
            IORegistryEntry nub = resolve(providerPath);
            if (nub == null) {
                emit(new SessionEvent.Failed("no entry at " + providerPath + " at this point"));
                return;
            }
            MatchEngine engine = matchEngine();
            ProviderMatch pm = engine.match(nub, true);
            IORegistryEntry provider = engine.context().provider(nub);
            if (pm.candidates().isEmpty() && nub.property(Personality.IO_MATCH_CATEGORY) != null && provider != null) {
                // a driver instance: what matters is the matching of its provider that started it
                nub = provider;
                pm = engine.match(nub, true);
            }
            emit(new SessionEvent.Matched(providerPath, pm.path(), nub.className(), pm.candidates(),
                    replay.simulation().catalogue().personalities()));
        });
    }

    /**
     * The whole registry at the current position, every plane, as an independent copy (written to IOScope JSON
     * and read back on the engine thread), handed to {@code receiver} on the UI thread: the explorer can then show
     * it without ever touching the running machine.
     */
    public void snapshotNow(java.util.function.Consumer<dev.ioscope.engine.snapshot.Snapshot> receiver) {
        post(() -> {
            var sim = replay.simulation();
            var here = new dev.ioscope.engine.snapshot.Snapshot(sim.registry(),
                    dev.ioscope.engine.snapshot.SnapshotFormat.BOOTED_MACHINE, OSDictionary.of("workbench",
                    dev.ioscope.engine.os.OSString.of(machine)), machine);
            var out = new java.io.ByteArrayOutputStream();
            try {
                dev.ioscope.engine.snapshot.Snapshots.writer(dev.ioscope.engine.snapshot.SnapshotFormat.JSON)
                        .orElseThrow().write(here, out);
                var copy = dev.ioscope.engine.snapshot.Snapshots.read(out.toByteArray(), machine + ".json",
                        machine + " at t = " + WorkbenchViewModel.formatNs(sim.scheduler().now()),
                        dev.ioscope.engine.snapshot.ParseLimits.DEFAULT);
                ui.execute(() -> receiver.accept(copy));
            } catch (java.io.IOException | SnapshotException e) {
                emit(new SessionEvent.Failed("cannot copy the registry: " + e.getMessage()));
            }
        });
    }

    /** "Why not?": the key-by-key verdict of any personality against a provider. */
    public void whyNot(String providerPath, Personality p) {
        post(() -> {
            IORegistryEntry nub = resolve(providerPath);
            if (nub == null) {
                emit(new SessionEvent.Failed("no entry at " + providerPath + " at this point"));
                return;
            }
            emit(new SessionEvent.Explained(matchEngine().explain(nub, p)));
        });
    }

    /** Hot-plug: {@code device} (a machine-description device object, JSON) under the slot at {@code slotPath}. */
    public void plug(String slotPath, String device) {
        act("plug", Map.of("parent", slotPath, "device", device));
    }

    /** Hot-unplug: terminates the nub at {@code path} and its clients. */
    public void unplug(String path) {
        act("unplug", Map.of("path", path));
    }

    /**
     * The IOReport channels the dashboard wants sampled (any thread). A running machine picks them up at its next
     * publication; a stopped one publishes at once.
     */
    public void subscribeReports(List<ReportChannel> channels) {
        reports.request(channels);
        post(() -> publish(false));
    }

    @Override
    public void close() {
        closed = true;
        pauseRequested = true;
        thread.interrupt();
    }

    /** Waits until every command posted so far has run (tests; never from the FX thread in the app). */
    public void awaitIdle(long timeoutMs) throws InterruptedException {
        var done = new java.util.concurrent.CountDownLatch(1);
        post(done::countDown);
        if (!done.await(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("engine busy after " + timeoutMs + " ms");
        }
    }

    // ------------------------------------------------------------------------------------------ engine thread

    /** A command that moves the machine: it ends a run in progress first. Queries (match, why not) do not. */
    private void control(Runnable r) {
        pauseRequested = true;
        post(r);
    }

    private void post(Runnable r) {
        if (!closed) {
            commands.add(r);
        }
    }

    private void loop() {
        try {
            serve();
        } finally {
            if (machines != null) {
                machines.close();
            }
        }
    }

    private void serve() {
        while (!closed) {
            try {
                Runnable r = commands.take();
                pauseRequested = false;
                r.run();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                running = false;
                try {
                    publish(true);
                    emit(new SessionEvent.Failed(String.valueOf(e.getMessage() == null ? e : e.getMessage())));
                } catch (RuntimeException again) {
                    // a listener that throws must not end the engine thread (every later command would hang)
                }
            }
        }
    }

    private void build() {
        try {
            machines = ScenarioMachines.standard(null, behaviors);
            replay = new Replay(scenario, machines);
        } catch (SnapshotException e) {
            emit(new SessionEvent.Failed(e.getMessage()));
            return;
        }
        publish(true);
        emit(new SessionEvent.Stopped("machine built"));
    }

    private void runLoop(List<Breakpoint> bps) {
        running = true;
        long lastPublish = System.nanoTime();
        String why = "quiet";
        while (true) {
            if (pauseRequested || closed) {
                why = "paused";
                break;
            }
            int before = journalSize();
            if (!replay.step()) {
                break;
            }
            record();
            JournalEvent hit = null;
            Breakpoint by = null;
            for (int i = before; i < history.size() && i < journalSize() && hit == null; i++) {
                for (Breakpoint b : bps) {
                    if (b.test(history.get(i))) {
                        hit = history.get(i);
                        by = b;
                        break;
                    }
                }
            }
            if (hit != null) {
                running = false;
                publish(true);
                emit(new SessionEvent.BreakpointHit(hit, by));
                return;
            }
            if (System.nanoTime() - lastPublish > PUBLISH_NS) {
                publish(false);
                lastPublish = System.nanoTime();
            }
        }
        running = false;
        stopped(why);
    }

    private void seek(long step, String why) {
        try {
            replay.seek(step);
        } catch (SnapshotException e) {
            emit(new SessionEvent.Failed(e.getMessage()));
            return;
        }
        stopped(why);
    }

    private void addActions(List<Scenario.Action> more, String why) {
        if (addActionsOnly(more)) {
            stopped(why);
        }
    }

    /**
     * Undo: takes {@code actions} out of the scenario and goes back to just before the first of them (or stays
     * where the machine is, if that is earlier), so the registry shown is the one before the edit.
     */
    public void retract(List<Scenario.Action> actions) {
        List<Scenario.Action> acts = List.copyOf(actions);
        control(() -> {
            List<Scenario.Action> all = new ArrayList<>(scenario.actions());
            for (Scenario.Action a : acts) {
                int i = all.lastIndexOf(a);
                if (i >= 0) {
                    all.remove(i);
                }
            }
            long first = acts.stream().mapToLong(Scenario.Action::at).min().orElse(Long.MAX_VALUE);
            Scenario next = scenario.withActions(all);
            long current = replay.position();
            try {
                Replay r = new Replay(next, machines);
                var sched = r.simulation().scheduler();
                while (r.position() < current && sched.nextDue() >= 0 && sched.nextDue() < first && r.step()) {
                    // replaying the prefix the actions did not touch
                }
                scenario = next;
                published = next;
                replay = r;
            } catch (SnapshotException e) {
                emit(new SessionEvent.Failed(e.getMessage()));
                return;
            }
            // the history up to here is unchanged (the actions were not due yet); after it, it was theirs
            int pos = (int) replay.position();
            int keep = pos == 0 ? 0 : stepEnds.get(pos - 1);
            history.subList(keep, history.size()).clear();
            stepEnds.subList(pos, stepEnds.size()).clear();
            stopped("undo");
        });
    }

    /** Redo: puts {@code actions} back at their own times; the machine stays where it is (before them). */
    public void reinstate(List<Scenario.Action> actions) {
        List<Scenario.Action> acts = List.copyOf(actions);
        control(() -> {
            if (addActionsOnly(acts, false)) {
                stopped("redo");
            }
        });
    }

    /** Adds actions to the scenario, keeping the position; false (and a Failed event) when it cannot rebuild. */
    private boolean addActionsOnly(List<Scenario.Action> more) {
        return addActionsOnly(more, true);
    }

    private boolean addActionsOnly(List<Scenario.Action> more, boolean announce) {
        List<Scenario.Action> all = new ArrayList<>(scenario.actions());
        all.addAll(more);
        Scenario next = scenario.withActions(all);
        long at = replay.position();
        try {
            Replay r = new Replay(next, machines);
            r.seek(at);
            scenario = next;
            published = next;
            replay = r;
        } catch (SnapshotException e) {
            emit(new SessionEvent.Failed(e.getMessage()));
            return false;
        }
        // the known future was computed without these actions
        int keep = journalSize();
        history.subList(keep, history.size()).clear();
        stepEnds.subList((int) at, stepEnds.size()).clear();
        if (announce) {
            emit(new SessionEvent.ActionsAdded(more));
        }
        return true;
    }

    /** After one forward step: extends the known history when this step is new. */
    private void record() {
        long pos = replay.position();
        if (pos <= stepEnds.size()) {
            return;   // replaying known history: deterministic, nothing new
        }
        // the tail only: copying the whole journal after every step would make a long run quadratic
        var sim = replay.simulation();
        history.addAll(sim.journalFrom(history.size()));
        stepEnds.add(sim.journalSize());
    }

    private int journalSize() {
        long pos = replay.position();
        return pos == 0 ? 0 : stepEnds.get((int) pos - 1);
    }

    private void stopped(String why) {
        publish(true);
        emit(new SessionEvent.Stopped(why));
    }

    private void publish(boolean withRegistry) {
        if (replay == null) {
            return;
        }
        var sim = replay.simulation();
        if (withRegistry || registry == null) {
            registry = EntryNode.copyOf(sim.registry());
            power = PowerRow.copyOf(sim);
            palette = DevicePalette.of(sim);
        }
        long pos = replay.position();
        int from = pos <= 1 ? 0 : stepEnds.get((int) pos - 2);
        state = new MachineState(++version, machine, sim.scheduler().now(), pos, journalSize(), from, history,
                running, sim.scheduler().idle(), registry, sim.catalogue().size(), power,
                reports.sample(sim, pos, running), UserClientState.copyOf(sim, scenario, userFrom));
    }

    private MatchEngine matchEngine() {
        var sim = replay.simulation();
        return new MatchEngine(sim.catalogue(), MatchContext.standard(sim.registry()));
    }

    private IORegistryEntry resolve(String path) {
        var reg = replay.simulation().registry();
        return reg.findPlane(IORegistryPlane.IOSERVICE).flatMap(pl -> RegistryPath.fromPath(reg, path, pl))
                .orElse(null);
    }

    private void emit(SessionEvent e) {
        ui.execute(() -> listener.accept(e));
    }
}
