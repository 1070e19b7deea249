package dev.ioscope.engine.sim;

import java.util.PriorityQueue;

/**
 * A deterministic discrete-event scheduler on a virtual clock in nanoseconds. Events run in time order; events
 * due at the same time run in the order they were scheduled (a sequence number breaks the tie), so the same
 * inputs always give the same order. Nothing here reads the wall clock or depends on threads.
 */
public final class Scheduler {
    /** One scheduled piece of work. */
    public record Task(long due, long seq, String what, Runnable action) {
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now;
    private long nextSeq;
    private long executed;

    /** The virtual time, ns. */
    public long now() {
        return now;
    }

    /** How many tasks have run. */
    public long executed() {
        return executed;
    }

    public boolean idle() {
        return queue.isEmpty();
    }

    public long pending() {
        return queue.size();
    }

    /** Schedules work {@code delayNs} from now (0 = after everything already due now). */
    public void after(long delayNs, String what, Runnable action) {
        if (delayNs < 0) {
            throw new IllegalArgumentException("negative delay " + delayNs);
        }
        queue.add(new Task(now + delayNs, nextSeq++, what, action));
    }

    /** Schedules work at an absolute virtual time (not before now). */
    public void at(long time, String what, Runnable action) {
        after(Math.max(0, time - now), what, action);
    }

    /** Runs the next task, advancing the clock to its time. False when there is none. */
    public boolean step() {
        Task t = queue.poll();
        if (t == null) {
            return false;
        }
        now = t.due;
        executed++;
        t.action.run();
        return true;
    }

    /** Time of the next task, or -1. */
    public long nextDue() {
        Task t = queue.peek();
        return t == null ? -1 : t.due;
    }

    /** Moves the clock forward with no task running (advance virtual time). */
    public void advanceTo(long time) {
        if (time > now) {
            now = time;
        }
    }
}
