package dev.ioscope.engine.power;

import static dev.ioscope.engine.journal.JournalKind.POWER_CLAMP;
import static dev.ioscope.engine.journal.JournalKind.POWER_INIT;
import static dev.ioscope.engine.journal.JournalKind.POWER_INTEREST;
import static dev.ioscope.engine.journal.JournalKind.POWER_JOIN;
import static dev.ioscope.engine.journal.JournalKind.POWER_OVERRIDE;
import static dev.ioscope.engine.journal.JournalKind.POWER_REGISTER_DRIVER;
import static dev.ioscope.engine.journal.JournalKind.POWER_REGISTER_DRIVER_IGNORED;
import static dev.ioscope.engine.journal.JournalKind.POWER_REQUEST;
import static dev.ioscope.engine.journal.JournalKind.POWER_STOP;

import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.journal.EventKind;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Scheduler;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * I/O Kit power management (IOServicePM.cpp) on the simulation's virtual clock: the power tree in the IOPower
 * plane, power clients' desires, the per-service state-change machine and idle timers. Rules and their XNU
 * sources are in docs/iokit-rules.md "## Power management"; journal kinds in docs/scenarios.md "## Power".
 */
public final class PowerManager implements SimulationExtension.Instance {
    /** I/O Kit's ack timer period (IOServicePMPrivate.h ACK_TIMER_PERIOD): 100 ms. */
    public static final long ACK_TIMER_PERIOD_NS = 100_000_000L;
    /** IOServicePM.cpp kMinAckTimeoutTicks: a driver's time budget is at least 10 s (in µs, despite the name). */
    public static final long MIN_ACK_TIMEOUT_US = 10_000_000L;
    /** Virtual time one PM step (a notification round, a state change without settle time) takes. */
    static final long STEP_NS = 1_000;

    final Simulation sim;
    final Scheduler clock;
    final IORegistry registry;
    final IORegistryPlane power;
    private final Map<IORegistryEntry, PowerNode> nodes = new IdentityHashMap<>();
    private final List<PowerNode> order = new ArrayList<>();
    private final List<Runnable> whenSettled = new ArrayList<>();
    private final PowerActions actions = new PowerActions(this);
    private final IdleTimer idle = new IdleTimer(this);
    private int activeChanges;
    private RootDomain root;

    PowerManager(Simulation sim) {
        this.sim = sim;
        this.clock = sim.scheduler();
        this.registry = sim.registry();
        this.power = registry.plane("IOPower");
    }

    @Override
    public void perform(Scenario.Action action) {
        actions.perform(action);
    }

    /** The root domain (IOPMrootDomain), created with its IORootParent the first time power management is used. */
    public RootDomain rootDomain() {
        if (root == null) {
            root = new RootDomain(this);
            root.start();
        }
        return root;
    }

    public PowerNode node(IORegistryEntry e) {
        return nodes.get(e);
    }

    /** Power-managed services in PMinit order. */
    public List<PowerNode> nodes() {
        return List.copyOf(order);
    }

    /** Changes in progress anywhere in the tree. */
    public int activeChanges() {
        return activeChanges;
    }

    // ------------------------------------------------------------------------------------------------ joining

    /** PMinit: the service gets its power management state (no driver, no parent yet). */
    public PowerNode pmInit(IORegistryEntry e) {
        PowerNode n = nodes.get(e);
        if (n == null) {
            n = new PowerNode(e, sim.path(e));
            nodes.put(e, n);
            order.add(n);
            record(POWER_INIT, n);
        }
        return n;
    }

    /**
     * joinPMtree: {@code child} becomes a power child of {@code parent}. As in the real registry, the link is an
     * IOPowerConnection entry: parent → IOPowerConnection → child in the IOPower plane.
     */
    public void joinPMtree(PowerNode parent, PowerNode child) {
        if (child.parent != null) {
            throw new IllegalStateException(child.path + " is already in the power tree");
        }
        // a snapshot's entry may still hang in the IOPower plane as the machine had it: that link is replaced
        for (IORegistryEntry old : List.copyOf(child.entry.parents(power))) {
            registry.detach(child.entry, old, power);
            if (old.className().equals("IOPowerConnection") && old.children(power).isEmpty()) {
                registry.remove(old);
            }
        }
        IORegistryEntry conn = registry.createEntry("IOPowerConnection", "IOPowerConnection");
        conn.setState(new EntryState(true, false, false, true, 0, 0, -1));
        registry.attach(conn, parent.entry, power);
        registry.attach(child.entry, conn, power);
        child.parent = parent;
        child.connection = conn;
        parent.children.add(child);
        record(POWER_JOIN, child, "parent", parent.path);
        publish(parent);
    }

    /**
     * registerPowerDriver (rule PM1, PM6): checks the table (PowerStateTable.validate, throws PowerTableException);
     * a second registration is ignored (handleRegisterPowerDriver: kPMLogControllingDriverErr2). Then the initial
     * power change, which always happens: from state 0 to the highest of its clients' desires and
     * initialPowerStateForDomainState (the highest state the parent's output powers).
     */
    public void registerPowerDriver(PowerNode n, List<IOPMPowerState> states, PowerDriverModel model) {
        PowerStateTable t = PowerStateTable.validate(n.entry.className(), states);
        if (n.table != null) {
            record(POWER_REGISTER_DRIVER_IGNORED, n, "states", String.valueOf(t.count()));
            return;
        }
        n.initialChangePending = true;
        registerPowerDriver(n, t, model, 0);
    }

    /** registerPowerDriver for a service already in {@code initial} (the root domain of a running system). */
    void registerPowerDriver(PowerNode n, PowerStateTable t, PowerDriverModel model, int initial) {
        n.table = t;
        n.driver = model;
        n.current = initial;
        record(POWER_REGISTER_DRIVER, n, "states", String.valueOf(t.count()), "initial",
                String.valueOf(n.current));
        publish(n);
        request(n);
    }

    /** PMstop: the service leaves the power tree; its parent may then lower, its children lose their parent. */
    public void pmStop(PowerNode n) {
        record(POWER_STOP, n);
        PowerNode parent = n.parent;
        if (parent != null) {
            parent.children.remove(n);
            registry.detach(n.entry, n.connection, power);
            registry.remove(n.connection);
            n.parent = null;
        }
        for (PowerNode c : List.copyOf(n.children)) {
            registry.detach(c.entry, c.connection, power);
            registry.remove(c.connection);
            c.parent = null;
        }
        n.children.clear();
        n.table = null;
        n.idleGeneration++;
        n.entry.removeProperty("IOPowerManagement");
        nodes.remove(n.entry);
        order.remove(n);
        if (parent != null) {
            request(parent);
            proceedIfChildrenReady(parent);
        }
    }

    /** registerInterestedDriver: the named driver gets powerStateWillChangeTo / powerStateDidChangeTo. */
    public void registerInterestedDriver(PowerNode n, InterestedDriver driver) {
        n.interested.add(driver);
        record(POWER_INTEREST, n, "driver", driver.name());
    }

    /**
     * The ack timer's limit for a budget of {@code budgetUs} (notifyControllingDriverDone,
     * notifyInterestedDriversDone): the budget is raised to kMinAckTimeoutTicks (10 s) when below it, then
     * budget / 100 000 + 1 ticks of 100 ms (rule PM7).
     */
    static long ackTimeoutNs(long budgetUs) {
        long us = Math.max(budgetUs, MIN_ACK_TIMEOUT_US);
        return (us / (ACK_TIMER_PERIOD_NS / 1000) + 1) * ACK_TIMER_PERIOD_NS;
    }

    // ------------------------------------------------------------------------------------------------ requests

    /** changePowerStateTo: the driver's own desire (kPowerClientDriver). */
    public void changePowerStateTo(PowerNode n, long state) {
        n.driverDesire = PowerOrdinals.requested(n, state);
        n.ticklePowerState = -1;
        recordRequest(n, "driver", n.driverDesire, state);
        request(n);
    }

    /** changePowerStateToPriv: the device's desire (kPowerClientDevice), which the idle timer lowers. */
    public void changePowerStateToPriv(PowerNode n, long state) {
        n.deviceDesire = PowerOrdinals.requested(n, state);
        n.ticklePowerState = -1;
        recordRequest(n, "device", n.deviceDesire, state);
        request(n);
    }

    private void recordRequest(PowerNode n, String client, int state, long asked) {
        if (asked == state) {
            record(POWER_REQUEST, n, "client", client, "state", String.valueOf(state));
        } else {
            record(POWER_REQUEST, n, "client", client, "state", String.valueOf(state), "ordinal",
                    String.valueOf(asked));
        }
    }

    /** makeUsable: the device's desire becomes its highest state. */
    public void makeUsable(PowerNode n) {
        PowerOrdinals.checked(n, 0);
        n.deviceDesire = n.table.highest();
        n.ticklePowerState = -1;
        record(POWER_REQUEST, n, "client", "device", "state", String.valueOf(n.deviceDesire), "via", "makeUsable");
        request(n);
    }

    /**
     * activityTickle(kIOPMSuperclassPolicy1, state): records activity for the idle timer and raises the device
     * desire to {@code state} when it is lower. True when the device is already in that state or higher.
     */
    public boolean activityTickle(PowerNode n, long state) {
        PowerOrdinals.checked(n, 0);
        if (state < 0 || state > PowerOrdinals.UINT_MAX) {
            throw new IllegalArgumentException(n.path + ": activityTickle(" + state + ") — not an unsigned long"
                    + " power state");
        }
        return idle.tickle(n, (int) Math.min(state, Integer.MAX_VALUE));
    }

    /** setIdleTimerPeriod (seconds): each period without a tickle lowers the device desire by one state. */
    public void setIdleTimerPeriod(PowerNode n, long seconds) {
        PowerOrdinals.checked(n, 0);
        idle.setPeriod(n, seconds);
    }

    /**
     * temporaryPowerClampOn: requestPowerState(gIOPMPowerClientChildProxy, kIOPMPowerStateMax) — the service is
     * held at its highest state until a power child has asked for power (then the proxy is ignored). Rule PM10.
     */
    public void temporaryPowerClampOn(PowerNode n) {
        n.childProxyDesire = PowerOrdinals.checked(n, n.table.highest());
        record(POWER_REQUEST, n, "client", "childProxy", "state", String.valueOf(n.childProxyDesire), "via",
                "temporaryPowerClampOn");
        request(n);
    }

    /**
     * powerOverrideOnPriv / powerOverrideOffPriv: while on, the driver's and the children's desires are ignored
     * (computeDesiredState), so only the device desire (and the clamps) count. Rule PM11.
     */
    public void powerOverride(PowerNode n, boolean on) {
        PowerOrdinals.checked(n, 0);
        n.overrideOn = on;
        record(POWER_OVERRIDE, n, "call", on ? "powerOverrideOnPriv" : "powerOverrideOffPriv");
        adjust(n);
    }

    // ------------------------------------------------------------------------------------------------ desires

    /**
     * The state the service's clients ask for, before the parent's limit (computeDesiredState, rule PM5): the
     * highest of the device, driver, children (when a child has asked) and child-proxy (when none has) clients,
     * the driver and children not counted while the override is on; before the initial change also
     * initialPowerStateForDomainState, the highest state the parent's output powers (rule PM6). No request at
     * all is 0: a service that asks for nothing follows its children down.
     */
    int desired(PowerNode n) {
        if (n == rootNodeOrNull()) {
            // the system's desire: SLEEP while sleeping, whatever the children want; ON otherwise
            return root.sleeping() ? RootDomain.SLEEP_STATE : RootDomain.ON_STATE;
        }
        PowerStateTable t = n.table;
        int d = higher(t, 0, n.deviceDesire);
        boolean hasChildren = hasRequestingChildren(n);
        if (!n.overrideOn) {
            d = higher(t, d, n.driverDesire);
            if (hasChildren) {
                d = higher(t, d, childrenDesire(n));
            }
        }
        if (!hasChildren) {
            d = higher(t, d, n.childProxyDesire);
        }
        if (n.initialChangePending) {
            d = higher(t, d, n.parent == null || n.parent.table == null ? t.highest()
                    : t.limit(t.highest(), n.parent.supply()));
        }
        return d;
    }

    /** StateMax over a client's desire; -1 is a client that has not asked. */
    private static int higher(PowerStateTable t, int d, int desire) {
        return desire < 0 ? d : t.max(d, desire);
    }

    private static boolean hasRequestingChildren(PowerNode n) {
        for (PowerNode c : n.children) {
            if (c.table != null) {
                return true;
            }
        }
        return false;
    }

    /** ChildrenPowerState: the lowest state whose output powers what every child wants. */
    int childrenDesire(PowerNode n) {
        int d = 0;
        for (PowerNode c : n.children) {
            if (c.table != null) {
                d = n.table.max(d, n.table.lowestSupplying(c.requirement(c.domainRequest)));
            }
        }
        return d;
    }

    /** ParentChangeStart on a rise: only a child that wants more than it has follows its parent up. */
    private boolean wantsToRise(PowerNode c) {
        return c.table.above(c.table.limit(desired(c), c.parent.supply()), c.current);
    }

    private PowerNode rootNodeOrNull() {
        return root == null ? null : root.node;
    }

    /**
     * A desire changed. OurChangeStart: a service that wants more than it has asks its parent first
     * (requestDomainPower), so the parents rise before it; a lower desire reaches the parent only when the
     * service's own change is done (all_done).
     */
    void request(PowerNode n) {
        if (n.table != null && n.parent != null && n.parent.table != null) {
            int want = desired(n);
            if (n.table.above(want, n.current) && want != n.domainRequest) {
                n.domainRequest = want;
                request(n.parent);
            }
        }
        adjust(n);
    }

    /** Starts a change towards what the clients want within the parent's limit, unless one is in progress. */
    void adjust(PowerNode n) {
        if (n.table == null) {
            return;
        }
        if (n.changing()) {
            n.readjust = true;
            return;
        }
        idle.desireComputed(n);
        int want = desired(n);
        int to = n.parent == null || n.parent.table == null ? want : n.table.limit(want, n.parent.supply());
        int clampKey = n.table.above(want, to) ? want * 1000 + to : -1;
        if (clampKey != n.lastClamp) {
            n.lastClamp = clampKey;   // journal a clamp when it starts or changes, not at every re-evaluation
        } else {
            clampKey = -1;
        }
        if (clampKey >= 0) {
            record(POWER_CLAMP, n, "desired", String.valueOf(want), "allowed", String.valueOf(to),
                    "parent", n.parent.path);
        }
        publish(n);
        if (to != n.current || n.initialChangePending) {
            // OurChangeStart: a redundant change is skipped, except the initial one (fInitialPowerChange)
            new StateChange(this, n, to).begin();
        } else if (n.parent != null) {
            proceedIfChildrenReady(n.parent);
        }
    }

    // ------------------------------------------------------------------------------------------------ machine hooks

    /** ParentChangeRootChangeDown: every idle timer stops before the root domain powers down. */
    void stopIdleTimers() {
        for (PowerNode n : order) {
            if (n.idlePeriodS > 0) {
                idle.stop(n);
            }
        }
    }

    /** ParentChangeStart on the root domain's change up: the idle timers stopped for sleep start again. */
    void restartIdleTimers() {
        for (PowerNode n : order) {
            if (n.idlePeriodS > 0) {
                idle.restart(n);
            }
        }
    }

    void changeStarted() {
        activeChanges++;
    }

    /**
     * After a change (all_done): requests made meanwhile are served now (XNU queues them); children may rise
     * (powerDomainDidChangeTo: a child rises towards its desire, never lowers, rule PM8); the parent hears the
     * new state (requestDomainPower) and may lower; a waiting parent may go on.
     */
    void changeFinished(PowerNode n, boolean selfInitiated) {
        activeChanges--;
        if (selfInitiated) {
            n.domainRequest = n.current;   // all_done: "we changed, tell our parent"
        }
        n.initialChangePending = false;
        publish(n);
        boolean unpowered = n.parent != null && n.parent.table != null
                && !n.table.get(n.current).poweredBy(n.parent.supply());
        if (n.readjust || unpowered) {
            n.readjust = false;
            request(n);   // a request queued during the change: a rise asks the parent again
        }
        for (PowerNode c : List.copyOf(n.children)) {
            if (c.table != null && !c.changing() && (c.initialChangePending || wantsToRise(c))) {
                adjust(c);
            }
        }
        if (n.parent != null && n.parent.table != null) {
            adjust(n.parent);
            proceedIfChildrenReady(n.parent);
        }
        idle.changeDone(n);
        if (activeChanges == 0 && !whenSettled.isEmpty()) {
            List<Runnable> due = List.copyOf(whenSettled);
            whenSettled.clear();
            clock.after(STEP_NS, "power settled", () -> due.forEach(Runnable::run));
        }
    }

    /** Runs {@code r} once no power change is in progress anywhere. */
    void whenSettled(Runnable r) {
        if (activeChanges == 0) {
            clock.after(STEP_NS, "power settled", r);
        } else {
            whenSettled.add(r);
        }
    }

    /** A lowering parent waits for its children; this lets it go on once they all fit its new output. */
    void proceedIfChildrenReady(PowerNode parent) {
        StateChange waiting = parent.waitingChange;
        if (waiting != null && childrenFit(parent)) {
            parent.waitingChange = null;
            waiting.childrenReady();
        }
    }

    boolean childrenFit(PowerNode parent) {
        for (PowerNode c : parent.children) {
            // a child already at state 0 cannot go lower: it does not hold its parent up
            if (c.table != null && (c.changing() || c.table.order(c.current) > 0
                    && !c.table.get(c.current).poweredBy(parent.supply()))) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the IOPowerManagement property up to date (PowerProperties). */
    void publish(PowerNode n) {
        PowerProperties.publish(this, n);
    }

    void record(EventKind kind, PowerNode n, String... kv) {
        sim.record(kind, n == null ? "" : n.path, kv);
    }
}
