package dev.ioscope.engine.sim.locks;

/**
 * What XNU would deadlock or panic on, as the workbench reports it ({@code lock.problem}; docs/iokit-rules.md,
 * "Locks"). Each carries its rule and the explanation shown to the user.
 */
public enum LockProblem {
    RECURSIVE_LOCK("recursive-lock", "LK2", "the thread already holds this lock, which is not recursive: "
            + "XNU blocks for ever waiting on itself (IOLocks.h: \"Locking the mutex recursively from one thread "
            + "will result in deadlock\"; a debug kernel panics on the attempt to recursively lock)"),
    RECURSIVE_RW("recursive-rw", "LK5", "the thread already holds this read/write lock: a second read or write "
            + "from the same thread can deadlock (IOLocks.h, IORWLockRead/IORWLockWrite)"),
    UNLOCK_NOT_HELD("unlock-not-held", "LK3", "the thread does not hold this lock: XNU's result is undefined "
            + "(IOLocks.h) and IORecursiveLockUnlock asserts the owner; lck_mtx panics on an unowned unlock"),
    BLOCK_WITH_SPIN_LOCK("block-with-spin-lock", "LK4", "the thread holds a simple (spin) lock, which disables "
            + "preemption: nothing may block while it is held (IOLocks.h, IOSimpleLockLock) and the kernel panics "
            + "when a thread blocks with preemption disabled"),
    SLEEP_WITHOUT_LOCK("sleep-without-lock", "LK6", "IOLockSleep gives up the lock it is given and takes it "
            + "again on wakeup: the caller must hold it (IOLocks.h: \"Results are undefined if the caller has not "
            + "locked the mutex\"; IORecursiveLockSleep asserts the owner)"),
    ORDER_INVERSION("order-inversion", "LK8", "two threads take the same two locks in opposite orders: if they "
            + "interleave, each waits for the lock the other holds and both block for ever"),
    DEADLOCK("deadlock", "LK9", "every thread in the cycle waits for a lock another one of them holds: none "
            + "can go on");

    private final String id;
    private final String rule;
    private final String explanation;

    LockProblem(String id, String rule, String explanation) {
        this.id = id;
        this.rule = rule;
        this.explanation = explanation;
    }

    /** As the journal names it ({@code problem="recursive-lock"}). */
    public String id() {
        return id;
    }

    public String rule() {
        return rule;
    }

    public String explanation() {
        return explanation;
    }
}
