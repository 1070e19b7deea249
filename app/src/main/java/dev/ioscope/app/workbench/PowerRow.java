package dev.ioscope.app.workbench;

import dev.ioscope.engine.power.PowerManager;
import dev.ioscope.engine.power.PowerNode;
import dev.ioscope.engine.sim.Simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * One member of the power tree at a step, copied on the engine thread.
 *
 * @param parent  its power parent's path, "" for the top
 * @param state   its current power state ordinal
 * @param states  how many states its power driver declares (0 before registerPowerDriver)
 * @param changing whether a power change of it is in progress
 */
public record PowerRow(String path, String parent, int state, int states, boolean changing) {
    /** The power tree of a simulation, parents before children (engine thread only). */
    static List<PowerRow> copyOf(Simulation sim) {
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
        var seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<PowerNode, Boolean>());
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
    private static void walk(PowerNode n, List<PowerRow> rows, java.util.Set<PowerNode> seen, int depth) {
        if (depth > 64 || !seen.add(n)) {
            return;
        }
        PowerNode p = n.powerParent();
        rows.add(new PowerRow(n.path(), p == null ? "" : p.path(), n.currentPowerState(),
                n.table() == null ? 0 : n.table().count(), n.changing()));
        for (PowerNode c : n.powerChildren()) {
            walk(c, rows, seen, depth + 1);
        }
    }
}
