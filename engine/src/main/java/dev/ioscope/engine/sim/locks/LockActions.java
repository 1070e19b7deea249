package dev.ioscope.engine.sim.locks;

import dev.ioscope.engine.sim.Scenario;

import java.util.List;
import java.util.Optional;

/**
 * The scenario actions of the lock model (docs/scenarios.md, "Locks"): {@code lock-alloc} (name, kind, path),
 * {@code lock} and {@code try-lock} (name, thread, mode read/write for IORWLock), {@code unlock} (name, thread),
 * {@code lock-sleep} (name, thread, event), {@code lock-wakeup} (event, oneThread) and {@code blocking-call}
 * (thread, call). A bad argument is journalled as {@code scenario.error} and the run goes on.
 */
final class LockActions {
    static final List<String> ACTIONS = List.of("lock-alloc", "lock", "try-lock", "unlock", "lock-sleep",
            "lock-wakeup", "blocking-call");

    private final IOLocks locks;

    LockActions(IOLocks locks) {
        this.locks = locks;
    }

    void perform(Scenario.Action a) {
        switch (a.type()) {
            case "lock-alloc" -> {
                Optional<LockKind> k = LockKind.parse(a.arg("kind") == null ? "IOLock" : a.arg("kind"));
                if (need(a, "name") && k.isPresent()) {
                    locks.alloc(a.arg("name"), k.get(), a.arg("path"));
                } else if (k.isEmpty()) {
                    locks.error(a.type(), "kind is IOLock, IORecursiveLock, IOSimpleLock or IORWLock, not "
                            + a.arg("kind"));
                }
            }
            case "lock", "try-lock" -> {
                String mode = a.arg("mode");
                if (mode != null && !mode.equals("read") && !mode.equals("write")) {
                    locks.error(a.type(), "mode is read or write, not " + mode);
                } else if (need(a, "name") && need(a, "thread")) {
                    locks.lock(a.arg("thread"), a.arg("name"), !"read".equals(mode), a.type().equals("try-lock"));
                }
            }
            case "unlock" -> {
                if (need(a, "name") && need(a, "thread")) {
                    locks.unlock(a.arg("thread"), a.arg("name"));
                }
            }
            case "lock-sleep" -> {
                if (need(a, "name") && need(a, "thread") && need(a, "event")) {
                    locks.sleep(a.arg("thread"), a.arg("name"), a.arg("event"));
                }
            }
            case "lock-wakeup" -> {
                if (need(a, "event")) {
                    locks.wakeup(a.arg("event"), Boolean.parseBoolean(a.arg("oneThread")));
                }
            }
            case "blocking-call" -> {
                if (need(a, "thread")) {
                    locks.blockingCall(a.arg("thread"), a.arg("call") == null ? "a blocking call" : a.arg("call"));
                }
            }
            default -> locks.error(a.type(), "unknown action");
        }
    }

    private boolean need(Scenario.Action a, String field) {
        String v = a.arg(field);
        if (v == null || v.isBlank()) {
            locks.error(a.type(), "no " + field);
            return false;
        }
        return true;
    }
}
