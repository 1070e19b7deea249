package dev.ioscope.engine.power;

import static dev.ioscope.engine.journal.JournalKind.POWER_ERROR;
import static dev.ioscope.engine.journal.JournalKind.POWER_IDLE;
import static dev.ioscope.engine.journal.JournalKind.POWER_IDLE_END;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.power.PowerAction.AssertionCreate;
import dev.ioscope.engine.power.PowerAction.AssertionRelease;
import dev.ioscope.engine.power.PowerAction.Idle;
import dev.ioscope.engine.power.PowerAction.PowerClamp;
import dev.ioscope.engine.power.PowerAction.PowerOverride;
import dev.ioscope.engine.power.PowerAction.PowerRegister;
import dev.ioscope.engine.power.PowerAction.PowerStop;
import dev.ioscope.engine.power.PowerAction.Request;
import dev.ioscope.engine.power.PowerAction.Sleep;
import dev.ioscope.engine.power.PowerAction.SleepInterest;
import dev.ioscope.engine.power.PowerAction.Tickle;
import dev.ioscope.engine.power.PowerAction.Wake;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.ScenarioAction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The power scenario actions (docs/scenarios.md "## Power"). A mistake in an action (unknown entry, bad table,
 * state out of range) is journaled as {@code power.error} and never stops the simulation.
 */
final class PowerActions {
    /** power-register fields that are gone, with what replaced them. */
    private static final List<String> GONE = List.of(
            "idleTimerPeriodMs", "setIdleTimerPeriod takes seconds: give \"idleTimerPeriod\"",
            "vetoSleep", "sleep messages go to registered clients: use a \"sleep-interest\" action with \"veto\"",
            "sleepAckUs", "sleep messages go to registered clients: use a \"sleep-interest\" action with \"ackUs\"");

    private final PowerManager pm;

    PowerActions(PowerManager pm) {
        this.pm = pm;
    }

    void perform(Scenario.Action a) {
        try {
            ScenarioAction op = a.op();
            if (op instanceof PowerRegister r) {
                register(r);
            } else if (op instanceof PowerStop s) {
                pm.pmStop(managed(s.path()));
            } else if (op instanceof Sleep s) {
                pm.rootDomain().sleep(SleepReason.of(s.reason()));
            } else if (op instanceof Wake) {
                pm.rootDomain().wake();
            } else if (op instanceof Idle i) {
                long ms = Long.parseLong(required(i.ms(), "ms"));
                pm.record(POWER_IDLE, null, "ms", String.valueOf(ms));
                pm.clock.after(ms * 1_000_000L, "idle end", () -> pm.record(POWER_IDLE_END, null, "ms",
                        String.valueOf(ms)));
            } else if (op instanceof Tickle t) {
                PowerNode n = managed(t.path());
                pm.activityTickle(n, t.state() == null ? n.table.highest() : Long.parseLong(t.state().text()));
            } else if (op instanceof Request r) {
                request(r);
            } else if (op instanceof SleepInterest i) {
                pm.rootDomain().registerInterest(new SleepWakeClient(required(i.client(), "client"),
                        i.path() == null ? null : pm.sim.path(entryAt(i.path())),
                        SleepWakeClient.Interest.of(required(i.interest(), "interest")), flag(i.veto()),
                        num(i.ackUs(), 0)));
            } else if (op instanceof PowerClamp c) {
                pm.temporaryPowerClampOn(managed(c.path()));
            } else if (op instanceof PowerOverride o) {
                pm.powerOverride(managed(o.path()), Boolean.parseBoolean(required(o.on(), "on")));
            } else if (op instanceof AssertionCreate c) {
                pm.rootDomain().createAssertion(required(c.id(), "id"),
                        PMAssertions.bits(c.bits() == null ? "kIOPMDriverAssertionPreventSystemIdleSleepBit"
                                : c.bits().text()), pm.sim.path(entryAt(required(c.path(), "path"))),
                        c.description() == null ? "" : c.description());
            } else if (op instanceof AssertionRelease r) {
                pm.rootDomain().releaseAssertion(required(r.id(), "id"));
            } else {
                throw new IllegalArgumentException("unknown power action");
            }
        } catch (RuntimeException e) {
            pm.record(POWER_ERROR, null, "action", a.type(), "reason", String.valueOf(e.getMessage()));
        }
    }

    /** A power client's desire: changePowerStateTo, changePowerStateToPriv or makeUsable. */
    private void request(Request r) {
        PowerNode n = managed(r.path());
        String via = r.via() == null ? "driver" : r.via();
        switch (via) {
            case "driver" -> pm.changePowerStateTo(n, Long.parseLong(required(r.state(), "state")));
            case "priv" -> pm.changePowerStateToPriv(n, Long.parseLong(required(r.state(), "state")));
            case "usable" -> pm.makeUsable(n);
            default -> throw new IllegalArgumentException("\"via\" is driver, priv or usable, not " + via);
        }
    }

    /** PMinit + joinPMtree + registerPowerDriver (+ changePowerStateTo, setIdleTimerPeriod, interested drivers). */
    private void register(PowerRegister a) {
        IORegistryEntry e = entryAt(required(a.path(), "path"));
        required(a.states(), "states");
        List<JsonValue> gone = Arrays.asList(a.idleTimerPeriodMs(), a.vetoSleep(), a.sleepAckUs());
        for (int i = 0; i < gone.size(); i++) {
            if (gone.get(i) != null) {
                throw new IllegalArgumentException("\"" + GONE.get(2 * i) + "\" is no longer read: "
                        + GONE.get(2 * i + 1));
            }
        }
        List<IOPMPowerState> states = states(a.states().json());
        PowerStateTable.validate(e.className(), states);   // refuse before the service joins the tree
        PowerNode n = pm.pmInit(e);
        if (n.parent == null) {
            PowerNode parent = a.parent() != null ? pm.node(entryAt(a.parent())) : nearestManagedProvider(e);
            if (parent == null) {
                throw new IllegalArgumentException("power parent " + a.parent() + " is not power-managed");
            }
            pm.joinPMtree(parent, n);
        }
        PowerDriverModel model = new PowerDriverModel(num(a.setPowerStateUs(), 0), num(a.ackUs(), 0));
        if (a.interested() != null) {
            for (String d : a.interested().split(",")) {
                pm.registerInterestedDriver(n, InterestedDriver.parse(d));
            }
        }
        pm.registerPowerDriver(n, states, model);
        // what the driver does after registerPowerDriver in its start(): these requests queue behind the initial
        // power change (IOServicePM's request queue), so they take effect after it
        if (a.desire() != null) {
            pm.changePowerStateTo(n, Long.parseLong(a.desire().text()));
        }
        if (a.idleTimerPeriod() != null) {
            pm.setIdleTimerPeriod(n, Long.parseLong(a.idleTimerPeriod().text()));
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

    private static long num(JsonValue v, long dflt) {
        return v == null ? dflt : Long.parseLong(v.text());
    }

    private static boolean flag(JsonValue v) {
        return v != null && Boolean.parseBoolean(v.text());
    }

    private static String required(Object v, String name) {
        if (v == null) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        return v.toString();
    }

    private IORegistryEntry entryAt(String path) {
        IORegistryEntry e = pm.sim.resolve(path);
        if (e == null) {
            throw new IllegalArgumentException("no entry at " + path);
        }
        return e;
    }

    private PowerNode managed(String path) {
        PowerNode n = pm.node(entryAt(required(path, "path")));
        if (n == null || n.table == null) {
            throw new IllegalArgumentException(path + " has no power driver");
        }
        return n;
    }
}
