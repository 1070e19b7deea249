package dev.ioscope.engine.sim.locks;

import static dev.ioscope.engine.sim.ActionField.json;
import static dev.ioscope.engine.sim.ActionField.text;

import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.ScenarioAction;

import java.util.List;

/**
 * The lock model's scenario actions (docs/scenarios.md, "Locks"), one record each, performed by
 * {@link LockActions}. A field a file leaves out is null.
 */
public sealed interface LockAction extends ScenarioAction {
    /** Every one of these actions. */
    List<ActionType<?>> TYPES = List.of(LockAlloc.TYPE, Lock.TYPE, TryLock.TYPE, Unlock.TYPE, LockSleep.TYPE,
            LockWakeup.TYPE, BlockingCall.TYPE);

    /** A new lock. */
    record LockAlloc(String name, String kind, String path) implements LockAction {
        public static final ActionType<LockAlloc> TYPE = ActionType.of("lock-alloc", LockAlloc.class, text("name"),
                text("kind"), text("path"));

        public ActionType<LockAlloc> actionType() {
            return TYPE;
        }
    }

    /** Takes the lock or waits for it. */
    record Lock(String name, String thread, String mode) implements LockAction {
        public static final ActionType<Lock> TYPE = ActionType.of("lock", Lock.class, text("name"), text("thread"),
                text("mode"));

        public ActionType<Lock> actionType() {
            return TYPE;
        }
    }

    /** Takes the lock or fails at once. */
    record TryLock(String name, String thread, String mode) implements LockAction {
        public static final ActionType<TryLock> TYPE = ActionType.of("try-lock", TryLock.class, text("name"),
                text("thread"), text("mode"));

        public ActionType<TryLock> actionType() {
            return TYPE;
        }
    }

    /** Gives one hold up. */
    record Unlock(String name, String thread) implements LockAction {
        public static final ActionType<Unlock> TYPE = ActionType.of("unlock", Unlock.class, text("name"),
                text("thread"));

        public ActionType<Unlock> actionType() {
            return TYPE;
        }
    }

    /** IOLockSleep: gives the lock up and sleeps on {@code event}. */
    record LockSleep(String name, String thread, String event) implements LockAction {
        public static final ActionType<LockSleep> TYPE = ActionType.of("lock-sleep", LockSleep.class, text("name"),
                text("thread"), text("event"));

        public ActionType<LockSleep> actionType() {
            return TYPE;
        }
    }

    /** IOLockWakeup. */
    record LockWakeup(String event, JsonValue oneThread) implements LockAction {
        public static final ActionType<LockWakeup> TYPE = ActionType.of("lock-wakeup", LockWakeup.class, text("event"),
                json("oneThread"));

        public ActionType<LockWakeup> actionType() {
            return TYPE;
        }
    }

    /** The thread makes a call that may block. */
    record BlockingCall(String thread, String call) implements LockAction {
        public static final ActionType<BlockingCall> TYPE = ActionType.of("blocking-call", BlockingCall.class,
                text("thread"), text("call"));

        public ActionType<BlockingCall> actionType() {
            return TYPE;
        }
    }
}
