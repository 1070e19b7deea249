package dev.ioscope.app.workbench.power;

import dev.ioscope.app.workbench.PanelState;
import dev.ioscope.engine.power.IOPMPowerFlags;
import dev.ioscope.engine.power.PowerManager;
import dev.ioscope.engine.power.PowerNode;
import dev.ioscope.engine.sim.Simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One member of the power tree at a step, copied on the engine thread.
 *
 * @param parent  its power parent's path, "" for the top
 * @param state   its current power state ordinal
 * @param states  how many states its power driver declares (0 before registerPowerDriver)
 * @param changing whether a power change of it is in progress
 * @param className    its IOService class, for the power view's boxes
 * @param capabilities the capabilityFlags of its current state as IOPM.h names ("" without a power driver)
 */
public record PowerRow(String path, String parent, int state, int states, boolean changing, String className,
                       String capabilities) {
    /** The power tree at the last stop (empty until a power action), published with the machine. */
    public static final PanelState<List<PowerRow>> STATE = PanelState.atStops("power tree", List.of(),
            PowerRow::copyOf);

    /** The name the power view shows: the last component of its IOService path. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The power tree of a simulation, parents before children (engine thread only). */
    public static List<PowerRow> copyOf(Simulation sim) {
        PowerManager pm;
        try {
            pm = sim.extension(PowerManager.class);
        } catch (RuntimeException e) {
            return List.of();
        }
        if (pm == null) {
            return List.of();
        }
        List<PowerRow> rows = new ArrayList<>();
        var seen = Collections.newSetFromMap(new IdentityHashMap<PowerNode, Boolean>());
        for (PowerNode n : pm.nodes()) {
            if (n.powerParent() == null) {
                walk(n, rows, seen, 0);
            }
        }
        for (PowerNode n : pm.nodes()) {   // anything not reached from a top (defensive: shown, not lost)
            walk(n, rows, seen, 0);
        }
        return List.copyOf(rows);
    }

    /** Depth first, parents before children, in the power tree's child order. */
    private static void walk(PowerNode n, List<PowerRow> rows, Set<PowerNode> seen, int depth) {
        if (depth > 64 || !seen.add(n)) {
            return;
        }
        PowerNode p = n.powerParent();
        var table = n.table();
        String caps = table == null || n.currentPowerState() >= table.count() ? ""
                : IOPMPowerFlags.describe(table.get(n.currentPowerState()).capabilityFlags());
        rows.add(new PowerRow(n.path(), p == null ? "" : p.path(), n.currentPowerState(),
                table == null ? 0 : table.count(), n.changing(), n.entry().className(), caps));
        for (PowerNode c : n.powerChildren()) {
            walk(c, rows, seen, depth + 1);
        }
    }
}
