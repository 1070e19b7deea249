package dev.ioscope.engine.sim.locks;

import java.util.List;

/** The journal event kinds of the lock model, in one place (docs/scenarios.md, "Locks"). */
public final class LockEvents {
    /** A lock was allocated: {@code lock}, {@code kind}. */
    public static final String ALLOC = "lock.alloc";
    /** A thread took a lock: {@code lock}, {@code thread}, {@code held} (its count now), {@code mode}. */
    public static final String ACQUIRE = "lock.acquire";
    /** A thread gave a lock up: {@code lock}, {@code thread}, {@code held} (what it still holds). */
    public static final String RELEASE = "lock.release";
    /** A thread blocks (or spins) until the lock is free: {@code lock}, {@code thread}, {@code holders}. */
    public static final String WAIT = "lock.wait";
    /** A try-lock found the lock taken: {@code lock}, {@code thread}. */
    public static final String TRY_FAILED = "lock.try-failed";
    /** IOLockSleep / IORecursiveLockSleep: the lock is given up and the thread sleeps on {@code event}. */
    public static final String SLEEP = "lock.sleep";
    /** IOLockWakeup: {@code event}, {@code woken}. */
    public static final String WAKEUP = "lock.wakeup";
    /** A blocking call the scenario says a thread makes ({@code call}). */
    public static final String BLOCKING_CALL = "lock.blocking-call";
    /** What XNU would deadlock or panic on: {@code problem}, {@code rule}, {@code explanation}, ... */
    public static final String PROBLEM = "lock.problem";

    /** Every kind, for the timeline's legend and tests. */
    public static final List<String> ALL = List.of(ALLOC, ACQUIRE, RELEASE, WAIT, TRY_FAILED, SLEEP, WAKEUP,
            BLOCKING_CALL, PROBLEM);

    private LockEvents() {
    }
}
