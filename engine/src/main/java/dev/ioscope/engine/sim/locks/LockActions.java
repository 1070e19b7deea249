package dev.ioscope.engine.sim.locks;

import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.ScenarioAction;
import dev.ioscope.engine.sim.locks.LockAction.BlockingCall;
import dev.ioscope.engine.sim.locks.LockAction.Lock;
import dev.ioscope.engine.sim.locks.LockAction.LockAlloc;
import dev.ioscope.engine.sim.locks.LockAction.LockSleep;
import dev.ioscope.engine.sim.locks.LockAction.LockWakeup;
import dev.ioscope.engine.sim.locks.LockAction.TryLock;
import dev.ioscope.engine.sim.locks.LockAction.Unlock;

import java.util.Optional;

/**
 * The scenario actions of the lock model (docs/scenarios.md, "Locks"): {@code lock-alloc} (name, kind, path),
 * {@code lock} and {@code try-lock} (name, thread, mode read/write for IORWLock), {@code unlock} (name, thread),
 * {@code lock-sleep} (name, thread, event), {@code lock-wakeup} (event, oneThread) and {@code blocking-call}
 * (thread, call). A bad argument is journalled as {@code scenario.error} and the run goes on.
 */
final class LockActions {
    private final IOLocks locks;

    LockActions(IOLocks locks) {
        this.locks = locks;
    }

    void perform(Scenario.Action a) {
        ScenarioAction op = a.op();
        if (op instanceof LockAlloc l) {
            Optional<LockKind> k = LockKind.parse(l.kind() == null ? "IOLock" : l.kind());
            if (need(a, l.name(), "name") && k.isPresent()) {
                locks.alloc(l.name(), k.get(), l.path());
            } else if (k.isEmpty()) {
                locks.error(a.type(), "kind is IOLock, IORecursiveLock, IOSimpleLock or IORWLock, not " + l.kind());
            }
        } else if (op instanceof Lock l) {
            lock(a, l.name(), l.thread(), l.mode(), false);
        } else if (op instanceof TryLock l) {
            lock(a, l.name(), l.thread(), l.mode(), true);
        } else if (op instanceof Unlock u) {
            if (need(a, u.name(), "name") && need(a, u.thread(), "thread")) {
                locks.unlock(u.thread(), u.name());
            }
        } else if (op instanceof LockSleep l) {
            if (need(a, l.name(), "name") && need(a, l.thread(), "thread") && need(a, l.event(), "event")) {
                locks.sleep(l.thread(), l.name(), l.event());
            }
        } else if (op instanceof LockWakeup w) {
            if (need(a, w.event(), "event")) {
                locks.wakeup(w.event(), w.oneThread() != null && Boolean.parseBoolean(w.oneThread().text()));
            }
        } else if (op instanceof BlockingCall b) {
            if (need(a, b.thread(), "thread")) {
                locks.blockingCall(b.thread(), b.call() == null ? "a blocking call" : b.call());
            }
        } else {
            locks.error(a.type(), "unknown action");
        }
    }

    private void lock(Scenario.Action a, String name, String thread, String mode, boolean tryOnly) {
        if (mode != null && !mode.equals("read") && !mode.equals("write")) {
            locks.error(a.type(), "mode is read or write, not " + mode);
        } else if (need(a, name, "name") && need(a, thread, "thread")) {
            locks.lock(thread, name, !"read".equals(mode), tryOnly);
        }
    }

    private boolean need(Scenario.Action a, String v, String field) {
        if (v == null || v.isBlank()) {
            locks.error(a.type(), "no " + field);
            return false;
        }
        return true;
    }
}
