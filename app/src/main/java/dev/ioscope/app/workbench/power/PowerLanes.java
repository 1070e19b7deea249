package dev.ioscope.app.workbench.power;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JournalKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each power-tree member's state over virtual time, read back from the journal (immutable events, so this runs
 * on the FX thread): a lane starts at {@code power.register-driver} (its {@code initial} state), a change shows
 * from {@code power.change-begin} to {@code power.change-end}, the state itself moves at
 * {@code power.set-power-state} (where the hardware changes, docs/scenarios.md "Timing"), and the lane ends at
 * {@code power.stop} (PMstop).
 */
record PowerLanes(List<Lane> lanes, long endNs) {
    /**
     * One piece of a lane.
     *
     * @param fromNs   when it starts
     * @param toNs     when the next one starts (the lane's end for the last one)
     * @param state    the state ordinal the device is in
     * @param changing whether a change is in progress
     * @param seq      the journal event that started it
     */
    record Segment(long fromNs, long toNs, int state, boolean changing, long seq) {
        PowerStateKind kind(int states) {
            return PowerStateKind.of(state, states, changing);
        }
    }

    /** The time the changes begun at or after some moment take: {@code open} while one is still in progress. */
    record Span(long fromNs, long toNs, boolean open) {
    }

    /** The span of every change (an amber segment) that began at or after {@code t}, or null when none has yet. */
    Span changesFrom(long t) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        boolean open = false;
        for (Lane l : lanes) {
            for (Segment s : l.segments()) {
                if (s.changing() && s.fromNs() >= t) {
                    from = Math.min(from, s.fromNs());
                    to = Math.max(to, s.toNs());
                    open |= s.toNs() >= endNs;
                }
            }
        }
        return from == Long.MAX_VALUE ? null : new Span(from, to, open);
    }

    /** One member: its segments in time order, {@code states} its declared state count. */
    record Lane(String path, int states, List<Segment> segments) {
        String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** The segment at {@code t}, or null before the lane starts or after it ends. */
        Segment at(long t) {
            Segment hit = null;
            for (Segment s : segments) {
                if (s.fromNs() <= t && t <= s.toNs()) {
                    hit = s;   // the last one wins on a boundary: the state after the event
                }
            }
            return hit;
        }
    }

    /**
     * The lanes of {@code history}, in the order of {@code treeOrder} (paths, parents first) and then of
     * registration; open segments run to {@code endNs} (at least the last event's time).
     */
    static PowerLanes of(List<JournalEvent> history, List<String> treeOrder, long endNs) {
        Reader r = new Reader();
        history.forEach(r::feed);
        return r.lanes(treeOrder, endNs);
    }

    /**
     * Reads the journal one event at a time, so that a growing history costs only its new events (the power
     * view follows a running machine every frame).
     */
    static final class Reader {
        private final Map<String, Builder> byPath = new LinkedHashMap<>();
        private long lastT;
        private int fed;
        private JournalEvent last;

        /** How many events were fed, and the last one (to tell a grown history from one cut back). */
        int fed() {
            return fed;
        }

        JournalEvent last() {
            return last;
        }

        void feed(JournalEvent e) {
            fed++;
            last = e;
            if (!(e.kind() instanceof JournalKind kind) || !kind.in(JournalKind.POWER)) {
                return;
            }
            lastT = Math.max(lastT, e.t());
            Builder b = byPath.get(e.entry());
            switch (kind) {
                case POWER_REGISTER_DRIVER -> {
                    if (b == null) {
                        b = new Builder(e.entry());
                        byPath.put(e.entry(), b);
                    }
                    b.stopped = false;   // registered again after PMstop: the lane goes on after a gap
                    b.states = num(e, "states", b.states);
                    b.move(e, num(e, "initial", 0), false);
                }
                case POWER_CHANGE_BEGIN -> {
                    if (b != null) {
                        b.move(e, b.state, true);
                    }
                }
                case POWER_SET_POWER_STATE -> {
                    if (b != null) {
                        b.move(e, num(e, "to", b.state), true);
                    }
                }
                case POWER_CHANGE_END -> {
                    if (b != null) {
                        b.move(e, num(e, "state", b.state), false);
                    }
                }
                case POWER_STOP -> {
                    if (b != null && !b.stopped) {
                        b.close(e.t());
                    }
                }
                default -> {
                }
            }
        }

        PowerLanes lanes(List<String> treeOrder, long endNs) {
            long end = Math.max(endNs, lastT);
            Map<String, Builder> rest = new LinkedHashMap<>(byPath);
            List<Lane> lanes = new ArrayList<>();
            for (String p : treeOrder) {
                Builder b = rest.remove(p);
                if (b != null) {
                    lanes.add(b.build(end));
                }
            }
            for (Builder b : rest.values()) {
                lanes.add(b.build(end));
            }
            return new PowerLanes(List.copyOf(lanes), end);
        }
    }

    private static int num(JournalEvent e, String key, int dflt) {
        try {
            String v = e.details().get(key);
            return v == null ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException x) {
            return dflt;
        }
    }

    /** A lane being read: open segment starts, closed when the next one starts. */
    private static final class Builder {
        final String path;
        final List<Segment> done = new ArrayList<>();
        int states;
        int state = -1;
        boolean changing;
        long from;
        long seq;
        boolean stopped;

        Builder(String path) {
            this.path = path;
        }

        void move(JournalEvent e, int newState, boolean newChanging) {
            if (state == newState && changing == newChanging) {
                return;
            }
            if (state >= 0) {
                done.add(new Segment(from, e.t(), state, changing, seq));
            }
            state = newState;
            changing = newChanging;
            from = e.t();
            seq = e.seq();
        }

        void close(long t) {
            if (state >= 0) {
                done.add(new Segment(from, t, state, changing, seq));
            }
            state = -1;
            stopped = true;
        }

        Lane build(long end) {
            List<Segment> all = new ArrayList<>(done);
            if (!stopped && state >= 0) {
                all.add(new Segment(from, end, state, changing, seq));
            }
            return new Lane(path, states, List.copyOf(all));
        }
    }
}
