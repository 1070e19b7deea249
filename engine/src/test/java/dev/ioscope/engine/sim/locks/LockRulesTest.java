package dev.ioscope.engine.sim.locks;

import dev.ioscope.engine.sim.ActionRuns;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.sim.Simulation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock model, one rule each (docs/iokit-rules.md, "Locks"). */
class LockRulesTest {
    @TempDir
    Path dir;

    Simulation run(String... actions) throws Exception {
        return ActionRuns.runUntilQuiet(dir, actions);
    }

    static String alloc(String name, String kind) {
        return "{\"do\":\"lock-alloc\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}";
    }

    static String lock(String thread, String name) {
        return "{\"do\":\"lock\",\"name\":\"" + name + "\",\"thread\":\"" + thread + "\"}";
    }

    static String unlock(String thread, String name) {
        return "{\"do\":\"unlock\",\"name\":\"" + name + "\",\"thread\":\"" + thread + "\"}";
    }

    static List<String> lines(Simulation sim) {
        return sim.journal().stream()
                .filter(e -> e.kind() instanceof LockEvents || e.kind() == JournalKind.SCENARIO_ERROR)
                .map(LockRulesTest::words).toList();
    }

    static String words(JournalEvent e) {
        Map<String, String> d = e.details();
        if (!(e.kind() instanceof LockEvents kind)) {
            return e.kind().id() + " " + d;
        }
        return switch (kind) {
            case PROBLEM -> "problem " + d.get("problem") + " " + d.get("thread") + " " + d.get("lock");
            case ACQUIRE, RELEASE -> kind.id() + " " + d.get("thread") + " " + d.get("lock")
                    + " " + d.get("held") + ("true".equals(d.get("resumed")) ? " resumed" : "");
            case WAIT -> "lock.wait " + d.get("thread") + " " + d.get("lock") + " " + d.get("holders");
            default -> kind.id() + " " + d;
        };
    }

    static List<JournalEvent> problems(Simulation sim) {
        return sim.journal().stream().filter(e -> e.kind() == LockEvents.PROBLEM).toList();
    }

    @Test
    @DisplayName("LK1: a held lock makes the next thread wait, and passes to the waiters in arrival order")
    void contentionQueuesInOrder() throws Exception {
        Simulation sim = run(alloc("A", "IOLock"), lock("t1", "A"), lock("t2", "A"), lock("t3", "A"),
                unlock("t1", "A"), unlock("t2", "A"));
        assertThat(lines(sim)).containsExactly("lock.alloc {lock=A, kind=IOLock}",
                "lock.acquire t1 A 1", "lock.wait t2 A t1", "lock.wait t3 A t1",
                "lock.release t1 A 0", "lock.acquire t2 A 1 resumed",
                "lock.release t2 A 0", "lock.acquire t3 A 1 resumed");
        assertThat(sim.extension(IOLocks.class).heldLocks()).isEqualTo(Map.of("t3", List.of("A")));
    }

    @Test
    @DisplayName("LK2: an IOLock or IOSimpleLock taken again by its holder is a deadlock; IORecursiveLock nests")
    void recursiveAcquisition() throws Exception {
        Simulation sim = run(alloc("M", "IOLock"), alloc("S", "IOSimpleLock"), alloc("R", "IORecursiveLock"),
                lock("t", "M"), lock("t", "M"), lock("u", "S"), lock("u", "S"),
                lock("v", "R"), lock("v", "R"), unlock("v", "R"), unlock("v", "R"));
        assertThat(lines(sim)).contains("problem recursive-lock t M", "problem recursive-lock u S",
                "lock.acquire v R 1", "lock.acquire v R 2", "lock.release v R 1", "lock.release v R 0");
        assertThat(problems(sim)).hasSize(2);
        assertThat(problems(sim).get(0).details()).containsEntry("call", "IOLockLock").containsEntry("rule", "LK2");
        assertThat(problems(sim).get(0).details().get("explanation")).contains("recursively");
    }

    @Test
    @DisplayName("LK3: unlocking a lock the thread does not hold is reported and changes nothing")
    void unlockNotHeld() throws Exception {
        Simulation sim = run(alloc("A", "IOLock"), lock("t1", "A"), unlock("t2", "A"), alloc("R", "IORecursiveLock"),
                unlock("t1", "R"));
        assertThat(lines(sim)).contains("problem unlock-not-held t2 A", "problem unlock-not-held t1 R");
        assertThat(problems(sim).get(0).details()).containsEntry("holders", "t1");
        assertThat(sim.extension(IOLocks.class).heldLocks()).isEqualTo(Map.of("t1", List.of("A")));
    }

    @Test
    @DisplayName("LK4: with a simple lock held, taking a blocking lock, sleeping or a blocking call is a panic")
    void blockingWithSpinLockHeld() throws Exception {
        Simulation sim = run(alloc("S", "IOSimpleLock"), alloc("M", "IOLock"), alloc("S2", "IOSimpleLock"),
                lock("t", "M"), lock("t", "S"), lock("t", "S2"),
                "{\"do\":\"lock-sleep\",\"name\":\"M\",\"thread\":\"t\",\"event\":\"e\"}",
                "{\"do\":\"blocking-call\",\"thread\":\"t\",\"call\":\"IOMalloc\"}",
                alloc("M2", "IOLock"), lock("t", "M2"));
        assertThat(lines(sim)).contains("lock.acquire t S2 1");   // a spin lock under a spin lock is allowed
        assertThat(problems(sim)).extracting(e -> e.details().get("problem") + " " + e.details().get("call"))
                .containsExactly("block-with-spin-lock IOLockSleep", "block-with-spin-lock IOMalloc",
                        "block-with-spin-lock IOLockLock");
    }

    @Test
    @DisplayName("LK5: IORWLock shares readers, excludes a writer, and a second take by one thread is reported")
    void readWrite() throws Exception {
        String read1 = "{\"do\":\"lock\",\"name\":\"W\",\"thread\":\"r1\",\"mode\":\"read\"}";
        String read2 = "{\"do\":\"lock\",\"name\":\"W\",\"thread\":\"r2\",\"mode\":\"read\"}";
        String write = "{\"do\":\"lock\",\"name\":\"W\",\"thread\":\"w\",\"mode\":\"write\"}";
        Simulation sim = run(alloc("W", "IORWLock"), read1, read2, write, read1.replace("r1", "r3"),
                read1, unlock("r1", "W"), unlock("r2", "W"), unlock("w", "W"));
        assertThat(lines(sim)).containsSubsequence("lock.acquire r1 W 1", "lock.acquire r2 W 1",
                "lock.wait w W r1, r2", "lock.wait r3 W r1, r2",   // a reader queues behind the waiting writer
                "problem recursive-rw r1 W", "lock.release r1 W 0", "lock.release r2 W 0",
                "lock.acquire w W 1 resumed", "lock.release w W 0", "lock.acquire r3 W 1 resumed");
    }

    @Test
    @DisplayName("LK6: IOLockSleep needs the lock; IORecursiveLockSleep gives up the whole count and takes it back")
    void sleepGivesTheLockUp() throws Exception {
        Simulation sim = run(alloc("A", "IOLock"), alloc("R", "IORecursiveLock"),
                "{\"do\":\"lock-sleep\",\"name\":\"A\",\"thread\":\"t\",\"event\":\"e\"}",
                lock("t", "R"), lock("t", "R"),
                "{\"do\":\"lock-sleep\",\"name\":\"R\",\"thread\":\"t\",\"event\":\"done\"}",
                lock("u", "R"), lock("u", "R"),
                "{\"do\":\"lock-wakeup\",\"event\":\"done\"}", unlock("u", "R"), unlock("u", "R"));
        assertThat(lines(sim)).contains("problem sleep-without-lock t A")
                .containsSubsequence("lock.acquire t R 2", "lock.acquire u R 1", "lock.acquire u R 2",
                        "lock.release u R 0", "lock.acquire t R 2 resumed");
        assertThat(lines(sim).stream().filter(l -> l.startsWith("lock.wait t R"))).hasSize(1);
    }

    @Test
    @DisplayName("LK7: a wakeup wakes the sleepers present now, in order; one nobody waits for is lost")
    void wakeupOrderAndLoss() throws Exception {
        String sleep = "{\"do\":\"lock-sleep\",\"name\":\"A\",\"thread\":\"T\",\"event\":\"e\"}";
        Simulation sim = run(alloc("A", "IOLock"), "{\"do\":\"lock-wakeup\",\"event\":\"e\"}",
                lock("t1", "A"), sleep.replace("T", "t1"), lock("t2", "A"), sleep.replace("T", "t2"),
                "{\"do\":\"lock-wakeup\",\"event\":\"e\",\"oneThread\":\"true\"}", lock("t2", "A"),
                unlock("t1", "A"), "{\"do\":\"lock-wakeup\",\"event\":\"e\"}");
        assertThat(lines(sim)).containsSubsequence("lock.wakeup {event=e, woken=0}",
                "lock.wakeup {event=e, woken=1}", "lock.acquire t1 A 1 resumed",
                "scenario.error {action=lock, reason=thread t2 cannot act: it is asleep on e}",
                "lock.release t1 A 0", "lock.wakeup {event=e, woken=1}", "lock.acquire t2 A 1 resumed");
    }

    @Test
    @DisplayName("LK8: A then B on one work loop and B then A on another is reported with both paths")
    void orderInversion() throws Exception {
        Simulation sim = run(alloc("A", "IOLock"), alloc("B", "IOLock"),
                lock("wl1", "A"), lock("wl1", "B"), unlock("wl1", "B"), unlock("wl1", "A"),
                lock("wl2", "B"), lock("wl2", "A"), unlock("wl2", "A"), unlock("wl2", "B"),
                lock("wl2", "B"), lock("wl2", "A"));
        List<JournalEvent> p = problems(sim);
        assertThat(p).hasSize(1);     // once per pair of locks
        assertThat(p.get(0).details()).containsEntry("problem", "order-inversion")
                .containsEntry("first", "thread wl1 holds A and takes B (t=4000)")
                .containsEntry("second", "thread wl2 holds B and takes A (t=8000)");
    }

    @Test
    @DisplayName("LK9: two threads each waiting for the lock the other holds are a deadlock, named as a cycle")
    void deadlockCycle() throws Exception {
        Simulation sim = run(alloc("A", "IOLock"), alloc("B", "IOLock"), lock("wl1", "A"), lock("wl2", "B"),
                lock("wl1", "B"), lock("wl2", "A"), unlock("wl1", "A"));
        JournalEvent d = problems(sim).stream().filter(e -> e.details().get("problem").equals("deadlock"))
                .findFirst().orElseThrow();
        assertThat(d.details()).containsEntry("cycle", "wl2 waits for A held by wl1; wl1 waits for B held by wl2");
        assertThat(lines(sim)).last().isEqualTo(
                "scenario.error {action=unlock, reason=thread wl1 cannot act: it is waiting for B}");
        assertThat(sim.extension(IOLocks.class).parkedThreads()).containsEntry("wl1", "B").containsEntry("wl2", "A");
    }

    @Test
    @DisplayName("LK1: bad lock actions are journalled, never thrown")
    void badActions() throws Exception {
        Simulation sim = run(alloc("A", "IOSpinLock"), lock("t", "nope"), alloc("A", "IOLock"), alloc("A", "IOLock"),
                "{\"do\":\"lock\",\"name\":\"A\",\"thread\":\"t\",\"mode\":\"sideways\"}",
                "{\"do\":\"lock-sleep\",\"name\":\"A\",\"thread\":\"t\"}");
        assertThat(lines(sim)).filteredOn(l -> l.startsWith("scenario.error")).containsExactly(
                "scenario.error {action=lock-alloc, reason=kind is IOLock, IORecursiveLock, IOSimpleLock or "
                        + "IORWLock, not IOSpinLock}",
                "scenario.error {action=lock, reason=no lock named nope (lock-alloc it first)}",
                "scenario.error {action=lock-alloc, reason=a lock named A exists already}",
                "scenario.error {action=lock, reason=mode is read or write, not sideways}",
                "scenario.error {action=lock-sleep, reason=no event}");
    }
}
