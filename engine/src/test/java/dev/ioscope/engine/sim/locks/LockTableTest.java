package dev.ioscope.engine.sim.locks;

import dev.ioscope.engine.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.ioscope.engine.sim.locks.LockRulesTest.alloc;
import static dev.ioscope.engine.sim.locks.LockRulesTest.lock;
import static dev.ioscope.engine.sim.locks.LockRulesTest.unlock;
import static org.assertj.core.api.Assertions.assertThat;

/** The workbench's lock table, folded from the journal: it agrees with the engine's own state at every step. */
class LockTableTest {
    @TempDir
    Path dir;

    @Test
    void foldsHoldersWaitersSleepersAndProblems() throws Exception {
        LockRulesTest rules = new LockRulesTest();
        rules.dir = dir;
        Simulation sim = rules.run(alloc("A", "IOLock"), alloc("B", "IOLock"), alloc("R", "IORecursiveLock"),
                lock("wl1", "A"), lock("wl2", "B"), lock("wl3", "R"), lock("wl3", "R"),
                "{\"do\":\"lock-sleep\",\"name\":\"R\",\"thread\":\"wl3\",\"event\":\"ready\"}",
                lock("wl1", "B"), lock("wl2", "A"), unlock("wl4", "R"));
        LockTable t = new LockTable();
        sim.journal().forEach(t::accept);
        assertThat(t.rows()).containsExactly(
                new LockTable.Row("A", "IOLock", "", List.of("wl1"), List.of("wl2"), List.of()),
                new LockTable.Row("B", "IOLock", "", List.of("wl2"), List.of("wl1"), List.of()),
                new LockTable.Row("R", "IORecursiveLock", "", List.of(), List.of(), List.of("wl3 on ready")));
        assertThat(t.problems()).extracting(LockTable.Problem::problem)
                .containsExactly("order-inversion", "deadlock", "unlock-not-held");
        assertThat(t.problems().get(1).detail())
                .isEqualTo("wl2 waits for A held by wl1; wl1 waits for B held by wl2");
        assertThat(t.problems().get(1).explanation()).contains("none can go on");
        assertThat(t.seen()).isEqualTo(sim.journalSize());
        // the held locks the table shows are the engine's
        assertThat(sim.extension(IOLocks.class).heldLocks()).containsEntry("wl1", List.of("A"))
                .containsEntry("wl2", List.of("B")).doesNotContainKey("wl3");
    }
}
