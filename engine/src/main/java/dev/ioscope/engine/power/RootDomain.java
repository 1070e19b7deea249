package dev.ioscope.engine.power;

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
    /** How long a kernel client's acknowledgement is waited for (IOServicePM.cpp kMaxTimeRequested: 30 s). */
    public static final long CLIENT_ACK_LIMIT_US = 30_000_000L;

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
            pm.record("power.join", node, "parent", parentNode.path, "existing", "true");
        } else {
            pm.joinPMtree(parentNode, node);
        }
        // the system is running when the simulation starts: the root domain is already ON
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

    /** Clients of the system power messages: every service with a power driver, in registration order. */
    private List<PowerNode> clients() {
        List<PowerNode> out = new ArrayList<>();
        for (PowerNode n : pm.nodes()) {
            if (n != node && n.table != null && !n.entry.className().equals("IORootParent")) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * System sleep: kIOMessageCanSystemSleep to every client (one veto cancels: kIOMessageSystemWillNotSleep to
     * all), then kIOMessageSystemWillSleep and the wait for every acknowledgement, then the root domain goes to
     * SLEEP; the devices drop to the states its output still powers, children before parents.
     */
    public void sleep() {
        if (state != SystemState.AWAKE) {
            pm.record("power.system-sleep-ignored", node, "state", state.name());
            return;
        }
        List<PowerNode> clients = clients();
        pm.record("power.system-sleep", node, "clients", String.valueOf(clients.size()));
        List<PowerNode> vetoes = new ArrayList<>();
        for (PowerNode c : clients) {
            message(c, PowerMessages.kIOMessageCanSystemSleep);
            if (c.driver.vetoSleep()) {
                vetoes.add(c);
                pm.record("power.veto", c, "call", "cancelPowerChange", "message",
                        PowerMessages.kIOMessageCanSystemSleep.name());
            }
        }
        if (!vetoes.isEmpty()) {
            for (PowerNode c : clients) {
                message(c, PowerMessages.kIOMessageSystemWillNotSleep);
            }
            pm.record("power.sleep-cancelled", node, "vetoes", String.valueOf(vetoes.size()), "first",
                    vetoes.get(0).path);
            return;
        }
        state = SystemState.SLEEPING;
        long waitUs = 0;
        for (PowerNode c : clients) {
            message(c, PowerMessages.kIOMessageSystemWillSleep);
            long ack = c.driver.sleepAckUs();
            if (ack > 0) {
                long at = Math.min(ack, CLIENT_ACK_LIMIT_US);
                waitUs = Math.max(waitUs, at);
                String msg = PowerMessages.kIOMessageSystemWillSleep.name();
                pm.clock.after(at * 1000, "sleep ack " + c.path, () -> {
                    if (ack > CLIENT_ACK_LIMIT_US) {
                        // tardy equates to approval; XNU logs "PM priority notification timeout" (cleanClientResponses)
                        pm.record("power.client-ack-timeout", c, "message", msg, "afterUs", String.valueOf(at),
                                "reason", "PM priority notification timeout");
                    } else {
                        pm.record("power.client-ack", c, "message", msg, "afterUs", String.valueOf(at));
                    }
                });
            }
        }
        pm.clock.after(waitUs * 1000 + PowerManager.STEP_NS, "root domain sleep", () -> {
            pm.record("power.request", node, "client", "system", "state", String.valueOf(SLEEP_STATE));
            pm.adjust(node);
            pm.whenSettled(() -> {
                state = SystemState.ASLEEP;
                pm.record("power.system-asleep", node);
            });
        });
    }

    /**
     * Wake: kIOMessageSystemWillPowerOn to every client, the root domain back to ON, parents before children
     * back to what their clients want, and once the tree has settled kIOMessageSystemHasPoweredOn.
     */
    public void wake() {
        if (state != SystemState.ASLEEP) {
            pm.record("power.system-wake-ignored", node, "state", state.name());
            return;
        }
        state = SystemState.WAKING;
        List<PowerNode> clients = clients();
        pm.record("power.system-wake", node, "clients", String.valueOf(clients.size()));
        for (PowerNode c : clients) {
            message(c, PowerMessages.kIOMessageSystemWillPowerOn);
        }
        pm.record("power.request", node, "client", "system", "state", String.valueOf(ON_STATE));
        pm.adjust(node);
        pm.whenSettled(() -> {
            for (PowerNode c : clients()) {
                message(c, PowerMessages.kIOMessageSystemHasPoweredOn);
            }
            state = SystemState.AWAKE;
            pm.record("power.system-awake", node);
        });
    }

    private void message(PowerNode c, PowerMessages m) {
        pm.record("power.message", c, "message", m.name(), "value", m.hex());
    }
}
