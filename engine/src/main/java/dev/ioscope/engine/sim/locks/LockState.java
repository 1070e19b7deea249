package dev.ioscope.engine.sim.locks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** One lock of the emulated machine: who holds it, how often, and who waits for it, in arrival order. */
final class LockState {
    /** A thread waiting to take the lock ({@code write} for an IORWLock writer; {@code depth} to restore). */
    record Waiter(String thread, boolean write, int depth) {
    }

    final String name;
    final LockKind kind;
    final String owner;
    /** Holding threads and their counts (one writer or many readers for IORWLock; one holder otherwise). */
    final Map<String, Integer> holders = new LinkedHashMap<>();
    boolean writer;
    final Deque<Waiter> waiters = new ArrayDeque<>();

    LockState(String name, LockKind kind, String owner) {
        this.name = name;
        this.kind = kind;
        this.owner = owner;
    }

    boolean free() {
        return holders.isEmpty();
    }

    String holderWords() {
        return holders.isEmpty() ? "nobody" : String.join(", ", holders.keySet());
    }
}
