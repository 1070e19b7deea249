package dev.ioscope.app.workbench.userclient;

import dev.ioscope.app.workbench.WorkbenchFixtures;
import dev.ioscope.app.workbench.MachineSession;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.cli.Cli;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.userclient.MethodDescription;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user-client console in a real workbench window on docs/examples/userclient-demo.json: open the demo service,
 * call {@code add} with a wrong argument count (kIOReturnBadArgument, the count check of
 * {@code IOUserClient::externalMethod}), then correctly, then an async call whose completion arrives on virtual
 * time; the saved session replays with {@code ioscope run}.
 */
@ExtendWith(ApplicationExtension.class)
class UserClientConsoleTest {
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) throws Exception {
        view = WorkbenchFixtures.show("userclient-demo",
                Scenario.read(Path.of("../docs/examples/userclient-demo.json")), false);
        vm = view.viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());
    }

    /** Scrolls the console's form so {@code n} is in view (the form scrolls in a small window), as a user would. */
    static <T extends Node> T shown(FxRobot robot, T n) {
        robot.interact(() -> {
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane sp && sp.getContent() != null) {
                    double y = sp.getContent().sceneToLocal(n.localToScene(0, 0)).getY();
                    double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / room)));
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return n;
    }

    private static Node node(FxRobot robot, String id) {
        return shown(robot, robot.lookup(id).query());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    @Test
    void wrongArgumentCountAnswersBadArgumentThenCallsSucceedAndTheSessionReplays(FxRobot robot) throws Exception {
        await(() -> vm.registryProperty().get() != null);
        robot.interact(vm::run);
        await(() -> vm.quietProperty().get() && !vm.runningProperty().get() && vm.events().stream()
                .anyMatch(e -> e.kind().id().equals("userclient.close")));
        robot.clickOn("User clients");
        ComboBox<String> service = robot.lookup("#ucService").queryAs(ComboBox.class);
        await(() -> service.getItems().contains("IOService:/demo"));
        robot.interact(() -> service.setValue("IOService:/demo"));
        robot.clickOn("#ucOpen");

        // the demo client's method table, from the engine's description of it
        TableView<MethodDescription> methods = robot.lookup("#ucMethods").queryAs(TableView.class);
        await(() -> methods.getItems().size() == 10);
        assertThat(robot.lookup("#ucConnection").queryAs(ComboBox.class).getValue())
                .extracting("name", "userClientClass", "closed").containsExactly("ui0", "IOScopeDemoUserClient", false);
        robot.interact(() -> methods.getSelectionModel().select(0));
        assertThat(methods.getSelectionModel().getSelectedItem().name()).isEqualTo("add");
        // Call, below the scrolling form, names the method it calls
        assertThat(robot.lookup("#ucCall").queryButton().getText()).isEqualTo("Call add (selector 0)");
        assertThat(text(robot, "#ucDoc")).contains("scalar 0 + scalar 1");

        // one scalar where the row wants two: kIOReturnBadArgument
        robot.clickOn(node(robot, "#scalar0")).write("1");
        robot.clickOn("#ucCall");
        await(() -> text(robot, "#ucResult").contains("kIOReturn"));
        assertThat(text(robot, "#ucResult")).isEqualTo("add: kIOReturnBadArgument (0xe00002c2)");

        // both scalars, one in hex: 1 + 0x10 = 17
        robot.clickOn(node(robot, "#scalar1")).write("0x10");
        robot.clickOn("#ucCall");
        await(() -> text(robot, "#ucResult").contains("kIOReturnSuccess"));
        assertThat(text(robot, "#ucResult")).isEqualTo("add: kIOReturnSuccess (0x00000000)");
        assertThat(text(robot, "#ucOutputs")).contains("#0 = 17 (0x11)");

        // async delayedAnswer (refcon 4: its place among the console's actions): returns at once, completes 2000 ns of
        // virtual time later
        robot.interact(() -> methods.getSelectionModel().select(3));
        robot.clickOn(node(robot, "#scalar0")).write("2000");
        robot.clickOn(node(robot, "#asyncCall"));
        assertThat(robot.lookup("#asyncCall").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.clickOn("#ucCall");
        await(() -> text(robot, "#ucOutputs").contains("not yet arrived"));
        long callAt = vm.events().stream().filter(e -> e.kind().id().equals("userclient.call")).reduce((a, b) -> b)
                .orElseThrow().t();
        assertThat(text(robot, "#ucResult")).isEqualTo("delayedAnswer: kIOReturnSuccess (0x00000000)");
        CallHistory history = findHistory(robot);
        assertThat(history.text()).contains("async completion pending");
        robot.interact(vm::run);
        await(() -> history.text().contains("async completion refcon 4"));
        assertThat(history.text()).contains("⤷ t=" + (callAt + 2000) + "  async completion refcon 4: "
                + "kIOReturnSuccess (0x00000000)  args=[42, 2000]");
        assertThat(text(robot, "#ucOutputs")).contains("async completion at t=" + (callAt + 2000));
        List<String> lines = Arrays.asList(history.text().split("\n"));
        assertThat(lines.get(0)).startsWith("{\"at\":21001,\"do\":\"open\"");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("kIOReturnBadArgument (0xe00002c2)  add"));

        // the demo's data queue: map it, enqueue through a call, see the entry drawn, dequeue it as user space does
        robot.clickOn("#ucMap");   // memory type 1 is the default
        await(() -> robot.lookup("#ucQueue1").tryQuery().isPresent());
        robot.interact(() -> methods.getSelectionModel().select(8));
        assertThat(methods.getSelectionModel().getSelectedItem().name()).isEqualTo("enqueue");
        robot.clickOn(node(robot, "#structHex")).write("01 02 03 04 05");
        robot.clickOn("#ucCall");
        await(() -> queueTitle(robot).contains("1 entry"));
        assertThat(queueTitle(robot)).contains("head 0  tail 9");
        robot.clickOn("#ucDequeue");
        await(() -> history.text().contains("data=0102030405"));
        await(() -> queueTitle(robot).contains("0 entries"));
        assertThat(queueTitle(robot)).contains("head 9  tail 9");

        // the saved session is a scenario the command line replays to the same answers
        Path saved = Files.createTempDirectory("uc").resolve("session.json");
        robot.interact(() -> findConsole(robot).save(saved));
        assertThat(saved).exists();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", saved.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        List<String> ui = Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(l -> l.contains("connection=\"ui0\"")).toList();
        assertThat(ui).hasSize(8);
        assertThat(ui.get(0)).contains("t=21001 userclient.open IOService:/demo").contains("kIOReturnSuccess");
        assertThat(ui.get(1)).contains("userclient.call").contains("method=\"add\"")
                .contains("result=\"kIOReturnBadArgument\" value=\"0xe00002c2\"");
        assertThat(ui.get(2)).contains("scalars=\"[1, 16]\"").contains("scalarOutput=\"[17]\"");
        assertThat(ui.get(4)).contains("t=" + (callAt + 2000) + " userclient.async.complete")
                .contains("args=\"[42, 2000]\"");
        assertThat(ui.get(5)).contains("userclient.map").contains("memoryType=\"1\"");
        assertThat(ui.get(7)).contains("userclient.dequeue").contains("data=\"0102030405\"");
    }

    /** The virtual Mac's AppleSMC: its SMCParamStruct is described, so the form offers typed fields. */
    @SuppressWarnings("unchecked")
    @Test
    void appleSmcKeyInfoThroughTypedStructureFields(FxRobot robot) throws Exception {
        WorkbenchView[] mac = new WorkbenchView[1];
        robot.interact(() -> {
            mac[0] = new WorkbenchView(new Stage(), "virtual Mac", MachineSession.defaultMachine(), false);
            mac[0].stage().show();
        });
        WorkbenchViewModel mvm = mac[0].viewModel();
        try {
            robot.interact(mvm::run);
            await(() -> mvm.quietProperty().get() && !mvm.runningProperty().get() && mvm.registryProperty().get()
                    != null && !mvm.events().isEmpty());
            Scene scene = mac[0].stage().getScene();
            robot.interact(() -> mac[0].stage().toFront());
            robot.clickOn(robot.lookup("User clients").match(n -> n.getScene() == scene).queryLabeled());
            ComboBox<String> service = robot.lookup("#ucService").match(n -> n.getScene() == scene)
                    .queryAs(ComboBox.class);
            await(() -> service.getItems().stream().anyMatch(p -> p.endsWith("/AppleSMC")));
            robot.interact(() -> service.setValue(service.getItems().stream().filter(p -> p.endsWith("/AppleSMC"))
                    .findFirst().orElseThrow()));
            robot.clickOn(robot.lookup("#ucOpen").match(n -> n.getScene() == scene).queryButton());
            TableView<MethodDescription> methods = robot.lookup("#ucMethods").match(n -> n.getScene() == scene)
                    .queryAs(TableView.class);
            await(() -> methods.getItems().size() == 3);
            robot.interact(() -> methods.getSelectionModel().select(2));
            // kSMCGetKeyInfo (data8 = 9) for the CPU proximity temperature
            robot.clickOn(shown(robot, robot.lookup("#field-key").match(n -> n.getScene() == scene).queryAs(
                    TextField.class))).write("TC0P");
            robot.clickOn(shown(robot, robot.lookup("#field-data8").match(n -> n.getScene() == scene).queryAs(
                    TextField.class))).write("9");
            String hex = robot.lookup("#structHex").match(n -> n.getScene() == scene)
                    .queryAs(TextArea.class).getText().replaceAll("\\s+", "");
            assertThat(hex).hasSize(160).startsWith("50304354");
            robot.clickOn(robot.lookup("#ucCall").match(n -> n.getScene() == scene).queryButton());
            Label result = robot.lookup("#ucResult").match(n -> n.getScene() == scene).queryAs(Label.class);
            Label outputs = robot.lookup("#ucOutputs").match(n -> n.getScene() == scene).queryAs(Label.class);
            await(() -> result.getText().contains("kIOReturn"));
            assertThat(result.getText()).isEqualTo("handleYPCEvent: kIOReturnSuccess (0x00000000)");
            assertThat(outputs.getText()).contains("key = 'TC0P'").contains("keyInfo.dataSize = 2 (0x2)")
                    .contains("keyInfo.dataType = 'sp78'").contains("result = 0 (0x0)");
        } finally {
            robot.interact(() -> mac[0].stage().close());
        }
    }

    private static String queueTitle(FxRobot robot) {
        return robot.lookup("#ucQueue1").queryAs(DataQueueView.class).getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).findFirst().orElse("");
    }

    private static UserClientConsole findConsole(FxRobot robot) {
        return robot.lookup(n -> n instanceof UserClientConsole).queryAs(UserClientConsole.class);
    }

    private static CallHistory findHistory(FxRobot robot) {
        return findConsole(robot).history();
    }
}
