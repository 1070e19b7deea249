package dev.ioscope.engine.sim.locks;

import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The locks of one emulated machine (docs/iokit-rules.md, "Locks"): IOLock, IORecursiveLock, IOSimpleLock and
 * IORWLock taken and given up by named threads (a work loop's thread, a client's thread: the scenario names
 * them). The simulation has no Java threads, so a thread that would block is parked ({@code lock.wait}) and takes
 * the lock when its holder gives it up. What XNU would deadlock or panic on is journalled as {@code lock.problem}
 * with its explanation, and the operation is not done (the machine it describes is stuck or down).
 */
public final class IOLocks implements SimulationExtension.Instance {
    private final Simulation sim;
    private final Map<String, LockState> locks = new LinkedHashMap<>();
    /** Each thread's held locks, in the order taken. */
    private final Map<String, List<String>> held = new HashMap<>();
    /** Threads parked on a lock (thread → lock), or asleep on an event (thread → "event:…"). */
    private final Map<String, String> parked = new LinkedHashMap<>();
    private final LockSleeps sleeps = new LockSleeps();
    private final LockOrder order = new LockOrder();

    IOLocks(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public void perform(Scenario.Action a) {
        new LockActions(this).perform(a);
    }

    // ------------------------------------------------------------------------------------------- allocation

    /** IOLockAlloc and the like: a new lock named {@code name}; {@code owner} the driver's path or "". */
    public boolean alloc(String name, LockKind kind, String owner) {
        if (locks.containsKey(name)) {
            error(LockAction.LockAlloc.TYPE.id(), "a lock named " + name + " exists already");
            return false;
        }
        locks.put(name, new LockState(name, kind, owner == null ? "" : owner));
        sim.record(LockEvents.ALLOC, owner == null ? "" : owner, "lock", name, "kind", kind.name());
        return true;
    }

    // ------------------------------------------------------------------------------------------- lock / unlock

    /** IOLockLock, IORecursiveLockLock, IOSimpleLockLock, IORWLockRead ({@code write} false) or IORWLockWrite. */
    public void lock(String thread, String name, boolean write, boolean tryOnly) {
        LockState l = lockNamed(name, LockAction.Lock.TYPE.id());
        if (l == null || !canAct(thread, LockAction.Lock.TYPE.id())) {
            return;
        }
        boolean mine = l.holders.containsKey(thread);
        if (l.kind.blocks() && holdsSpinLock(thread)) {
            problem(l, thread, LockProblem.BLOCK_WITH_SPIN_LOCK, "call", callName(l.kind, write, tryOnly));
            return;
        }
        if (mine && l.kind.recursive()) {
            grant(l, thread, l.holders.get(thread) + 1, false, false);
            return;
        }
        if (mine) {
            problem(l, thread, l.kind.readWrite() ? LockProblem.RECURSIVE_RW : LockProblem.RECURSIVE_LOCK,
                    "call", callName(l.kind, write, tryOnly));
            return;
        }
        boolean exclusive = !l.kind.readWrite() || write;
        if (!tryOnly) {
            checkOrder(thread, l);     // a try-lock cannot deadlock: lockdep does not order it either
        }
        if (l.free() || (!exclusive && !l.writer && l.waiters.isEmpty())) {
            grant(l, thread, 1, exclusive, false);
        } else if (tryOnly) {
            sim.record(LockEvents.TRY_FAILED, l.owner, "lock", l.name, "thread", thread, "holders", l.holderWords());
        } else {
            park(l, new LockState.Waiter(thread, exclusive, 1));
        }
    }

    /** IOLockUnlock, IORecursiveLockUnlock, IOSimpleLockUnlock, IORWLockUnlock. */
    public void unlock(String thread, String name) {
        LockState l = lockNamed(name, LockAction.Unlock.TYPE.id());
        if (l == null || !canAct(thread, LockAction.Unlock.TYPE.id())) {
            return;
        }
        Integer n = l.holders.get(thread);
        if (n == null) {
            problem(l, thread, LockProblem.UNLOCK_NOT_HELD, "holders", l.holderWords());
            return;
        }
        if (n > 1) {
            l.holders.put(thread, n - 1);
            sim.record(LockEvents.RELEASE, l.owner, "lock", l.name, "thread", thread, "held", String.valueOf(n - 1));
            return;
        }
        giveUp(l, thread);
        sim.record(LockEvents.RELEASE, l.owner, "lock", l.name, "thread", thread, "held", "0");
        handOn(l);
    }

    /** A call that may block (IOMalloc, commandSleep, IOSleep, ...): a problem with a simple lock held. */
    public void blockingCall(String thread, String call) {
        if (!canAct(thread, LockAction.BlockingCall.TYPE.id())) {
            return;
        }
        sim.record(LockEvents.BLOCKING_CALL, "", "thread", thread, "call", call);
        held.getOrDefault(thread, List.of()).stream().map(locks::get).filter(l -> !l.kind.blocks()).findFirst()
                .ifPresent(l -> problem(l, thread, LockProblem.BLOCK_WITH_SPIN_LOCK, "call", call));
    }

    // ------------------------------------------------------------------------------------------- sleep / wakeup

    /** IOLockSleep / IORecursiveLockSleep: give the lock up (all of a recursive count), sleep on {@code event}. */
    public void sleep(String thread, String name, String event) {
        LockState l = lockNamed(name, LockAction.LockSleep.TYPE.id());
        if (l == null || !canAct(thread, LockAction.LockSleep.TYPE.id())) {
            return;
        }
        if (!l.kind.canSleep()) {
            error(LockAction.LockSleep.TYPE.id(), l.kind
                    + " has no sleep call (IOLocks.h: IOLockSleep, IORecursiveLockSleep)");
            return;
        }
        Integer n = l.holders.get(thread);
        if (n == null) {
            problem(l, thread, LockProblem.SLEEP_WITHOUT_LOCK, "event", event);
            return;
        }
        if (holdsSpinLock(thread)) {
            problem(l, thread, LockProblem.BLOCK_WITH_SPIN_LOCK, "call", l.kind + "Sleep");
            return;
        }
        giveUp(l, thread);
        sleeps.add(event, new LockSleeps.Sleeper(thread, l.name, n));
        parked.put(thread, "event:" + event);
        sim.record(LockEvents.SLEEP, l.owner, "lock", l.name, "thread", thread, "event", event,
                "held", String.valueOf(n));
        handOn(l);
    }

    /** IOLockWakeup / IORecursiveLockWakeup: wakes the sleepers on {@code event}; each takes its lock again. */
    public void wakeup(String event, boolean oneThread) {
        List<LockSleeps.Sleeper> woken = sleeps.wake(event, oneThread);
        sim.record(LockEvents.WAKEUP, "", "event", event, "woken", String.valueOf(woken.size()));
        for (LockSleeps.Sleeper s : woken) {
            parked.remove(s.thread());
            LockState l = locks.get(s.lock());
            if (l.free()) {
                grant(l, s.thread(), s.depth(), true, true);
            } else {
                park(l, new LockState.Waiter(s.thread(), true, s.depth()));
            }
        }
    }

    // ------------------------------------------------------------------------------------------- queries

    /** Locks each thread holds now, in the order taken (tests and the workbench). */
    public Map<String, List<String>> heldLocks() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        held.forEach((t, ls) -> {
            if (!ls.isEmpty()) {
                m.put(t, List.copyOf(ls));
            }
        });
        return m;
    }

    /** Threads parked on a lock or asleep on an event, and on what. */
    public Map<String, String> parkedThreads() {
        return new LinkedHashMap<>(parked);
    }

    // ------------------------------------------------------------------------------------------- internals

    private void grant(LockState l, String thread, int count, boolean exclusive, boolean resumed) {
        boolean first = !l.holders.containsKey(thread);
        l.holders.put(thread, count);
        if (first) {
            l.writer = exclusive && l.kind.readWrite();
            held.computeIfAbsent(thread, t -> new ArrayList<>()).add(l.name);
        }
        parked.remove(thread);
        sim.record(LockEvents.ACQUIRE, l.owner, "lock", l.name, "kind", l.kind.name(), "thread", thread,
                "held", String.valueOf(count), "mode", l.kind.readWrite() ? (exclusive ? "write" : "read") : "",
                "resumed", String.valueOf(resumed));
    }

    private void giveUp(LockState l, String thread) {
        l.holders.remove(thread);
        if (l.holders.isEmpty()) {
            l.writer = false;
        }
        held.getOrDefault(thread, new ArrayList<>()).remove(l.name);
    }

    /** The lock is free (or has readers only): the first waiter takes it; for IORWLock, every leading reader. */
    private void handOn(LockState l) {
        while (!l.waiters.isEmpty()) {
            LockState.Waiter w = l.waiters.peekFirst();
            boolean fits = l.free() || (!w.write() && !l.writer);
            if (!fits) {
                return;
            }
            l.waiters.pollFirst();
            grant(l, w.thread(), w.depth(), w.write() || !l.kind.readWrite(), true);
            if (w.write() || !l.kind.readWrite()) {
                return;
            }
        }
    }

    private void park(LockState l, LockState.Waiter w) {
        l.waiters.addLast(w);
        parked.put(w.thread(), l.name);
        sim.record(LockEvents.WAIT, l.owner, "lock", l.name, "kind", l.kind.name(), "thread", w.thread(),
                "holders", l.holderWords());
        new LockCycles(locks, parked).cycleFrom(w.thread()).ifPresent(cycle -> problem(l, w.thread(),
                LockProblem.DEADLOCK, "cycle", cycle));
    }

    private void checkOrder(String thread, LockState wanted) {
        for (String h : held.getOrDefault(thread, List.of())) {
            order.taking(thread, h, wanted.name, sim.scheduler().now()).ifPresent(p -> problem(wanted, thread,
                    LockProblem.ORDER_INVERSION, "first", p[0].words(), "second", p[1].words()));
        }
    }

    private boolean holdsSpinLock(String thread) {
        return held.getOrDefault(thread, List.of()).stream().anyMatch(n -> !locks.get(n).kind.blocks());
    }

    private boolean canAct(String thread, String action) {
        String on = parked.get(thread);
        if (on == null) {
            return true;
        }
        error(action, "thread " + thread + " cannot act: it is " + (on.startsWith("event:")
                ? "asleep on " + on.substring(6) : "waiting for " + on));
        return false;
    }

    private LockState lockNamed(String name, String action) {
        LockState l = locks.get(name);
        if (l == null) {
            error(action, "no lock named " + name + " (lock-alloc it first)");
        }
        return l;
    }

    private void problem(LockState l, String thread, LockProblem p, String... more) {
        List<String> kv = new ArrayList<>(List.of("problem", p.id(), "rule", p.rule(), "lock", l.name, "kind",
                l.kind.name(), "thread", thread));
        kv.addAll(List.of(more));
        kv.addAll(List.of("explanation", p.explanation()));
        sim.record(LockEvents.PROBLEM, l.owner, kv.toArray(String[]::new));
    }

    void error(String action, String reason) {
        sim.record(JournalKind.SCENARIO_ERROR, "", "action", action, "reason", reason);
    }

    private static String callName(LockKind k, boolean write, boolean tryOnly) {
        String verb = k.readWrite() ? (write ? "Write" : "Read") : "Lock";
        return k.name() + (tryOnly ? "Try" : "") + verb;
    }
}
