package dev.ioscope.engine.sim.locks;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order in which threads have taken locks, lockdep-style (rule LK8): each time a thread holding A goes for
 * B, the edge A → B is remembered with where it was first seen. An edge B → A seen before is an inversion,
 * reported once per pair of locks with both paths.
 */
final class LockOrder {
    /** Where an edge was first seen: "thread X took A, then B at t=…". */
    record Path(String thread, String first, String second, long t) {
        String words() {
            return "thread " + thread + " holds " + first + " and takes " + second + " (t=" + t + ")";
        }
    }

    private final Map<String, Path> edges = new LinkedHashMap<>();
    private final Set<String> reported = new HashSet<>();

    /** Records held → wanted by {@code thread}; returns the opposite path when this makes a new inversion. */
    Optional<Path[]> taking(String thread, String held, String wanted, long t) {
        edges.putIfAbsent(held + "\u0000" + wanted, new Path(thread, held, wanted, t));
        Path opposite = edges.get(wanted + "\u0000" + held);
        String pair = held.compareTo(wanted) < 0 ? held + "\u0000" + wanted : wanted + "\u0000" + held;
        if (opposite == null || !reported.add(pair)) {
            return Optional.empty();
        }
        return Optional.of(new Path[] {opposite, edges.get(held + "\u0000" + wanted)});
    }
}
