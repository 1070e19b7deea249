package dev.ioscope.app.workbench.locks;

import dev.ioscope.app.workbench.WorkbenchFixtures;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.registry.IOKitDiagnostics.ClassCount;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.locks.LockTable;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.util.List;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench's Locks tab on two work loops that deadlock (rules LK8, LK9), back a step, and its Diagnostics tab
 * whose counts move as a nub comes and goes (DG3).
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchLocksTest {
    static final String SCENARIO = """
            {"machine": "empty", "actions": [
              {"at": 1000, "do": "lock-alloc", "name": "A", "kind": "IOLock"},
              {"at": 1000, "do": "lock-alloc", "name": "B", "kind": "IOLock"},
              {"at": 2000, "do": "lock", "name": "A", "thread": "Disk.workLoop"},
              {"at": 3000, "do": "lock", "name": "B", "thread": "Net.workLoop"},
              {"at": 4000, "do": "lock", "name": "B", "thread": "Disk.workLoop"},
              {"at": 5000, "do": "lock", "name": "A", "thread": "Net.workLoop"},
              {"at": 6000, "do": "publish", "parent": "IOService:/", "class": "IOPCIDevice", "name": "widget"},
              {"at": 90000, "do": "terminate", "path": "IOService:/widget"}
            ]}
            """;
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @AfterEach
    void close(FxRobot robot) {
        if (view != null) {
            robot.interact(() -> view.stage().close());
        }
    }

    private void runTo(FxRobot robot, String kind) throws Exception {
        while (vm.events().subList(0, vm.eventsNowProperty().get()).stream()
                .noneMatch(e -> e.kind().id().equals(kind))) {
            WorkbenchFixtures.step(robot, vm, false);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void locksTabShowsTheDeadlockAndDiagnosticsMove(FxRobot robot, @TempDir Path dir) throws Exception {
        Scenario s = WorkbenchFixtures.scenario(dir, SCENARIO);
        robot.interact(() -> {
            view = WorkbenchFixtures.show("locks", s, false);
            vm = view.viewModel();
        });
        await(() -> vm.registryProperty().get() != null);
        runTo(robot, "lock.wait");
        robot.clickOn("I/O Kit");
        robot.clickOn("Locks");
        TableView<LockTable.Row> table = robot.lookup("#locksTable").queryAs(TableView.class);
        ListView<LockTable.Problem> problems = robot.lookup("#lockProblems").queryAs(ListView.class);
        await(() -> table.getItems().size() == 2);
        assertThat(table.getItems().get(1).waiters()).containsExactly("Disk.workLoop");
        assertThat(problems.getItems()).isEmpty();

        runTo(robot, "registry.attach");
        await(() -> problems.getItems().size() == 2);
        assertThat(table.getItems()).extracting(LockTable.Row::holders)
                .containsExactly(List.of("Disk.workLoop"), List.of("Net.workLoop"));
        robot.interact(() -> problems.getSelectionModel().select(1));
        assertThat(robot.lookup("#lockExplanation").queryAs(TextArea.class).getText())
                .startsWith("deadlock (LK9) at #")
                .contains("Net.workLoop waits for A held by Disk.workLoop; Disk.workLoop waits for B held by "
                        + "Net.workLoop")
                .contains("Why: every thread in the cycle waits");

        // the Diagnostics tab: the widget counts once it is attached (the registry is republished at each stop)
        robot.clickOn("Diagnostics");
        TableView<ClassCount> counts = robot.lookup("#diagnosticsTable").queryAs(TableView.class);
        await(() -> counts.getItems().contains(new ClassCount("IOPCIDevice", 1)));

        // back to before the deadlock: the table is what it was then
        for (int i = 0; i < 2; i++) {
            String before = vm.clockProperty().get();
            robot.interact(vm::stepBack);
            await(() -> !vm.clockProperty().get().equals(before));
        }
        await(() -> problems.getItems().size() < 2);
        assertThat(counts.getItems()).doesNotContain(new ClassCount("IOPCIDevice", 1));
    }
}
