package dev.ioscope.engine.power;

import static dev.ioscope.engine.sim.JournalKind.POWER_ERROR;
import static dev.ioscope.engine.sim.JournalKind.POWER_IDLE;
import static dev.ioscope.engine.sim.JournalKind.POWER_IDLE_END;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.Scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The power scenario actions (docs/scenarios.md "## Power"). A mistake in an action (unknown entry, bad table,
 * state out of range) is journaled as {@code power.error} and never stops the simulation.
 */
final class PowerActions {
    static final List<String> KINDS = List.of("power-register", "power-stop", "sleep", "wake", "idle", "tickle",
            "request", "sleep-interest", "power-clamp", "power-override", "assertion-create", "assertion-release");
    /** power-register arguments that are gone, with what replaced them. */
    private static final Map<String, String> GONE = Map.of(
            "idleTimerPeriodMs", "setIdleTimerPeriod takes seconds: give \"idleTimerPeriod\"",
            "vetoSleep", "sleep messages go to registered clients: use a \"sleep-interest\" action with \"veto\"",
            "sleepAckUs", "sleep messages go to registered clients: use a \"sleep-interest\" action with \"ackUs\"");

    private final PowerManager pm;

    PowerActions(PowerManager pm) {
        this.pm = pm;
    }

    void perform(Scenario.Action a) {
        try {
            switch (a.type()) {
                case "power-register" -> register(a);
                case "power-stop" -> pm.pmStop(managed(a));
                case "sleep" -> pm.rootDomain().sleep(SleepReason.of(a.arg("reason")));
                case "wake" -> pm.rootDomain().wake();
                case "idle" -> {
                    long ms = Long.parseLong(required(a, "ms"));
                    pm.record(POWER_IDLE, null, "ms", String.valueOf(ms));
                    pm.clock.after(ms * 1_000_000L, "idle end", () -> pm.record(POWER_IDLE_END, null, "ms",
                            String.valueOf(ms)));
                }
                case "tickle" -> {
                    PowerNode n = managed(a);
                    pm.activityTickle(n, a.arg("state") == null ? n.table.highest() : Integer.parseInt(a.arg("state")));
                }
                case "request" -> {
                    PowerNode n = managed(a);
                    String via = a.arg("via") == null ? "driver" : a.arg("via");
                    switch (via) {
                        case "driver" -> pm.changePowerStateTo(n, Integer.parseInt(required(a, "state")));
                        case "priv" -> pm.changePowerStateToPriv(n, Integer.parseInt(required(a, "state")));
                        case "usable" -> pm.makeUsable(n);
                        default -> throw new IllegalArgumentException("\"via\" is driver, priv or usable, not " + via);
                    }
                }
                case "sleep-interest" -> pm.rootDomain().registerInterest(new SleepWakeClient(required(a, "client"),
                        a.arg("path") == null ? null : pm.sim.path(entryAt(a.arg("path"))),
                        SleepWakeClient.Interest.of(required(a, "interest")), Boolean.parseBoolean(a.arg("veto")),
                        num(a, "ackUs", 0)));
                case "power-clamp" -> pm.temporaryPowerClampOn(managed(a));
                case "power-override" -> pm.powerOverride(managed(a), Boolean.parseBoolean(required(a, "on")));
                case "assertion-create" -> pm.rootDomain().createAssertion(required(a, "id"),
                        PMAssertions.bits(a.arg("bits") == null ? "kIOPMDriverAssertionPreventSystemIdleSleepBit"
                                : a.arg("bits")), pm.sim.path(entry(a)),
                        a.arg("description") == null ? "" : a.arg("description"));
                case "assertion-release" -> pm.rootDomain().releaseAssertion(required(a, "id"));
                default -> throw new IllegalArgumentException("unknown power action");
            }
        } catch (RuntimeException e) {
            pm.record(POWER_ERROR, null, "action", a.type(), "reason", String.valueOf(e.getMessage()));
        }
    }

    /** PMinit + joinPMtree + registerPowerDriver (+ changePowerStateTo, setIdleTimerPeriod, interested drivers). */
    private void register(Scenario.Action a) {
        IORegistryEntry e = entry(a);
        required(a, "states");
        for (Map.Entry<String, String> g : GONE.entrySet()) {
            if (a.arg(g.getKey()) != null) {
                throw new IllegalArgumentException("\"" + g.getKey() + "\" is no longer read: " + g.getValue());
            }
        }
        List<IOPMPowerState> states = states(a.args().get("states"));
        PowerStateTable.validate(e.className(), states);   // refuse before the service joins the tree
        PowerNode n = pm.pmInit(e);
        if (n.parent == null) {
            PowerNode parent = a.arg("parent") != null ? pm.node(entryAt(a.arg("parent")))
                    : nearestManagedProvider(e);
            if (parent == null) {
                throw new IllegalArgumentException("power parent " + a.arg("parent") + " is not power-managed");
            }
            pm.joinPMtree(parent, n);
        }
        PowerDriverModel model = new PowerDriverModel(num(a, "setPowerStateUs", 0), num(a, "ackUs", 0));
        if (a.arg("interested") != null) {
            for (String d : a.arg("interested").split(",")) {
                pm.registerInterestedDriver(n, InterestedDriver.parse(d));
            }
        }
        pm.registerPowerDriver(n, states, model);
        // what the driver does after registerPowerDriver in its start(): these requests queue behind the initial
        // power change (IOServicePM's request queue), so they take effect after it
        if (a.arg("desire") != null) {
            pm.changePowerStateTo(n, Integer.parseInt(a.arg("desire")));
        }
        if (a.arg("idleTimerPeriod") != null) {
            pm.setIdleTimerPeriod(n, Long.parseLong(a.arg("idleTimerPeriod")));
        }
    }

    /** The nearest IOService-plane provider with power management, else the root domain. */
    private PowerNode nearestManagedProvider(IORegistryEntry e) {
        IORegistryPlane svc = pm.registry.plane(IORegistryPlane.IOSERVICE);
        for (IORegistryEntry p = e.parent(svc); p != null; p = p.parent(svc)) {
            PowerNode n = pm.node(p);
            if (n != null && n.table != null) {
                return n;
            }
        }
        return pm.rootDomain().node;
    }

    /**
     * {@code [{"capabilityFlags": 0, "outputPowerCharacter": 0, "inputPowerRequirement": 0}, ...]}: the JSON node
     * the scenario read (a scenario file's arrays stay nodes), or JSON text.
     */
    static List<IOPMPowerState> states(Object json) {
        JsonNode arr;
        if (json instanceof JsonNode j) {
            arr = j;
        } else {
            try {
                arr = new ObjectMapper().readTree(String.valueOf(json));
            } catch (IOException ex) {
                throw new IllegalArgumentException("\"states\" is not JSON: " + ex.getMessage(), ex);
            }
        }
        if (arr == null || !arr.isArray()) {
            throw new IllegalArgumentException("\"states\" is an array of power states");
        }
        List<IOPMPowerState> out = new ArrayList<>();
        for (JsonNode s : arr) {
            out.add(new IOPMPowerState((int) field(s, "version", 1), (int) field(s, "capabilityFlags", 0),
                    (int) field(s, "outputPowerCharacter", 0), (int) field(s, "inputPowerRequirement", 0),
                    field(s, "staticPower", 0), field(s, "stateOrder", out.size()), 0, 0,
                    field(s, "settleUpTime", 0), 0, field(s, "settleDownTime", 0), 0));
        }
        return out;
    }

    /** A number, or flag names joined with '|' (kIOPMPowerOn|kIOPMDeviceUsable). */
    private static long field(JsonNode s, String name, long dflt) {
        JsonNode v = s.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isIntegralNumber()) {
            if (v.asLong() < 0) {
                // IOPMPowerState's fields are unsigned: a negative number cannot reach registerPowerDriver
                throw new IllegalArgumentException(name + ": " + v.asLong() + " is negative (IOPMPowerState's "
                        + "fields are unsigned)");
            }
            return v.asLong();
        }
        long bits = 0;
        for (String part : v.asText().split("\\|")) {
            String p = part.trim();
            Integer f = IOPMPowerFlags.byName(p);
            if (f != null) {
                bits |= f;
            } else {
                try {
                    bits |= Long.decode(p);
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(name + ": unknown flag " + p);
                }
            }
        }
        return bits;
    }

    private static long num(Scenario.Action a, String name, long dflt) {
        return a.arg(name) == null ? dflt : Long.parseLong(a.arg(name));
    }

    private static String required(Scenario.Action a, String name) {
        String v = a.arg(name);
        if (v == null) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        return v;
    }

    private IORegistryEntry entry(Scenario.Action a) {
        return entryAt(required(a, "path"));
    }

    private IORegistryEntry entryAt(String path) {
        IORegistryEntry e = pm.sim.resolve(path);
        if (e == null) {
            throw new IllegalArgumentException("no entry at " + path);
        }
        return e;
    }

    private PowerNode managed(Scenario.Action a) {
        PowerNode n = pm.node(entry(a));
        if (n == null || n.table == null) {
            throw new IllegalArgumentException(a.arg("path") + " has no power driver");
        }
        return n;
    }
}
