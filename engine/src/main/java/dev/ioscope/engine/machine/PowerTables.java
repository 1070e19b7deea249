package dev.ioscope.engine.machine;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.power.IOPMPowerState;
import dev.ioscope.engine.power.PowerDriverModel;
import dev.ioscope.engine.power.PowerManager;
import dev.ioscope.engine.power.PowerNode;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.Simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * Families' "power" tables ({@code FamilyContext.table("power", class, table)}): an OSArray of power states, each
 * a dictionary with {@code capabilityFlags}, {@code outputPowerCharacter}, {@code inputPowerRequirement} (the
 * IOPMPowerState fields the power tree uses; docs/plugins.md). A driver of such a class does what a real one
 * does in start(): PMinit, joinPMtree under its nearest power-managed provider (or the root domain), and
 * registerPowerDriver — so it appears in the IOPower plane.
 */
final class PowerTables {
    private PowerTables() {
    }

    /** Parses a table; IllegalArgumentException naming the state and field when it is malformed. */
    static List<IOPMPowerState> parse(String cls, OSObject table) {
        if (!(table instanceof OSArray a) || a.size() == 0) {
            throw new IllegalArgumentException(cls + ": a power table is a non-empty array of states");
        }
        List<IOPMPowerState> states = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof OSDictionary d)) {
                throw new IllegalArgumentException(cls + ": power state " + i + " is not a dictionary");
            }
            states.add(IOPMPowerState.of(field(cls, i, d, "capabilityFlags"), field(cls, i, d, "outputPowerCharacter"),
                    field(cls, i, d, "inputPowerRequirement")));
        }
        return states;
    }

    private static int field(String cls, int i, OSDictionary d, String key) {
        if (!(d.get(key) instanceof OSNumber n)) {
            throw new IllegalArgumentException(cls + ": power state " + i + " has no number " + key);
        }
        return (int) n.value();
    }

    /** The driver joins the power tree; false (and nothing done) when power management is not installed. */
    static boolean join(Simulation sim, IORegistryEntry driver, List<IOPMPowerState> states,
                        PowerDriverModel.SetPowerState code) {
        PowerManager pm = sim.extension(PowerManager.class);
        if (pm == null) {
            return false;
        }
        IORegistryPlane service = sim.registry().plane(IORegistryPlane.IOSERVICE);
        PowerNode parent = null;
        for (IORegistryEntry up = driver.parent(service); up != null && parent == null; up = up.parent(service)) {
            parent = pm.node(up);
        }
        if (parent == null) {
            parent = pm.rootDomain().node();
        }
        PowerNode n = pm.pmInit(driver);
        pm.joinPMtree(parent, n);
        pm.registerPowerDriver(n, states, PowerDriverModel.SYNCHRONOUS.withSetPowerState(code));
        // a family driver asks for its highest state in start(), as most real drivers do (changePowerStateTo);
        // a service with no request at all would follow its children down after the initial change
        pm.changePowerStateTo(n, n.table().highest());
        return true;
    }
}
