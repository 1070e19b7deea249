package dev.ioscope.engine.sim.locks;

import dev.ioscope.engine.sim.EventKind;

/** The journal event kinds of the lock model, in one place (docs/scenarios.md, "Locks"). */
public enum LockEvents implements EventKind {
    /** A lock was allocated: {@code lock}, {@code kind}. */
    ALLOC("lock.alloc"),
    /** A thread took a lock: {@code lock}, {@code thread}, {@code held} (its count now), {@code mode}. */
    ACQUIRE("lock.acquire"),
    /** A thread gave a lock up: {@code lock}, {@code thread}, {@code held} (what it still holds). */
    RELEASE("lock.release"),
    /** A thread blocks (or spins) until the lock is free: {@code lock}, {@code thread}, {@code holders}. */
    WAIT("lock.wait"),
    /** A try-lock found the lock taken: {@code lock}, {@code thread}. */
    TRY_FAILED("lock.try-failed"),
    /** IOLockSleep / IORecursiveLockSleep: the lock is given up and the thread sleeps on {@code event}. */
    SLEEP("lock.sleep"),
    /** IOLockWakeup: {@code event}, {@code woken}. */
    WAKEUP("lock.wakeup"),
    /** A blocking call the scenario says a thread makes ({@code call}). */
    BLOCKING_CALL("lock.blocking-call"),
    /** What XNU would deadlock or panic on: {@code problem}, {@code rule}, {@code explanation}, ... */
    PROBLEM("lock.problem");

    private final String id;

    LockEvents(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
