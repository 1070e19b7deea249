package dev.ioscope.engine.sim.locks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The wait-for graph (rule LK9): a parked thread waits for the holders of its lock. A path from a thread back to
 * itself is a deadlock, named step by step: "T1 waits for B held by T2; T2 waits for A held by T1".
 */
final class LockCycles {
    private final Map<String, LockState> locks;
    private final Map<String, String> parked;

    LockCycles(Map<String, LockState> locks, Map<String, String> parked) {
        this.locks = locks;
        this.parked = parked;
    }

    Optional<String> cycleFrom(String start) {
        List<String> steps = new ArrayList<>();
        return walk(start, start, steps, new HashSet<>()) ? Optional.of(String.join("; ", steps)) : Optional.empty();
    }

    private boolean walk(String start, String thread, List<String> steps, Set<String> seen) {
        String on = parked.get(thread);
        LockState l = on == null ? null : locks.get(on);
        if (l == null || !seen.add(thread)) {
            return false;
        }
        for (String holder : l.holders.keySet()) {
            steps.add(thread + " waits for " + l.name + " held by " + holder);
            if (holder.equals(start) || walk(start, holder, steps, seen)) {
                return true;
            }
            steps.remove(steps.size() - 1);
        }
        return false;
    }
}
