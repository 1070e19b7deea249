package dev.ioscope.engine.userclient;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** A tiny deterministic virtual-time queue for tests (same ordering rule as the sim scheduler: time, then FIFO). */
final class ManualTime implements VirtualTimeSink {
    private record Task(long due, long seq, String what, Runnable action) {
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    final List<String> journal = new ArrayList<>();
    private long now;
    private long seq;

    @Override
    public long now() {
        return now;
    }

    @Override
    public void after(long delayNs, String what, Runnable action) {
        queue.add(new Task(now + delayNs, seq++, what, action));
    }

    void runAll() {
        Task t;
        while ((t = queue.poll()) != null) {
            now = t.due;
            journal.add(now + " " + t.what);
            t.action.run();
        }
    }

    int pending() {
        return queue.size();
    }
}
