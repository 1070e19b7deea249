package dev.ioscope.engine.sim;

import static dev.ioscope.engine.journal.JournalKind.REGISTRY_ATTACH;
import static dev.ioscope.engine.journal.JournalKind.REGISTRY_DETACH;
import static dev.ioscope.engine.journal.JournalKind.SCENARIO_ERROR;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_BUSY;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_IDLE;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_MATCHED;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_REGISTER;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_STOP;
import static dev.ioscope.engine.journal.JournalKind.SERVICE_STOP_FAILED;

import dev.ioscope.engine.journal.EventKind;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IOKitDiagnostics;
import dev.ioscope.engine.report.IOReportHub;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.service.IOCatalogue;
import dev.ioscope.engine.service.MatchContext;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.DextPersonality;
import dev.ioscope.engine.service.DriverKitKeys;
import dev.ioscope.engine.service.driverkit.IOUserServers;
import dev.ioscope.engine.service.driverkit.UserResources;
import dev.ioscope.engine.service.kext.KextBundle;
import dev.ioscope.engine.service.kext.KextLoader;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.service.family.FamilyMatchers;
import dev.ioscope.engine.snapshot.codecs.Snapshots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The IOService life cycle on virtual time: registerService → matching → probe → start (falling back to the next
 * candidate of a category when start fails) → matched; terminate → willTerminate → didTerminate → stop →
 * detach; busy counts and the ioreg state flags follow. Every step goes to the journal. Everything is driven by
 * the {@link Scheduler}, so a scenario always produces the same journal. What a scenario action does is
 * {@link ScenarioActions}'s job, kexts coming and going {@link KextLoading}'s, and what a driver's behaviour sees
 * {@link DriverInstanceContext}'s; this class keeps the life cycle, the clock's stepping and the journal.
 */
public final class Simulation {
    /** The scenario actions (docs/scenarios.md). */
    public static final List<String> CORE_ACTIONS = ScenarioActions.CORE;
    /** Virtual time one life-cycle step takes. */
    static final long STEP_NS = 1_000;

    private final IORegistry registry;
    private final IORegistryPlane service;
    private final IOCatalogue catalogue = new IOCatalogue();
    private final MatchContext ctx;
    private final Scheduler scheduler = new Scheduler();
    private final List<JournalEvent> journal = new ArrayList<>();
    private final Map<String, DriverBehavior> behaviors;
    private final Map<IORegistryEntry, Integer> busy = new IdentityHashMap<>();
    private final Map<IORegistryEntry, Boolean> published = new IdentityHashMap<>();
    /** Services whose first-match notification went out (kIOServiceFirstMatchState). */
    private final Map<IORegistryEntry, Boolean> firstMatched = new IdentityHashMap<>();
    private final long maxSteps;
    private final Map<Class<?>, SimulationExtension.Instance> extensions = new LinkedHashMap<>();
    /** The extensions installed, whose action types read actions scheduled later. */
    private List<SimulationExtension> extensionList = List.of();
    private final WorkLoops workLoops = new WorkLoops(this);
    private final InterruptControllers interrupts = new InterruptControllers(this);
    private final IOReportHub reportHub = new IOReportHub();
    private final MatchingNotifications notifications;
    private final KextLoading kexts;
    private final ScenarioActions actions;
    private final Map<String, DriverBehavior> scripted = new HashMap<>();
    private final ResourceWaits resourceWaits = new ResourceWaits(this);
    private final GeneralInterest interest = new GeneralInterest(this);
    private final MatchDefer matchDefer;
    private final ProbeCandidates probeCandidates;
    private final Termination termination;
    private final IOUserServers userServers;
    /** The root's IOKitDiagnostics, republished after each step that changed the registry's links (DG3). */
    private LiveDiagnostics diagnostics;
    private long linksSeen = -1;
    /** Dext services terminated with rematch: their provider re-matches once they are detached. */
    private final Map<IORegistryEntry, IORegistryEntry> rematchOnDetach = new IdentityHashMap<>();

    /**
     * The scenario with every action typed: an action the core did not know when the file was read is read by the
     * extension that performs it; one that no extension performs, or with a field its action does not take, is an
     * error in the file.
     */
    static Scenario typed(Scenario s, List<SimulationExtension> extensions) throws SnapshotException {
        String file = s.file() == null ? "scenario" : s.file().toString();
        List<Scenario.Action> out = new ArrayList<>();
        boolean changed = false;
        int i = 0;
        for (Scenario.Action a : s.actions()) {
            if (a.op() instanceof ScenarioAction.Unread u) {
                ActionType<?> t = extensionType(u.id(), extensions);
                if (t != null) {
                    out.add(new Scenario.Action(a.at(), t.read(file, "actions[" + i + "]", u.fields()), a.doc(),
                            a.order()));
                    changed = true;
                    i++;
                    continue;
                }
                List<String> known = new ArrayList<>(CORE_ACTIONS);
                extensions.forEach(x -> x.types().forEach(k -> known.add(k.id())));
                throw new SnapshotException(file, "actions[" + i + "]", "unknown action \"" + u.id()
                        + "\" (known: " + String.join(", ", known) + ")");
            }
            out.add(a);
            i++;
        }
        return changed ? s.withActions(out) : s;
    }

    private static ActionType<?> extensionType(String id, List<SimulationExtension> extensions) {
        for (SimulationExtension x : extensions) {
            for (ActionType<?> t : x.types()) {
                if (t.id().equals(id)) {
                    return t;
                }
            }
        }
        return null;
    }

    private Simulation(IORegistry registry, Map<String, DriverBehavior> behaviors, long maxSteps,
                       boolean beforeIOKitDaemon) {
        this.registry = registry;
        this.service = registry.plane(IORegistryPlane.IOSERVICE);
        this.ctx = FamilyMatchers.standardContext(registry);
        this.behaviors = Map.copyOf(behaviors);
        this.maxSteps = maxSteps;
        this.notifications = new MatchingNotifications(this, ctx, registry, service);
        this.kexts = new KextLoading(this, ctx, service);
        this.matchDefer = new MatchDefer(this, beforeIOKitDaemon);
        this.probeCandidates = new ProbeCandidates(this, resourceWaits, matchDefer);
        this.termination = new Termination(this, notifications, interest);
        this.actions = new ScenarioActions(this, kexts, notifications, interest, matchDefer);
        this.userServers = new IOUserServers(registry, new IOUserServers.Host() {
            @Override
            public void record(EventKind kind, String entry, String... kv) {
                log(kind, entry, kv);
            }

            @Override
            public void attach(IORegistryEntry child, IORegistryEntry parent) {
                Simulation.this.attach(child, parent);
            }

            @Override
            public String path(IORegistryEntry e) {
                return Simulation.this.path(e);
            }

            @Override
            public void terminateWithRematch(IORegistryEntry svc) {
                rematchOnDetach.put(svc, svc.parent(service));
                terminate(svc);
            }
        });
    }

    /**
     * Builds the machine of a scenario and schedules its actions. Nothing runs until stepped. The extensions
     * (power management, user clients, plugins' scenario actions) are the ones the plugin loader found
     * ({@code PluginLoader.extensions()}), in its order; an action of the scenario that neither the core nor one of
     * them performs is an error in the scenario file.
     */
    public static Simulation of(Scenario scenario, Map<String, DriverBehavior> behaviors,
                                List<SimulationExtension> extensions) throws SnapshotException {
        Scenario s = typed(scenario, extensions);
        IORegistry reg;
        if (s.snapshot() != null) {
            reg = Snapshots.load(s.snapshot()).registry();
        } else {
            reg = IORegistry.create();
            IORegistryPlane svc = reg.plane(IORegistryPlane.IOSERVICE);
            IORegistryEntry expert = reg.createEntry("IOPlatformExpertDevice", "Machine");
            reg.attach(expert, reg.root(), svc);
            expert.setState(EntryState.settledService(-1));
            IORegistryEntry res = reg.createEntry("IOResources", "IOResources");
            res.setProperty("IOKit", OSString.of("IOService"));
            reg.attach(res, expert, svc);
            res.setState(EntryState.settledService(-1));
            UserResources.ensure(reg);   // DK9: beside IOResources on every machine we build
        }
        // a scenario that says when the IOKit daemon launches starts before it: the IOMatchDefer list exists
        boolean beforeDaemon = s.actions().stream().anyMatch(a -> a.op() instanceof CoreAction.IOKitDaemonLaunched);
        Simulation sim = new Simulation(reg, behaviors, s.maxSteps(), beforeDaemon);
        sim.extensionList = List.copyOf(extensions);
        for (SimulationExtension x : extensions) {
            SimulationExtension.Instance inst = x.install(sim);
            sim.extensions.put(inst.getClass(), inst);
            x.types().forEach(t -> sim.actions.addExtension(t.id(), inst));
        }
        sim.diagnostics = new LiveDiagnostics(reg);
        RootPlanes.publish(reg);
        sim.linksSeen = reg.linkChanges();
        List<KextBundle> kexts = new KextLoader().load(s.kexts());
        sim.scheduler.at(0, "load kexts", () -> kexts.forEach(sim.kexts::load));
        for (Scenario.Action a : s.actions()) {
            sim.scheduler.at(a.at(), a.type(), () -> sim.perform(a));
        }
        return sim;
    }

    public IORegistry registry() {
        return registry;
    }

    public IOCatalogue catalogue() {
        return catalogue;
    }

    public List<JournalEvent> journal() {
        return List.copyOf(journal);
    }

    /** How many events are journaled, without copying them (a stepping UI asks after every step). */
    public int journalSize() {
        return journal.size();
    }

    /** The events from {@code from} on: a copy of that tail only. */
    public List<JournalEvent> journalFrom(int from) {
        return List.copyOf(journal.subList(from, journal.size()));
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The IOUserServers of this machine and the dext services they host. */
    public IOUserServers userServers() {
        return userServers;
    }


    /**
     * Events one run may journal (about 200 bytes each in memory): a scenario whose notifiers fire without end
     * stops here, as at {@code maxSteps}, instead of filling the heap (docs/scenarios.md, "Limits").
     */
    public static final int MAX_JOURNAL_EVENTS = 2_000_000;

    private int journalLimit = MAX_JOURNAL_EVENTS;

    /** True once the journal holds its limit ({@link #MAX_JOURNAL_EVENTS}): the run stopped there. */
    public boolean journalFull() {
        return journal.size() >= journalLimit;
    }

    /** A smaller journal limit, so a test reaches it in a few steps. */
    void limitJournal(int events) {
        journalLimit = events;
    }

    /** Runs one scheduled task (which may journal several events). False when quiet, or at a bound. */
    public boolean step() {
        if (scheduler.executed() >= maxSteps || journalFull()) {
            return false;
        }
        boolean ran = scheduler.step();
        if (registry.linkChanges() != linksSeen) {
            linksSeen = registry.linkChanges();
            diagnostics.update();
            RootPlanes.publish(registry);   // a plane is made when something is first attached in it
        }
        return ran;
    }

    /** The root's IOKitDiagnostics as published after the last step (rule DG3). */
    public IOKitDiagnostics diagnostics() {
        return diagnostics.current();
    }

    /** Runs until nothing is scheduled (waitQuiet) or the step bound is reached. */
    public void runUntilQuiet() {
        while (step()) {
            // keep going
        }
    }

    /** Runs until an event matching the breakpoint is journaled; true if one was. */
    public boolean runUntil(Predicate<JournalEvent> breakpoint) {
        int seen = journal.size();
        while (step()) {
            for (int i = seen; i < journal.size(); i++) {
                if (breakpoint.test(journal.get(i))) {
                    return true;
                }
            }
            seen = journal.size();
        }
        return false;
    }

    /**
     * Performs one scenario action now (see {@link ScenarioActions}). One scheduled on a running machine that is
     * still untyped is read by its extension here; if it cannot be, that is journaled and the run goes on.
     */
    void perform(Scenario.Action a) {
        Scenario.Action typed = a;
        if (a.op() instanceof ScenarioAction.Unread u) {
            ActionType<?> t = extensionType(u.id(), extensionList);
            try {
                typed = t == null ? a : new Scenario.Action(a.at(), t.read("scenario", "action", u.fields()),
                        a.doc(), a.order());
            } catch (SnapshotException e) {
                record(SCENARIO_ERROR, "", "action", u.id(), "reason", e.getMessage());
                return;
            }
        }
        actions.perform(typed);
    }

    /** An installed extension's state, by its class; null when not installed. */
    public <T extends SimulationExtension.Instance> T extension(Class<T> type) {
        return type.cast(extensions.get(type));
    }

    /** The reporters this machine's drivers published (IOReport's provider/group/subgroup legend). */
    public IOReportHub reportHub() {
        return reportHub;
    }

    /** The work loops of this simulation and the interrupt lines device models raise. */
    public WorkLoops workLoops() {
        return workLoops;
    }

    /** The machine's interrupt controllers and the interrupt sources of its nubs. */
    public InterruptControllers interrupts() {
        return interrupts;
    }

    /** Resolves a scenario path (IOService plane unless it names a plane); null when absent. */
    public IORegistryEntry resolve(String p) {
        if (p == null) {
            return null;
        }
        String full = p.contains(":") ? p : "IOService:" + p;
        return RegistryPath.fromPath(registry, full, service).orElse(null);
    }

    // ---------------------------------------------------------------------------------------------- life cycle

    /** Attaches in the IOService plane and journals it (a published nub, a started driver instance). */
    void attach(IORegistryEntry child, IORegistryEntry parent) {
        registry.attach(child, parent, service);
        log(REGISTRY_ATTACH, path(child), "class", child.className(), "provider", path(parent));
    }

    /** IOService::registerService: registered state, publish notifications, asynchronous matching. */
    void registerService(IORegistryEntry e) {
        EntryState s = e.state();
        e.setState(new EntryState(true, true, false, true, s.busyState(), s.busyTimeMs(), s.retainCount()));
        log(SERVICE_REGISTER, path(e), "class", e.className());
        boolean first = published.put(e, Boolean.TRUE) == null;
        // doServiceMatch: first-publish (once per service, kIOServiceFirstPublishState) before publish
        notifications.deliver(first ? List.of("first-publish", "publish") : List.of("publish"), e);
        scheduleMatching(e);
    }

    /** Busy until matching, one step later, has run on {@code nub}. */
    void scheduleMatching(IORegistryEntry nub) {
        adjustBusy(nub, +1);
        scheduler.after(STEP_NS, "match " + nub.name(), () -> doServiceMatch(nub));
    }

    /** IOService::doServiceMatch → probeCandidates ({@link ProbeCandidates}). */
    private void doServiceMatch(IORegistryEntry nub) {
        probeCandidates.doServiceMatch(nub);
    }

    /** Detaches a driver instance from its provider in the IOService plane and journals it. */
    void detach(IORegistryEntry inst, IORegistryEntry provider) {
        String p = path(inst);
        registry.detachAll(inst, service);
        log(REGISTRY_DETACH, p, "class", inst.className(), "provider", path(provider));
    }

    /** The emulated code of a driver class: the scenario's own ({@code emulate-driver}) first; null: passive. */
    DriverBehavior behavior(String className) {
        DriverBehavior b = scripted.get(className);
        return b != null ? b : behaviors.get(className);
    }

    /** The class a personality's behaviour is found under: a dext's IOUserClass (DK14), else its IOClass. */
    static String behaviorClass(Personality p) {
        return DextPersonality.isDext(p) ? DextPersonality.userClass(p.table()).orElse(p.ioClass()) : p.ioClass();
    }

    /** The class a live instance's behaviour is found under: a dext service's IOUserClass, else its class. */
    static String behaviorClass(IORegistryEntry e) {
        return DextPersonality.serverName(e.properties()).isPresent()
                ? DextPersonality.string(e.property(DriverKitKeys.IO_USER_CLASS)).orElse(e.className())
                : e.className();
    }

    /** {@code emulate-driver}: from now on this class's probe and start are the scenario's. */
    void emulate(String className, DriverBehavior b) {
        scripted.put(className, b);
    }

    MatchContext matchContext() {
        return ctx;
    }

    /** The IOResources nub (the first in the IOService plane), or null. */
    IORegistryEntry ioResources() {
        for (IORegistryEntry e : registry.entries()) {
            if (e.className().equals("IOResources") && e.inPlane(service)) {
                return e;
            }
        }
        return null;
    }

    /** The end of doServiceMatch: matched state and notifications; IOResources wakes resource waiters. */
    void finishMatching(IORegistryEntry nub) {
        EntryState s = nub.state();
        nub.setState(new EntryState(true, s.registered(), true, s.active(), s.busyState(), s.busyTimeMs(),
                s.retainCount()));
        log(SERVICE_MATCHED, path(nub));
        // doServiceMatch: matched every time, first-match only once per service (kIOServiceFirstMatchState)
        boolean firstMatch = firstMatched.put(nub, Boolean.TRUE) == null;
        notifications.deliver(firstMatch ? List.of("matched", "first-match") : List.of("matched"), nub);
        adjustBusy(nub, -1);
        if (nub.className().equals("IOResources")) {
            resourceWaits.resourcesMatched(nub);
        }
    }

    /** IOService::terminate in XNU's phases ({@link Termination}). */
    void terminate(IORegistryEntry root) {
        termination.terminate(root);
    }

    /** Phase 3 for one victim: stop, idle, detach; it leaves the defer list and its interest notifiers go. */
    void finishTerminate(IORegistryEntry v) {
        String p = path(v);
        IORegistryEntry provider = v.parent(service);
        DriverBehavior b = behavior(behaviorClass(v));
        if (b != null && provider != null) {
            try {
                b.stop(new DriverInstanceContext(this, v, provider));
            } catch (RuntimeException ex) {
                log(SERVICE_STOP_FAILED, p, "class", v.className(), "reason", "stop threw " + ex);
            }
        }
        log(SERVICE_STOP, p, "class", v.className());
        userServers.serviceStop(v);
        adjustBusy(v, -1);
        interest.forget(v);
        matchDefer.forget(v);
        registry.detachAll(v, service);
        log(REGISTRY_DETACH, p, "class", v.className());
        IORegistryEntry rematch = rematchOnDetach.remove(v);
        if (rematch != null && rematch.state().active()) {
            // kIOServiceRematchOnDetach: the provider goes through matching again (DK8)
            scheduleMatching(rematch);
        }
    }

    void adjustBusy(IORegistryEntry e, int delta) {
        int n = Math.max(0, busy.getOrDefault(e, 0) + delta);
        busy.put(e, n);
        EntryState s = e.state();
        e.setState(new EntryState(true, s.registered(), s.matched(), s.active(), n, Math.max(0, s.busyTimeMs()),
                s.retainCount()));
        log(delta > 0 ? SERVICE_BUSY : SERVICE_IDLE, path(e), "busy", String.valueOf(n));
    }

    // ---------------------------------------------------------------------------------------------- journal

    /** Journals an event for an extension or a helper of this package (details as key, value pairs). */
    public void record(EventKind kind, String entry, String... kv) {
        log(kind, entry, kv);
    }

    /** The entry's IOService-plane path as the journal names it. */
    public String path(IORegistryEntry e) {
        return RegistryPath.pathOf(registry, e, service).orElse(e.name());
    }

    private void log(EventKind kind, String entry, String... kv) {
        Map<String, String> d = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            d.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        }
        journal.add(new JournalEvent(journal.size(), scheduler.now(), kind, entry, d));
    }
}
