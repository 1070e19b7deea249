package dev.ioscope.engine.sim.locks;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JournalFolding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The locks as the journal tells them up to one point: who holds each lock, who waits for it, who sleeps on it,
 * and every problem found so far. Built from the journal alone, so the workbench shows the state at any step,
 * backwards too, without asking the engine. Feed events in order with {@link #accept}.
 */
public final class LockTable implements JournalFolding {
    /** One lock: holders as "thread" or "thread ×2", waiters in arrival order, sleepers as "thread on event". */
    public record Row(String lock, String kind, String owner, List<String> holders, List<String> waiters,
                      List<String> sleepers) {
        public Row {
            holders = List.copyOf(holders);
            waiters = List.copyOf(waiters);
            sleepers = List.copyOf(sleepers);
        }
    }

    /** One {@code lock.problem}, with the detail that names the paths or the cycle. */
    public record Problem(long seq, long t, String problem, String rule, String lock, String thread, String detail,
                          String explanation) {
    }

    private static final class Info {
        final String kind;
        final String owner;
        final Map<String, Integer> holders = new LinkedHashMap<>();
        final List<String> waiters = new ArrayList<>();
        final Map<String, String> sleepers = new LinkedHashMap<>();

        Info(String kind, String owner) {
            this.kind = kind;
            this.owner = owner;
        }
    }

    private final Map<String, Info> locks = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private int seen;

    /** How many events were fed. */
    @Override
    public int seen() {
        return seen;
    }

    @Override
    public void accept(JournalEvent e) {
        seen++;
        if (!(e.kind() instanceof LockEvents kind)) {
            return;
        }
        Map<String, String> d = e.details();
        String thread = d.getOrDefault("thread", "");
        Info l = locks.get(d.getOrDefault("lock", ""));
        switch (kind) {
            case ALLOC -> locks.put(d.get("lock"), new Info(d.get("kind"), e.entry()));
            case ACQUIRE -> {
                if (l != null) {
                    l.holders.put(thread, parse(d.get("held")));
                    l.waiters.remove(thread);
                    l.sleepers.remove(thread);
                }
            }
            case RELEASE -> {
                if (l != null && parse(d.get("held")) == 0) {
                    l.holders.remove(thread);
                } else if (l != null) {
                    l.holders.put(thread, parse(d.get("held")));
                }
            }
            case WAIT -> {
                if (l != null) {
                    l.sleepers.remove(thread);
                    l.waiters.add(thread);
                }
            }
            case SLEEP -> {
                if (l != null) {
                    l.holders.remove(thread);
                    l.sleepers.put(thread, d.getOrDefault("event", ""));
                }
            }
            case PROBLEM -> problems.add(new Problem(e.seq(), e.t(), d.get("problem"), d.get("rule"),
                    d.get("lock"), thread, detail(d), d.getOrDefault("explanation", "")));
            default -> {
                // wakeup, try-failed, blocking-call: nothing held changes
            }
        }
    }

    private static String detail(Map<String, String> d) {
        if (d.containsKey("cycle")) {
            return d.get("cycle");
        }
        if (d.containsKey("first")) {
            return d.get("first") + "; " + d.get("second");
        }
        if (d.containsKey("call")) {
            return "in " + d.get("call");
        }
        return d.containsKey("holders") ? "held by " + d.get("holders") : "";
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException ex) {
            return 1;
        }
    }

    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        locks.forEach((name, l) -> {
            List<String> h = new ArrayList<>();
            l.holders.forEach((t, n) -> h.add(n > 1 ? t + " ×" + n : t));
            List<String> s = new ArrayList<>();
            l.sleepers.forEach((t, ev) -> s.add(t + " on " + ev));
            out.add(new Row(name, l.kind, l.owner, h, l.waiters, s));
        });
        return out;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
