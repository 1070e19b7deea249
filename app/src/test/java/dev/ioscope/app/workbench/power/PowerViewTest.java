package dev.ioscope.app.workbench.power;

import dev.ioscope.app.workbench.WorkbenchFixtures;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Power tab of a real workbench window under Monocle, on docs/examples/power-sleep-wake.json: the diagram,
 * the swim lanes and the message list follow sleep, wake, tickle and request pressed in the UI.
 */
@ExtendWith(ApplicationExtension.class)
class PowerViewTest {
    private static final String ROOT = "IOService:/IOPMrootDomain";
    private static final String BUS = "IOService:/bus";
    private static final String DISK = "IOService:/bus/disk";
    private static final String NIC = "IOService:/bus/nic";
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) throws Exception {
        view = WorkbenchFixtures.show("power", Scenario.read(Path.of("../docs/examples/power-sleep-wake.json")),
                false);
        vm = view.viewModel();
    }

    @BeforeEach
    void runTheScenario(FxRobot robot) throws Exception {
        robot.interact(() -> view.stage().toFront());
        robot.clickOn(robot.lookup("Power").match(this::mine).queryLabeled());
        robot.interact(vm::run);
        await(() -> vm.quietProperty().get() && !vm.runningProperty().get()
                && !vm.panelState(PowerRow.STATE).get().isEmpty());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());
    }

    private boolean mine(Node n) {
        return n.getScene() == view.stage().getScene();
    }

    private <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(id).match(this::mine).queryAs(type);
    }

    private PowerStateKind kind(FxRobot robot, String path) {
        PowerBox box = find(robot, "#powerDiagram", PowerDiagram.class).boxes().get(path);
        return box == null ? null : box.kind();
    }

    private PowerLanes.Lane lane(FxRobot robot, String path) {
        return find(robot, "#powerLanes", PowerSwimLanes.class).lanes().lanes().stream()
                .filter(l -> l.path().equals(path)).findFirst().orElseThrow();
    }

    private JournalEvent last(String kind, String entry) {
        return vm.events().stream().filter(e -> e.kind().id().equals(kind) && e.entry().equals(entry))
                .reduce((a, b) -> b).orElse(null);
    }

    /**
     * Presses a power button and runs the machine until quiet: the button adds a scenario action at now + 1 ns,
     * so the machine is no longer quiet once the session took it.
     */
    private void press(FxRobot robot, String id) throws Exception {
        robot.clickOn(find(robot, id, Node.class));
        await(() -> !vm.quietProperty().get());
        runToQuiet(robot);
    }

    /** Runs until quiet and waits for the FX side (pull, lanes, messages) to show it. */
    private void runToQuiet(FxRobot robot) throws Exception {
        robot.interact(vm::run);
        await(() -> vm.quietProperty().get() && !vm.runningProperty().get()
                && vm.eventsNowProperty().get() == vm.events().size());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void sleepAndWakeShowInTheDiagramAndTheSwimLanes(FxRobot robot) throws Exception {
        assertThat(kind(robot, ROOT)).isEqualTo(PowerStateKind.ON);
        assertThat(kind(robot, BUS)).isEqualTo(PowerStateKind.ON);

        long before = vm.clockNsProperty().get();
        press(robot, "#powerSleep");
        await(() -> kind(robot, ROOT) == PowerStateKind.LOW);
        assertThat(kind(robot, BUS)).isEqualTo(PowerStateKind.OFF);
        assertThat(kind(robot, NIC)).isEqualTo(PowerStateKind.OFF);
        assertThat(kind(robot, DISK)).isEqualTo(PowerStateKind.OFF);
        long sleptAt = last("power.system-sleep", ROOT).t();
        assertThat(sleptAt).isGreaterThan(before);
        // the lanes: the root domain has a low (sleep) segment that starts after the sleep was pressed
        await(() -> lane(robot, ROOT).segments().stream().anyMatch(s -> s.fromNs() > sleptAt && s.state() == 2
                && !s.changing()));
        PowerLanes.Lane bus = lane(robot, BUS);
        assertThat(bus.at(vm.clockNsProperty().get()).kind(bus.states())).isEqualTo(PowerStateKind.OFF);
        assertThat(bus.segments()).anyMatch(s -> s.fromNs() > sleptAt && s.changing());

        press(robot, "#powerWake");
        assertThat(last("power.system-wake", ROOT).t()).isGreaterThan(sleptAt);
        await(() -> kind(robot, ROOT) == PowerStateKind.ON);
        assertThat(kind(robot, BUS)).isEqualTo(PowerStateKind.ON);
        assertThat(kind(robot, NIC)).isEqualTo(PowerStateKind.ON);
        await(() -> {
            PowerLanes.Lane b = lane(robot, BUS);
            return b.at(vm.clockNsProperty().get()).kind(b.states()) == PowerStateKind.ON;
        });
        // the messages show the system's sleep and wake, in order, and end at the current position
        ListView<?> messages = find(robot, "#powerMessages", ListView.class);
        var kinds = messages.getItems().stream().map(e -> ((JournalEvent) e).kind().id()).toList();
        assertThat(kinds).containsSubsequence("power.system-sleep", "power.system-asleep", "power.system-wake",
                "power.system-awake");
        assertThat(kinds).allMatch(k -> k.startsWith("power."));
    }

    @Test
    void clickingALaneSelectsItsDeviceAndDoubleClickingGoesToThatChange(FxRobot robot) throws Exception {
        PowerSwimLanes lanes = find(robot, "#powerLanes", PowerSwimLanes.class);
        await(() -> lanes.lanes().lanes().size() == 4);
        assertThat(lanes.lanes().lanes().get(1).path()).isEqualTo(BUS);   // tree order: root domain, bus, ...
        Canvas canvas = robot.from(lanes).lookup((Node n) -> n instanceof Canvas)
                .queryAs(Canvas.class);
        var onBus = new Point2D(PowerSwimLanes.LABEL_W / 2,
                PowerSwimLanes.AXIS_H + 1.5 * PowerSwimLanes.LANE_H);
        robot.clickOn(robot.point(canvas).atPosition(Pos.TOP_LEFT).atOffset(onBus));
        await(() -> BUS.equals(vm.selectedEntryProperty().get()));
        assertThat(find(robot, "#powerDiagram", PowerDiagram.class).boxes().get(BUS).isSelected()).isTrue();

        // a double click in the lane's time area: the machine goes back to the event that began that segment
        int before = vm.eventsNowProperty().get();
        var early = new Point2D(PowerSwimLanes.LABEL_W + 30,
                PowerSwimLanes.AXIS_H + 1.5 * PowerSwimLanes.LANE_H);
        robot.doubleClickOn(robot.point(canvas).atPosition(Pos.TOP_LEFT).atOffset(early));
        await(() -> vm.eventsNowProperty().get() < before);
        JournalEvent at = vm.selectedEventProperty().get();
        assertThat(at.entry()).isEqualTo(BUS);
        assertThat(at.kind().id()).startsWith("power.");
    }

    @Test
    void goingBackIntoTheSleepShowsTheRootDomainChanging(FxRobot robot) throws Exception {
        JournalEvent sps = vm.events().stream().filter(e -> e.kind().id().equals("power.set-power-state")
                && e.entry().equals(ROOT)).findFirst().orElseThrow();
        robot.interact(() -> vm.selectEvent(sps));
        await(() -> vm.eventsNowProperty().get() == sps.seq() + 1 && kind(robot, ROOT) == PowerStateKind.CHANGING);
        PowerBox root = find(robot, "#powerDiagram", PowerDiagram.class).boxes().get(ROOT);
        assertThat(root.stateText()).isEqualTo("state 3 → 2 · 4 states");
        assertThat(kind(robot, BUS)).isEqualTo(PowerStateKind.OFF);
        // the messages stop at the current position; the lanes still know the future (faded after the cursor)
        ListView<?> messages = find(robot, "#powerMessages", ListView.class);
        await(() -> messages.getItems().get(messages.getItems().size() - 1) == sps);
        assertThat(lane(robot, ROOT).at(sps.t() + 1).state()).isEqualTo(2);
        assertThat(lane(robot, ROOT).segments().get(lane(robot, ROOT).segments().size() - 1).toNs())
                .isGreaterThan(vm.clockNsProperty().get());
    }

    @Test
    void tickleAndRequestActOnTheDeviceSelectedInTheDiagram(FxRobot robot) throws Exception {
        assertThat(find(robot, "#powerTickle", Node.class).isDisabled()).isTrue();   // nothing selected yet
        robot.clickOn(find(robot, "#powerDiagram", PowerDiagram.class).boxes().get(DISK));
        await(() -> DISK.equals(vm.selectedEntryProperty().get()));
        assertThat(find(robot, "#powerDiagram", PowerDiagram.class).boxes().get(DISK).isSelected()).isTrue();
        assertThat(find(robot, "#powerDevice", Label.class).getText()).isEqualTo("disk");
        assertThat(kind(robot, DISK)).isEqualTo(PowerStateKind.OFF);   // its idle timer took it down

        long before = vm.clockNsProperty().get();
        press(robot, "#powerTickle");
        long tickled = last("power.tickle", DISK).t();
        assertThat(tickled).isGreaterThan(before);
        // raised to its highest state by the tickle, then lowered again by its idle timer
        await(() -> lane(robot, DISK).segments().stream().anyMatch(s -> s.fromNs() > tickled && s.state() == 2
                && !s.changing()));
        ListView<?> messages = find(robot, "#powerMessages", ListView.class);
        await(() -> messages.getItems().contains(last("power.tickle", DISK)));

        long tickleEnd = vm.clockNsProperty().get();
        @SuppressWarnings("unchecked")
        Spinner<Integer> state = find(robot, "#powerRequestState", Spinner.class);
        assertThat(((SpinnerValueFactory.IntegerSpinnerValueFactory) state.getValueFactory())
                .getMax()).isEqualTo(2);   // the disk's three states
        robot.interact(() -> state.getValueFactory().setValue(1));
        press(robot, "#powerRequest");
        assertThat(last("power.request", DISK).t()).isGreaterThan(tickleEnd);
        assertThat(last("power.request", DISK).details()).containsEntry("client", "driver").containsEntry("state", "1");
        // the driver's own desire holds it at 1 whatever its idle timer does
        await(() -> kind(robot, DISK) == PowerStateKind.LOW);

        long requested = vm.clockNsProperty().get();
        @SuppressWarnings("unchecked")
        ChoiceBox<String> via = find(robot, "#powerRequestVia", ChoiceBox.class);
        robot.interact(() -> via.setValue("usable"));
        press(robot, "#powerRequest");
        assertThat(last("power.request", DISK).t()).isGreaterThan(requested);
        assertThat(last("power.request", DISK).details()).containsEntry("via", "makeUsable");
        await(() -> messages.getItems().contains(last("power.request", DISK)));
    }

    @Test
    void theSwimLanesZoomToTheChangeJustTriggered(FxRobot robot) throws Exception {
        PowerSwimLanes lanes = find(robot, "#powerLanes", PowerSwimLanes.class);
        press(robot, "#powerSleep");
        long at = vm.powerActionAtProperty().get();
        assertThat(at).isPositive();
        await(() -> lanes.lanes().changesFrom(at) != null);
        PowerLanes.Span span = lanes.lanes().changesFrom(at);
        double[] shown = lanes.shown();
        // the window holds the changes the sleep set off, from the action on, and not the whole run before it
        assertThat(shown[0]).isGreaterThan(0).isLessThanOrEqualTo(at);
        assertThat(shown[1]).isGreaterThanOrEqualTo(span.toNs());
        assertThat(span.fromNs()).isGreaterThanOrEqualTo(at);
    }

    @Test
    void sleepButtonTakesThePowerTreeDown(FxRobot robot) throws Exception {
        // a second window on the power example beside this one: its own session and engine thread
        WorkbenchView[] power = new WorkbenchView[1];
        robot.interact(() -> {
            try {
                power[0] = new WorkbenchView(new Stage(), "power", Scenario.read(
                        Path.of("../docs/examples/power-sleep-wake.json")), false);
                power[0].stage().show();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WorkbenchViewModel pvm = power[0].viewModel();
        try {
            robot.interact(pvm::run);
            await(() -> pvm.quietProperty().get() && !pvm.panelState(PowerRow.STATE).get().isEmpty());
            robot.interact(() -> power[0].stage().toFront());
            robot.clickOn(robot.lookup("Power").match(n -> n.getScene() == power[0].stage().getScene())
                    .queryLabeled());
            robot.clickOn(robot.lookup("#powerSleep").match(n -> n.getScene() == power[0].stage().getScene())
                    .queryButton());
            await(() -> pvm.events().stream().anyMatch(e -> e.kind().id().equals("power.system-sleep")));
            robot.interact(pvm::run);
            await(() -> pvm.quietProperty().get() && pvm.panelState(PowerRow.STATE).get().stream().anyMatch(
                    r -> r.path().equals("IOService:/IOPMrootDomain") && r.state() == 2));
            PowerDiagram diagram = robot.lookup("#powerDiagram").match(n -> n.getScene() == power[0].stage()
                    .getScene()).queryAs(PowerDiagram.class);
            assertThat(diagram.boxes()).hasSize(pvm.panelState(PowerRow.STATE).get().size());
            assertThat(pvm.panelState(PowerRow.STATE).get()).filteredOn(r -> r.path().equals("IOService:/bus"))
                    .singleElement()
                    .extracting(PowerRow::state).isEqualTo(0);
        } finally {
            robot.interact(() -> power[0].stage().close());
        }
    }
}
