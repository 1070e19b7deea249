package dev.ioscope.app.workbench;

import dev.ioscope.app.ui.UndoStack;
import dev.ioscope.engine.power.PowerAction;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.sim.CoreAction;
import dev.ioscope.engine.sim.InterruptTree;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.ScenarioAction;
import dev.ioscope.engine.spi.PaletteDevice;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workbench's state for its views: run control, the timeline, breakpoints, the registry at the selected
 * event and the matching of the selected provider. It pulls the session's {@link MachineState} when the view
 * asks ({@link #pull()}, once per frame) and takes the session's low-rate events ({@link #accept}).
 */
public final class WorkbenchViewModel {
    private final MachineSession session;
    private long seenVersion = -1;
    private List<JournalEvent> seenHistory = List.of();
    private String pendingEntry;

    private final ObservableList<JournalEvent> events = FXCollections.observableArrayList();
    private final IntegerProperty eventsNow = new SimpleIntegerProperty();
    private final IntegerProperty stepFrom = new SimpleIntegerProperty();
    private final StringProperty clock = new SimpleStringProperty("t = 0");
    private final LongProperty clockNs = new SimpleLongProperty();
    private final StringProperty status = new SimpleStringProperty("building the machine…");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty quiet = new SimpleBooleanProperty();
    private final BooleanProperty noKexts = new SimpleBooleanProperty();
    private final LongProperty powerActionAt = new SimpleLongProperty(-1);
    private final ObjectProperty<EntryNode> registry = new SimpleObjectProperty<>();
    private final StringProperty selectedEntry = new SimpleStringProperty();
    private final ObjectProperty<JournalEvent> selectedEvent = new SimpleObjectProperty<>();
    /** Each registered panel's state ({@link PanelState}), at the current step. */
    private final Map<PanelState<?>, ObjectProperty<Object>> panels = new HashMap<>();
    private final ObjectProperty<List<InterruptTree.Controller>> interrupts = new SimpleObjectProperty<>(List.of());
    private final ObservableList<Breakpoint> breakpoints = FXCollections.observableArrayList();
    private final ObjectProperty<SessionEvent.Matched> matching = new SimpleObjectProperty<>();
    private final ObjectProperty<MatchingTrace> whyNot = new SimpleObjectProperty<>();
    private final UndoStack undo = new UndoStack();
    /** One-shot writes (the trace export) off the FX thread. */
    private final TraceExport traceExport = new TraceExport(status);

    public WorkbenchViewModel(MachineSession session) {
        this.session = session;
        for (PanelState<?> key : WorkbenchPanels.states()) {
            panels.put(key, new SimpleObjectProperty<>(key.empty()));
        }
        noKexts.set(hasNoKexts(session.scenario()));
        selectedEntry.addListener((o, a, b) -> {
            if (b != null) {
                session.match(b);
            }
        });
    }

    public MachineSession session() {
        return session;
    }

    // ------------------------------------------------------------------------------------------ commands

    public void step() {
        session.step();
    }

    public void stepBack() {
        session.stepBack();
    }

    public void run() {
        // shown at once: on a fast machine a whole run can end between two publications, which would never show it
        running.set(true);
        session.run();
    }

    public void pause() {
        session.pause();
    }

    public void runToBreakpoint() {
        status.set(breakpoints.isEmpty() ? "no breakpoints: running until quiet" : "running to a breakpoint…");
        session.runToBreakpoint(List.copyOf(breakpoints));
    }

    public void loadKexts(List<Path> paths) {
        if (!paths.isEmpty()) {
            status.set("loading " + paths.size() + " kext path(s)…");
            session.loadKexts(paths);
        }
    }

    /**
     * Hot-plugs a nub: attached under {@code parent}, then registerService (matching follows on virtual time).
     * Properties as {@link PropertyLines}. False (and the reason in the status) when they do not parse.
     */
    public boolean publish(String parent, String className, String name, String location, String properties) {
        try {
            var props = PropertyLines.parse(properties == null ? "" : properties);
            session.publish(parent, className, name, location, props);
            status.set("publishing " + className + " \"" + name + "\" under " + parent + "…");
            return true;
        } catch (IllegalArgumentException e) {
            status.set("properties: " + e.getMessage());
            return false;
        }
    }

    /** A power action at the current time: sleep, wake, or idle for some ms (docs/scenarios.md). */
    public void power(PowerAction op) {
        powerActionAt.set(clockNs.get());
        session.act(op);
        status.set(op.actionName() + " at " + clock.get().split("   ")[0] + "…");
    }

    /**
     * A user-client action (open, call, close; docs/scenarios.md) at the current time, run at once so its result
     * is journaled; the console reads it back from the journal and its {@link #panelState panel state}.
     */
    public void userClientAction(ScenarioAction op) {
        session.actNow(op);
        status.set(op.actionName() + " at " + clock.get().split("   ")[0] + "…");
    }

    /** activityTickle on a power-managed service at the current time (the scenario action {@code tickle}). */
    public void tickle(String path) {
        powerActionAt.set(clockNs.get());
        session.act(new PowerAction.Tickle(path, null));
        status.set("activityTickle on " + path + " at " + clock.get().split("   ")[0] + "…");
    }

    /**
     * A power client's desire for a service at the current time (the scenario action {@code request}): {@code via}
     * {@code driver} (changePowerStateTo), {@code priv} (changePowerStateToPriv) or {@code usable} (makeUsable,
     * which takes no state).
     */
    public void requestPowerState(String path, int state, String via) {
        powerActionAt.set(clockNs.get());
        session.act(new PowerAction.Request(path, via.equals("usable") ? null : JsonValue.of(String.valueOf(state)),
                via));
        status.set("request " + (via.equals("usable") ? "makeUsable" : "state " + state + " via " + via) + " on "
                + path + "…");
    }

    /** Hot-plugs a palette device into a slot at the current time (a {@code plug} action; docs/scenarios.md). */
    public void plug(String slot, PaletteDevice device) {
        session.plug(slot, device.device());
        status.set("plugging " + device.label() + " into " + slot.substring(slot.lastIndexOf('/') + 1) + "…");
    }

    /** Hot-unplugs the nub at {@code path} and its clients (an {@code unplug} action). */
    public void unplug(String path) {
        if (path != null) {
            session.unplug(path);
            status.set("unplugging " + path.substring(path.lastIndexOf('/') + 1) + "…");
        }
    }

    /** Writes the journal up to the current position as a Chrome trace (a job thread; {@link TraceExport}). */
    public void exportTrace(Path file) {
        traceExport.write(session.scenario().file(),
                List.copyOf(events.subList(0, Math.min(eventsNow.get(), events.size()))), file);
    }

    /**
     * Saves the session (machine, kexts, every action so far, breakpoints) as a scenario file that
     * {@code ioscope run} replays with the same journal.
     */
    public void saveSession(Path file) {
        try {
            SessionFile.save(session.scenario(), List.copyOf(breakpoints), file);
            status.set("session saved to " + file.getFileName() + " (" + session.scenario().actions().size()
                    + " actions; replay with: ioscope run " + file.getFileName() + ")");
        } catch (IOException | RuntimeException e) {
            status.set("cannot save " + file + ": " + e.getMessage());
        }
    }

    public void addBreakpoint(Breakpoint.On on, String value) {
        if (value != null && !value.isBlank()) {
            Breakpoint b = new Breakpoint(on, value);
            if (!breakpoints.contains(b)) {
                undo.execute(new BreakpointEdit(breakpoints, b, true));
            }
        }
    }

    public void removeBreakpoint(Breakpoint b) {
        if (b != null && breakpoints.contains(b)) {
            undo.execute(new BreakpointEdit(breakpoints, b, false));
        }
    }

    /** Takes back the last edit: a breakpoint, or actions added to the machine (it goes back to before them). */
    public void undo() {
        if (undo.canUndo()) {
            status.set("undo " + undo.undoTextProperty().get() + "…");
            undo.undo();
        }
    }

    public void redo() {
        if (undo.canRedo()) {
            status.set("redo " + undo.redoTextProperty().get() + "…");
            undo.redo();
        }
    }

    /** The edits that can be undone and redone (descriptions for the buttons). */
    public UndoStack undoStack() {
        return undo;
    }

    /**
     * Shows the machine at an event: the session goes to the scheduler step that journaled it (replaying from
     * the start when it lies behind), and the event's entry is selected once the machine is there.
     */
    public void selectEvent(JournalEvent e) {
        selectedEvent.set(e);
        if (e == null) {
            return;
        }
        pendingEntry = entryOf(e);
        boolean here = e.seq() >= stepFrom.get() && e.seq() < eventsNow.get();
        if (here) {
            selectPending();
        } else {
            session.seekToEvent(e.seq());
        }
    }

    /** "Why not?" for a personality against the selected provider. */
    public void whyNot(Personality p) {
        if (selectedEntry.get() != null && p != null) {
            session.whyNot(selectedEntry.get(), p);
        }
    }

    /** "Why not?" by personality name, among the catalogue of the last matching shown (false: no such name). */
    public boolean whyNot(String personalityName) {
        SessionEvent.Matched m = matching.get();
        if (m == null) {
            return false;
        }
        var p = m.catalogue().stream().filter(x -> x.name().equals(personalityName)).findFirst();
        p.ifPresent(this::whyNot);
        return p.isPresent();
    }

    /** The entry an event is about: its own path, else the provider it names (a detach of a failed start). */
    static String entryOf(JournalEvent e) {
        if (!e.entry().isEmpty()) {
            return e.entry();
        }
        return e.details().getOrDefault("provider", null);
    }

    // ------------------------------------------------------------------------------------------ engine → UI

    /**
     * Journal events appended to the timeline per frame at most: appending costs the FX thread a few µs per event
     * (list listeners), so a frame after a long gap takes a bounded bite and the next frames catch up (60 frames
     * a second × 4096 is far more than the engine journals).
     */
    static final int MAX_APPEND_PER_FRAME = 4096;
    /** How often a running machine's new events reach the journal list (wall ns). */
    static final long APPEND_EVERY_NS = 200_000_000;
    private long lastAppend;

    /** Takes the session's latest state if it is new (the view calls this once per frame). */
    public void pull() {
        pull(MAX_APPEND_PER_FRAME);
    }

    private void pull(int maxAppend) {
        MachineState s = session.state();
        List<JournalEvent> h = s.history();
        boolean behind = h == seenHistory && events.size() < h.size();
        if (s.version() == seenVersion && !behind) {
            return;
        }
        seenVersion = s.version();
        // while running, the journal list takes new events a few times a second, not every frame: each append
        // re-lays out the list, which was most of the FX thread's time per frame at full speed (pulse logger);
        // the clock, the strip and the counts still move every frame
        boolean throttled = s.running() && maxAppend != Integer.MAX_VALUE
                && System.nanoTime() - lastAppend < APPEND_EVERY_NS;
        if ((h != seenHistory || behind) && !throttled) {
            lastAppend = System.nanoTime();
            // the history only grows, or is cut back when an action is added; its events are shared objects, so
            // identity at the end of what is shown tells growth from a cut in O(1) (equals would be O(n) a frame)
            int k = events.size();
            if (h.size() >= k && (k == 0 || h.get(k - 1) == events.get(k - 1))) {
                events.addAll(h.subList(k, (int) Math.min(h.size(), (long) k + maxAppend)));
            } else {
                events.setAll(h);
            }
            seenHistory = h;
        }
        clockNs.set(s.clockNs());
        eventsNow.set(s.events());
        stepFrom.set(s.stepFrom());
        clock.set("t = " + formatNs(s.clockNs()) + "   step " + s.position() + "   events " + s.events()
                + "/" + s.history().size());
        running.set(s.running());
        quiet.set(s.quiet());
        noKexts.set(hasNoKexts(session.scenario()));
        panels.forEach((key, p) -> {
            Object now = s.panel(key);
            if (!now.equals(p.get())) {
                p.set(now);
            }
        });
        if (!s.interrupts().equals(interrupts.get())) {
            interrupts.set(s.interrupts());
        }
        if (s.registry() != registry.get()) {
            registry.set(s.registry());
            if (selectedEntry.get() != null && !s.running()) {
                session.match(selectedEntry.get());   // the provider's candidates at this point
            }
        }
    }

    /** A session event, on the UI thread. */
    public void accept(SessionEvent e) {
        pull(Integer.MAX_VALUE);   // low rate (a stop, a hit): the whole journal so far, at once
        // Java 17: no pattern switch; the interface is sealed, so this chain is complete
        if (e instanceof SessionEvent.Stopped s) {
            status.set("stopped: " + s.why() + (quiet.get() && !s.why().equals("quiet") ? " (quiet)" : ""));
            selectPending();
        } else if (e instanceof SessionEvent.BreakpointHit h) {
            status.set("breakpoint " + h.breakpoint().describe() + " hit at #" + h.event().seq());
            selectedEvent.set(h.event());
            pendingEntry = entryOf(h.event());
            selectPending();
        } else if (e instanceof SessionEvent.Failed f) {
            status.set("failed: " + f.message());
        } else if (e instanceof SessionEvent.Matched m) {
            if (m.requested().equals(selectedEntry.get())) {
                matching.set(m);
            }
        } else if (e instanceof SessionEvent.Explained x) {
            whyNot.set(x.trace());
        } else if (e instanceof SessionEvent.ActionsAdded a) {
            undo.pushExecuted(new MachineEdit(session, a.actions()));
        }
    }

    private void selectPending() {
        if (pendingEntry != null) {
            String p = pendingEntry;
            pendingEntry = null;
            if (p.equals(selectedEntry.get())) {
                session.match(p);
            } else {
                selectedEntry.set(p);
            }
        }
    }

    public static String formatNs(long ns) {
        if (ns < 1_000) {
            return ns + " ns";
        }
        if (ns < 1_000_000) {
            return String.format(Locale.ROOT, "%.3f µs", ns / 1e3);
        }
        return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
    }

    // ------------------------------------------------------------------------------------------ properties

    public ObservableList<JournalEvent> events() {
        return events;
    }

    /** Events journaled up to the current position; later ones are the known future. */
    public IntegerProperty eventsNowProperty() {
        return eventsNow;
    }

    public IntegerProperty stepFromProperty() {
        return stepFrom;
    }

    public StringProperty clockProperty() {
        return clock;
    }

    /** The virtual clock at the current position, ns. */
    /**
     * When the last power action (sleep, wake, idle, tickle, request) was added, virtual ns; -1 before any. The
     * swim lanes zoom to the changes that follow it.
     */
    public LongProperty powerActionAtProperty() {
        return powerActionAt;
    }

    public LongProperty clockNsProperty() {
        return clockNs;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /**
     * A machine rebuilt from a snapshot with no kext to match (none in the scenario, none loaded since): nothing
     * will happen when it runs, and the window says what to do (Load Kexts…, or open an example).
     */
    public BooleanProperty noKextsProperty() {
        return noKexts;
    }

    static boolean hasNoKexts(Scenario sc) {
        return sc.snapshot() != null && sc.kexts().isEmpty()
                && sc.actions().stream().noneMatch(a -> a.op() instanceof CoreAction.LoadKext);
    }

    public BooleanProperty quietProperty() {
        return quiet;
    }

    public ObjectProperty<EntryNode> registryProperty() {
        return registry;
    }

    public StringProperty selectedEntryProperty() {
        return selectedEntry;
    }

    public ObjectProperty<JournalEvent> selectedEventProperty() {
        return selectedEvent;
    }

    /** The interrupt controllers, vectors and handlers at the current step (the Interrupts tab). */
    public ObjectProperty<List<InterruptTree.Controller>> interruptsProperty() {
        return interrupts;
    }

    public ObservableList<Breakpoint> breakpoints() {
        return breakpoints;
    }

    public ObjectProperty<SessionEvent.Matched> matchingProperty() {
        return matching;
    }

    public ObjectProperty<MatchingTrace> whyNotProperty() {
        return whyNot;
    }

    /**
     * A registered panel's state at the current step (replaced as a whole when it changes), e.g. the power tree or
     * the hot-plug palette.
     */
    @SuppressWarnings("unchecked")
    public <T> ReadOnlyObjectProperty<T> panelState(PanelState<T> key) {
        ObjectProperty<Object> p = panels.get(key);
        if (p == null) {
            throw new IllegalArgumentException("panel state not registered with WorkbenchPanels: " + key);
        }
        return (ReadOnlyObjectProperty<T>) (ReadOnlyObjectProperty<?>) p;
    }
}
