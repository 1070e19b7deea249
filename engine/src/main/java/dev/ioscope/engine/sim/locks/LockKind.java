package dev.ioscope.engine.sim.locks;

import java.util.Optional;

/** The four I/O Kit lock types of {@code IOLocks.h}, by what they are underneath (IOLocks.cpp). */
public enum LockKind {
    /** A mutex ({@code lck_mtx}): blocks, not recursive. */
    IOLock(true, false, false),
    /** A mutex with an owner thread and a count ({@code _IORecursiveLock}): the owner may take it again. */
    IORecursiveLock(true, true, false),
    /** A spin lock ({@code lck_spin}): spins with preemption off; nothing may block while it is held. */
    IOSimpleLock(false, false, false),
    /** A read/write lock ({@code lck_rw}): many readers or one writer. */
    IORWLock(true, false, true);

    private final boolean blocks;
    private final boolean recursive;
    private final boolean readWrite;

    LockKind(boolean blocks, boolean recursive, boolean readWrite) {
        this.blocks = blocks;
        this.recursive = recursive;
        this.readWrite = readWrite;
    }

    /** Taking it may block the thread (everything but the spin lock). */
    public boolean blocks() {
        return blocks;
    }

    public boolean recursive() {
        return recursive;
    }

    public boolean readWrite() {
        return readWrite;
    }

    /** Has a sleep call: IOLockSleep and IORecursiveLockSleep (IOLocks.cpp); the others have none. */
    public boolean canSleep() {
        return this == IOLock || this == IORecursiveLock;
    }

    /** By its I/O Kit name ("IOLock", ...). */
    public static Optional<LockKind> parse(String s) {
        for (LockKind k : values()) {
            if (k.name().equals(s)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
