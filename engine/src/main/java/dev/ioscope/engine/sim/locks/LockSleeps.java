package dev.ioscope.engine.sim.locks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Threads asleep in IOLockSleep / IORecursiveLockSleep, by event (rule LK7). A wakeup wakes the sleepers present
 * now, in the order they went to sleep (all, or the first with {@code oneThread}: thread_wakeup_prim); a wakeup
 * nobody waits for is lost.
 */
final class LockSleeps {
    /** A sleeper and what it takes back on wakeup: its lock and, for IORecursiveLock, its count. */
    record Sleeper(String thread, String lock, int depth) {
    }

    private final Map<String, List<Sleeper>> byEvent = new LinkedHashMap<>();

    void add(String event, Sleeper s) {
        byEvent.computeIfAbsent(event, e -> new ArrayList<>()).add(s);
    }

    List<Sleeper> wake(String event, boolean oneThread) {
        List<Sleeper> here = byEvent.getOrDefault(event, new ArrayList<>());
        List<Sleeper> woken = new ArrayList<>(oneThread && !here.isEmpty() ? here.subList(0, 1) : here);
        here.subList(0, woken.size()).clear();
        if (here.isEmpty()) {
            byEvent.remove(event);
        }
        return woken;
    }
}
