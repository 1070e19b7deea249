package dev.ioscope.app.workbench;

import dev.ioscope.engine.machine.MachineAction;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.sim.CoreAction;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.Replay;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.ScenarioAction;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One running machine: its {@link EngineThread} is the only thread that touches its {@link Replay} (and so its
 * Simulation and registry). UI commands are posted to that thread; the engine publishes an immutable
 * {@link MachineState} that the UI pulls per frame, and sends low-rate {@link SessionEvent}s through {@code ui}
 * (FxDispatch in the app). It never waits on the UI.
 *
 * <p>Going back is the engine's replay: the machine is rebuilt from the scenario and stepped to the target, so
 * the registry shown for an earlier event is the real earlier registry. User actions (load kexts, publish) are
 * added to the scenario at {@code now + 1 ns}, after everything already due now, so replaying the new scenario
 * reproduces the journal so far exactly ({@link EditableReplay}).
 */
public final class MachineSession implements AutoCloseable {
    /** How often a running machine republishes its state, wall-clock ns (~60 Hz). */
    private static final long PUBLISH_NS = 16_000_000;

    private final String machine;
    private final Map<String, DriverBehavior> behaviors;
    private final Executor ui;
    private final Consumer<SessionEvent> listener;
    private final EngineThread engine;
    private volatile MachineState state;
    private volatile Scenario published;

    // engine-thread state
    private EditableReplay replay;   // null until built
    private long version;
    private EntryNode registry;
    private boolean running;
    private final Map<PanelState<?>, PanelState.Sampler<?>> samplers = new LinkedHashMap<>();
    private final int userFrom;   // actions from here on were added in this window

    public MachineSession(String machine, Scenario scenario, Map<String, DriverBehavior> behaviors, Executor ui,
                          Consumer<SessionEvent> listener) {
        this.machine = machine;
        this.published = scenario;
        this.behaviors = Map.copyOf(behaviors);
        this.ui = ui;
        this.listener = listener;
        this.userFrom = scenario.actions().size();
        this.state = new MachineState(0, machine, 0, 0, 0, 0, List.of(), false, false, null, 0, Map.of(),
                List.of());
        for (PanelState<?> p : WorkbenchPanels.states()) {
            samplers.put(p, p.sampler());
        }
        this.engine = new EngineThread("ioscope-engine-" + machine, this::failed, () -> {
            if (replay != null) {
                replay.close();
            }
        });
        engine.post(this::build);
    }

    /** Starts the engine thread: after the listener's receiver is wired, since the first event comes at once. */
    public MachineSession start() {
        engine.start();
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

    /** The latest published state (any thread). */
    public MachineState state() {
        return state;
    }

    // ------------------------------------------------------------------------------------------ commands (any thread)

    public void step() {
        engine.control(() -> {
            replay.step();
            stopped("step");
        });
    }

    public void stepBack() {
        engine.control(() -> seek(Math.max(0, replay.position() - 1), "step back"));
    }

    /** Goes to the step that journaled event {@code seq} (back by replay, or forward through known history). */
    public void seekToEvent(long seq) {
        engine.control(() -> seek(replay.stepOf(seq), "event #" + seq));
    }

    /** Runs until quiet or paused, ignoring breakpoints. */
    public void run() {
        engine.control(() -> runLoop(List.of()));
    }

    /** Runs until an event a breakpoint accepts is journaled, quiet, or paused. */
    public void runToBreakpoint(List<Breakpoint> breakpoints) {
        List<Breakpoint> bps = List.copyOf(breakpoints);
        engine.control(() -> runLoop(bps));
    }

    /** Stops a run at the next step. */
    public void pause() {
        engine.pause();
    }

    public void loadKexts(List<Path> paths) {
        List<Path> ps = List.copyOf(paths);
        engine.control(() -> {
            List<Scenario.Action> more = new ArrayList<>();
            for (Path p : ps) {
                more.add(new Scenario.Action(now() + 1, new CoreAction.LoadKext(p.toAbsolutePath().toString())));
            }
            addActions(more, "load kexts");
        });
    }

    /** Publishes a new nub under {@code parentPath} (then registerService, which starts matching). */
    public void publish(String parentPath, String className, String name, String location, OSDictionary props) {
        engine.control(() -> {
            CoreAction.Publish p = new CoreAction.Publish(parentPath, className, name,
                    location != null && !location.isBlank() ? location : null, props);
            addActions(List.of(new Scenario.Action(now() + 1, p)), p.actionName());
        });
    }

    /**
     * A scenario action at the current time (power: {@code sleep}, {@code wake}, {@code idle} with {@code ms},
     * {@code tickle}, {@code request}; docs/scenarios.md), added like a published nub.
     */
    public void act(ScenarioAction op) {
        engine.control(() -> addActions(List.of(new Scenario.Action(now() + 1, op)), op.actionName()));
    }

    /**
     * A scenario action at the current time that answers at once: added like {@link #act}, then the machine runs
     * up to the action's time, so its journal event (a user-client call's IOReturn and outputs) is published
     * before the next command. Later consequences (an async completion) wait for virtual time to reach them.
     */
    public void actNow(ScenarioAction op) {
        engine.control(() -> {
            long at = now() + 1;
            if (!addActionsOnly(List.of(new Scenario.Action(at, op)), true)) {
                return;
            }
            var sched = replay.simulation().scheduler();
            while (sched.nextDue() >= 0 && sched.nextDue() <= at && replay.step()) {
                // up to the action's time
            }
            stopped(op.actionName());
        });
    }

    /** Matches one provider at the current position, every candidate explained: a {@link SessionEvent.Matched}. */
    public void match(String providerPath) {
        engine.post(() -> emit(StepQueries.matching(replay.simulation(), providerPath)));
    }

    /**
     * The whole registry at the current position, every plane, as an independent copy made on the engine thread,
     * handed to {@code receiver} on the UI thread: the explorer can then show it without touching the machine.
     */
    public void snapshotNow(Consumer<Snapshot> receiver) {
        engine.post(() -> {
            try {
                var copy = StepQueries.registryCopy(replay.simulation(), machine);
                ui.execute(() -> receiver.accept(copy));
            } catch (IOException | SnapshotException e) {
                emit(new SessionEvent.Failed("cannot copy the registry: " + e.getMessage()));
            }
        });
    }

    /** "Why not?": the key-by-key verdict of any personality against a provider. */
    public void whyNot(String providerPath, Personality p) {
        engine.post(() -> emit(StepQueries.whyNot(replay.simulation(), providerPath, p)));
    }

    /** Hot-plug: {@code device} (a machine-description device object, JSON) under the slot at {@code slotPath}. */
    public void plug(String slotPath, String device) {
        act(new MachineAction.Plug(slotPath, JsonValue.of(device)));
    }

    /** Hot-unplug: terminates the nub at {@code path} and its clients. */
    public void unplug(String path) {
        act(new MachineAction.Unplug(path));
    }

    /** This session's sampler of a panel's state (any thread), e.g. to tell it what to sample next. */
    @SuppressWarnings("unchecked")
    public <T> PanelState.Sampler<T> sampler(PanelState<T> key) {
        PanelState.Sampler<?> s = samplers.get(key);
        if (s == null) {
            throw new IllegalArgumentException("panel state not registered with WorkbenchPanels: " + key);
        }
        return (PanelState.Sampler<T>) s;
    }

    /**
     * Publishes again soon (any thread), e.g. after a panel changed what its sampler samples: a running machine
     * picks it up at its next publication; a stopped one publishes at once.
     */
    public void republish() {
        engine.post(() -> publish(false));
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Waits until every command posted so far has run (tests; never from the FX thread in the app). */
    public void awaitIdle(long timeoutMs) throws InterruptedException {
        engine.awaitIdle(timeoutMs);
    }

    // ------------------------------------------------------------------------------------------ engine thread

    /** A command threw: the machine stays where it got to, and the UI is told. */
    private void failed(RuntimeException e) {
        running = false;
        publish(true);
        emit(new SessionEvent.Failed(String.valueOf(e.getMessage() == null ? e : e.getMessage())));
    }

    private void build() {
        try {
            replay = new EditableReplay(published, behaviors);
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
            if (engine.stopRequested()) {
                why = "paused";
                break;
            }
            int before = replay.eventsNow();
            if (!replay.step()) {
                break;
            }
            List<JournalEvent> known = replay.events();
            JournalEvent hit = null;
            Breakpoint by = null;
            for (int i = before; i < known.size() && i < replay.eventsNow() && hit == null; i++) {
                for (Breakpoint b : bps) {
                    if (b.test(known.get(i))) {
                        hit = known.get(i);
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
        if (addActionsOnly(more, true)) {
            stopped(why);
        }
    }

    /**
     * Undo: takes {@code actions} out of the scenario and goes back to just before the first of them (or stays
     * where the machine is, if that is earlier), so the registry shown is the one before the edit.
     */
    public void retract(List<Scenario.Action> actions) {
        List<Scenario.Action> acts = List.copyOf(actions);
        engine.control(() -> {
            try {
                replay.retract(acts);
                published = replay.scenario();
            } catch (SnapshotException e) {
                emit(new SessionEvent.Failed(e.getMessage()));
                return;
            }
            stopped("undo");
        });
    }

    /** Redo: puts {@code actions} back at their own times; the machine stays where it is (before them). */
    public void reinstate(List<Scenario.Action> actions) {
        List<Scenario.Action> acts = List.copyOf(actions);
        engine.control(() -> {
            if (addActionsOnly(acts, false)) {
                stopped("redo");
            }
        });
    }

    /**
     * Adds actions to the scenario, keeping the position, and tells the UI when {@code announce} (an edit it can
     * undo); false (and a Failed event) when the machine cannot be rebuilt.
     */
    private boolean addActionsOnly(List<Scenario.Action> more, boolean announce) {
        try {
            replay.add(more);
            published = replay.scenario();
        } catch (SnapshotException e) {
            emit(new SessionEvent.Failed(e.getMessage()));
            return false;
        }
        if (announce) {
            emit(new SessionEvent.ActionsAdded(more));
        }
        return true;
    }

    /** The virtual clock at the current position (engine thread). */
    private long now() {
        return replay.simulation().scheduler().now();
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
        boolean stop = withRegistry || registry == null;
        if (stop) {
            registry = EntryNode.copyOf(sim.registry());
        }
        long pos = replay.position();
        var at = new PanelState.Capture(sim, replay.scenario(), pos, running, stop, userFrom);
        Map<PanelState<?>, Object> panels = new HashMap<>();
        samplers.forEach((k, sampler) -> panels.put(k, sampler.sample(at)));
        state = new MachineState(++version, machine, sim.scheduler().now(), pos, replay.eventsNow(),
                replay.stepFrom(), replay.events(), running, sim.scheduler().idle(), registry,
                sim.catalogue().size(), panels, sim.interrupts().tree());
    }

    private void emit(SessionEvent e) {
        ui.execute(() -> listener.accept(e));
    }
}
