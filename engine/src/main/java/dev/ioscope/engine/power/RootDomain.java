package dev.ioscope.engine.power;

import static dev.ioscope.engine.sim.JournalKind.POWER_ASSERTION_CREATE;
import static dev.ioscope.engine.sim.JournalKind.POWER_ASSERTION_RELEASE;
import static dev.ioscope.engine.sim.JournalKind.POWER_CLIENT_ACK;
import static dev.ioscope.engine.sim.JournalKind.POWER_CLIENT_ACK_TIMEOUT;
import static dev.ioscope.engine.sim.JournalKind.POWER_JOIN;
import static dev.ioscope.engine.sim.JournalKind.POWER_MESSAGE;
import static dev.ioscope.engine.sim.JournalKind.POWER_REQUEST;
import static dev.ioscope.engine.sim.JournalKind.POWER_SLEEP_CANCELLED;
import static dev.ioscope.engine.sim.JournalKind.POWER_SLEEP_INTEREST;
import static dev.ioscope.engine.sim.JournalKind.POWER_SLEEP_PREVENTED;
import static dev.ioscope.engine.sim.JournalKind.POWER_SYSTEM_ASLEEP;
import static dev.ioscope.engine.sim.JournalKind.POWER_SYSTEM_AWAKE;
import static dev.ioscope.engine.sim.JournalKind.POWER_SYSTEM_SLEEP;
import static dev.ioscope.engine.sim.JournalKind.POWER_SYSTEM_SLEEP_IGNORED;
import static dev.ioscope.engine.sim.JournalKind.POWER_SYSTEM_WAKE;
import static dev.ioscope.engine.sim.JournalKind.POWER_SYSTEM_WAKE_IGNORED;
import static dev.ioscope.engine.sim.JournalKind.POWER_VETO;

import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.ArrayList;
import java.util.List;

import static dev.ioscope.engine.power.IOPMPowerFlags.kIOPMPowerOn;
import static dev.ioscope.engine.power.IOPMPowerFlags.kIOPMRestart;
import static dev.ioscope.engine.power.IOPMPowerFlags.kIOPMRestartCapability;
import static dev.ioscope.engine.power.IOPMPowerFlags.kIOPMSleep;
import static dev.ioscope.engine.power.IOPMPowerFlags.kIOPMSleepCapability;

/**
 * IOPMrootDomain: the top of the power tree (IORootParent → IOPowerConnection → IOPMrootDomain, as ioreg's
 * IOPower plane shows) and system sleep/wake (IOPMrootDomain.cpp). Its four states are the root domain's
 * OFF, RESTART, SLEEP and ON; the children's power comes from its output (kIOPMPowerOn when ON, kIOPMSleep
 * when asleep).
 */
public final class RootDomain {
    public static final int OFF_STATE = 0;
    public static final int RESTART_STATE = 1;
    public static final int SLEEP_STATE = 2;
    public static final int ON_STATE = 3;
    /** How long a priority client's acknowledgement is waited for (IOServicePM.cpp kMaxTimeRequested: 30 s). */
    public static final long CLIENT_ACK_LIMIT_US = 30_000_000L;
    /** How long kIOMessageSystemWillSleep's answers are waited for on macOS (kWillSleepMaxTimeReq: 30 s). */
    public static final long WILL_SLEEP_LIMIT_US = 30_000_000L;

    /** IOPMrootDomain.cpp ourPowerStates (version 1; ON_POWER = kIOPMPowerOn). */
    public static final List<IOPMPowerState> STATES = List.of(
            IOPMPowerState.of(0, 0, 0),
            IOPMPowerState.of(kIOPMRestartCapability, kIOPMRestart, kIOPMPowerOn),
            IOPMPowerState.of(kIOPMSleepCapability, kIOPMSleep, kIOPMPowerOn),
            IOPMPowerState.of(kIOPMPowerOn, kIOPMPowerOn, kIOPMPowerOn));

    /** Where system sleep stands. */
    public enum SystemState { AWAKE, SLEEPING, ASLEEP, WAKING }

    private final PowerManager pm;
    final PowerNode node;
    private SystemState state = SystemState.AWAKE;
    private final List<SleepWakeClient> clients = new ArrayList<>();
    private final PMAssertions assertions = new PMAssertions();

    RootDomain(PowerManager pm) {
        this.pm = pm;
        IORegistryPlane svc = pm.registry.plane(IORegistryPlane.IOSERVICE);
        // a machine loaded from a snapshot already has its root domain (and, in IOPower, its IORootParent and
        // their IOPowerConnection): power management takes those over instead of making a second tree
        IORegistryEntry rd = pm.registry.entries().stream()
                .filter(e -> e.className().equals("IOPMrootDomain") && e.inPlane(svc)).findFirst().orElse(null);
        IORegistryEntry conn = rd == null ? null : rd.parent(pm.power);
        IORegistryEntry rootParent = conn == null ? null : conn.parent(pm.power);
        if (rd == null) {
            rd = pm.registry.createEntry("IOPMrootDomain", "IOPMrootDomain");
            rd.setState(new EntryState(true, true, true, true, 0, 0, -1));
            IORegistryEntry platform = pm.registry.root().children(svc).stream().findFirst()
                    .orElse(pm.registry.root());
            pm.registry.attach(rd, platform, svc);
        }
        boolean existingLink = rootParent != null && conn.className().equals("IOPowerConnection")
                && rootParent.className().equals("IORootParent");
        if (!existingLink) {
            rootParent = pm.registry.createEntry("IORootParent", "IORootParent");
            rootParent.setState(new EntryState(true, false, false, true, 0, 0, -1));
            pm.registry.attach(rootParent, pm.registry.root(), pm.power);
            pm.registry.attach(rootParent, rd, svc);   // as on a real Mac: IOPMrootDomain's client in IOService
        }
        PowerNode parentNode = pm.pmInit(rootParent);
        parentNode.table = PowerStateTable.validate("IORootParent", List.of(IOPMPowerState.of(0, 0, 0),
                IOPMPowerState.of(0, kIOPMPowerOn | kIOPMSleep | kIOPMRestart, 0)));
        parentNode.current = 1;
        node = pm.pmInit(rd);
        if (existingLink) {
            node.parent = parentNode;
            node.connection = conn;
            parentNode.children.add(node);
            pm.record(POWER_JOIN, node, "parent", parentNode.path, "existing", "true");
        } else {
            pm.joinPMtree(parentNode, node);
        }
    }

    /** Once the power manager knows its root domain: the system is running, so the root domain is already ON. */
    void start() {
        pm.registerPowerDriver(node, PowerStateTable.validate("IOPMrootDomain", STATES), PowerDriverModel.SYNCHRONOUS,
                ON_STATE);
    }

    public PowerNode node() {
        return node;
    }

    public SystemState systemState() {
        return state;
    }

    boolean sleeping() {
        return state == SystemState.SLEEPING || state == SystemState.ASLEEP;
    }

    /** registerPrioritySleepWakeInterest / registerSleepWakeInterest / an application's IORegisterForSystemPower. */
    public void registerInterest(SleepWakeClient c) {
        clients.add(c);
        pm.record(POWER_SLEEP_INTEREST, node, "client", c.name(), "interest", c.interest().word(), "symbol",
                c.interest().symbol());
    }

    /** createPMAssertion: the first assertion that keeps the system from idle sleep raises the driver desire. */
    public void createAssertion(String id, int bits, String owner, String description) {
        boolean wasPrevented = !assertions.idleSleepPreventers().isEmpty();
        assertions.create(new PMAssertions.Held(id, bits, owner, description));
        pm.record(POWER_ASSERTION_CREATE, node, "id", id, "bits", "0x" + Integer.toHexString(bits), "owner",
                owner, "description", description);
        if (!wasPrevented && !assertions.idleSleepPreventers().isEmpty()) {
            // updatePreventIdleSleepListInternal: changePowerStateWithTagTo(RUN, kCPSReasonIdleSleepPrevent)
            pm.record(POWER_REQUEST, node, "client", "driver", "state", String.valueOf(ON_STATE), "reason",
                    "kCPSReasonIdleSleepPrevent");
        }
    }

    /** releasePMAssertion: the last one gone drops the driver desire back to SLEEP (idle sleep allowed). */
    public void releaseAssertion(String id) {
        assertions.release(id);
        pm.record(POWER_ASSERTION_RELEASE, node, "id", id);
        if (assertions.idleSleepPreventers().isEmpty() && state == SystemState.AWAKE) {
            pm.record(POWER_REQUEST, node, "client", "driver", "state", String.valueOf(SLEEP_STATE), "reason",
                    "kCPSReasonIdleSleepAllow");
        }
    }

    /**
     * System sleep for {@code reason}, as IOServicePM's change machine runs it for the root domain: an idle sleep
     * first asks (askChangeDown: kIOMessageCanSystemSleep to application and general-interest clients; a veto
     * ends it with kIOMessageSystemWillNotSleep); a demand sleep asks no one. Then tellChangeDown1
     * (kIOMessageSystemWillSleep to application and general-interest clients, waiting for their
     * acknowledgements), tellChangeDown2 (the same to priority clients), and the root domain's own change to
     * SLEEP (interested drivers, then the power tree, leaves first, then its setPowerState). Rules PM13–PM16.
     */
    public void sleep(SleepReason reason) {
        if (state != SystemState.AWAKE) {
            pm.record(POWER_SYSTEM_SLEEP_IGNORED, node, "state", state.name(), "reason", reason.word());
            return;
        }
        pm.record(POWER_SYSTEM_SLEEP, node, "reason", reason.word(), "value", String.valueOf(reason.value()),
                "clients", String.valueOf(clients.size()));
        if (!reason.demand()) {
            List<PMAssertions.Held> preventers = assertions.idleSleepPreventers();
            if (!preventers.isEmpty()) {
                // checkSystemSleepAllowed / the prevent-idle-sleep list: idle sleep does not start
                pm.record(POWER_SLEEP_PREVENTED, node, "assertions", String.valueOf(preventers.size()), "first",
                        preventers.get(0).id(), "owner", preventers.get(0).owner());
                return;
            }
            List<SleepWakeClient> asked = of(SleepWakeClient.Interest.APP, SleepWakeClient.Interest.GENERAL);
            List<SleepWakeClient> vetoes = new ArrayList<>();
            for (SleepWakeClient c : asked) {
                message(c, PowerMessages.kIOMessageCanSystemSleep);
                if (c.veto()) {
                    vetoes.add(c);
                    pm.sim.record(POWER_VETO, at(c), "client", c.name(), "call", "cancelPowerChange", "message",
                            PowerMessages.kIOMessageCanSystemSleep.name());
                }
            }
            if (!vetoes.isEmpty()) {
                // tellNoChangeDown → kIOMessageSystemWillNotSleep to those that were asked
                for (SleepWakeClient c : asked) {
                    message(c, PowerMessages.kIOMessageSystemWillNotSleep);
                }
                pm.record(POWER_SLEEP_CANCELLED, node, "vetoes", String.valueOf(vetoes.size()), "first",
                        vetoes.get(0).name());
                return;
            }
        }
        state = SystemState.SLEEPING;
        long waitApps = tellWillSleep(of(SleepWakeClient.Interest.APP, SleepWakeClient.Interest.GENERAL),
                WILL_SLEEP_LIMIT_US);
        pm.clock.after(waitApps * 1000 + PowerManager.STEP_NS, "tellChangeDown2", () -> {
            long waitPriority = tellWillSleep(of(SleepWakeClient.Interest.PRIORITY), CLIENT_ACK_LIMIT_US);
            pm.clock.after(waitPriority * 1000 + PowerManager.STEP_NS, "root domain sleep", () -> {
                pm.record(POWER_REQUEST, node, "client", "system", "state", String.valueOf(SLEEP_STATE));
                pm.adjust(node);
                pm.whenSettled(() -> {
                    pm.stopIdleTimers();
                    state = SystemState.ASLEEP;
                    pm.record(POWER_SYSTEM_ASLEEP, node);
                });
            });
        });
    }

    /** kIOMessageSystemWillSleep to {@code to}; the longest wait for an acknowledgement, at most {@code limitUs}. */
    private long tellWillSleep(List<SleepWakeClient> to, long limitUs) {
        long waitUs = 0;
        String msg = PowerMessages.kIOMessageSystemWillSleep.name();
        for (SleepWakeClient c : to) {
            message(c, PowerMessages.kIOMessageSystemWillSleep);
            long ack = c.ackUs();
            if (ack > 0) {
                long at = Math.min(ack, limitUs);
                waitUs = Math.max(waitUs, at);
                pm.clock.after(at * 1000, "sleep ack " + c.name(), () -> {
                    if (ack > limitUs) {
                        // ackTimerTick: "tardy equates to approval" (cleanClientResponses logs the laggard)
                        pm.sim.record(POWER_CLIENT_ACK_TIMEOUT, at(c), "client", c.name(), "message", msg, "afterUs",
                                String.valueOf(at), "reason", "PM notification timeout");
                    } else {
                        pm.sim.record(POWER_CLIENT_ACK, at(c), "client", c.name(), "call", "allowPowerChange",
                                "message", msg, "afterUs", String.valueOf(at));
                    }
                });
            }
        }
        return waitUs;
    }

    /**
     * Wake: kIOMessageSystemWillPowerOn (tellClients: priority, then application, then general-interest clients),
     * the root domain back to ON, parents before children back to what their clients want, and once the tree
     * has settled kIOMessageSystemHasPoweredOn (tellChangeUp) to the same clients in the same order.
     */
    public void wake() {
        if (state != SystemState.ASLEEP) {
            pm.record(POWER_SYSTEM_WAKE_IGNORED, node, "state", state.name());
            return;
        }
        state = SystemState.WAKING;
        pm.record(POWER_SYSTEM_WAKE, node, "clients", String.valueOf(clients.size()));
        List<SleepWakeClient> all = of(SleepWakeClient.Interest.PRIORITY, SleepWakeClient.Interest.APP,
                SleepWakeClient.Interest.GENERAL);
        for (SleepWakeClient c : all) {
            message(c, PowerMessages.kIOMessageSystemWillPowerOn);
        }
        pm.record(POWER_REQUEST, node, "client", "system", "state", String.valueOf(ON_STATE));
        pm.adjust(node);
        pm.restartIdleTimers();
        pm.whenSettled(() -> {
            for (SleepWakeClient c : all) {
                message(c, PowerMessages.kIOMessageSystemHasPoweredOn);
            }
            state = SystemState.AWAKE;
            pm.record(POWER_SYSTEM_AWAKE, node);
        });
    }

    /** The clients of these interests, interest by interest, each in registration order (applyToInterested). */
    private List<SleepWakeClient> of(SleepWakeClient.Interest... interests) {
        List<SleepWakeClient> out = new ArrayList<>();
        for (SleepWakeClient.Interest i : interests) {
            for (SleepWakeClient c : clients) {
                if (c.interest() == i) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The journal entry of a client's event: the registering service, or the root domain for an application. */
    private String at(SleepWakeClient c) {
        return c.path() != null ? c.path() : node.path;
    }

    private void message(SleepWakeClient c, PowerMessages m) {
        pm.sim.record(POWER_MESSAGE, at(c), "client", c.name(), "interest", c.interest().word(), "message", m.name(),
                "value", m.hex());
    }
}
