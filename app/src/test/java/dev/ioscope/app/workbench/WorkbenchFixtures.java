package dev.ioscope.app.workbench;

import dev.ioscope.app.Await;
import dev.ioscope.app.TestData;
import dev.ioscope.engine.sim.Scenario;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * docs/examples/intelmausi-hotplug.json with the kext path made absolute (the test runs from a temp folder), and
 * what the window tests on it share.
 */
public final class WorkbenchFixtures {
    private WorkbenchFixtures() {
    }

    public static Scenario hotplug(Path dir) throws Exception {
        String kext = TestData.path("kexts/IntelMausi").toString().replace("\\", "\\\\");
        String json = """
                {"machine": "empty", "kexts": ["%s"],
                 "actions": [
                  {"at": 0, "do": "add-notification", "type": "matched",
                   "matching": {"IOProviderClass": "IOPCIDevice"}},
                  {"at": 5000, "do": "publish", "parent": "IOService:/", "class": "IOPCIDevice", "name": "ethernet",
                   "location": "1f,6",
                   "properties": {"vendor-id": {"data": "86800000"}, "device-id": {"data": "b8150000"}}},
                  {"at": 7000, "do": "publish", "parent": "IOService:/", "class": "IOPCIDevice", "name": "realtek",
                   "properties": {"vendor-id": {"data": "ec100000"}, "device-id": {"data": "68810000"}}},
                  {"at": 1000000, "do": "terminate", "path": "IOService:/ethernet@1f,6"}
                 ]}
                """.formatted(kext);
        Path f = dir.resolve("hotplug.json");
        Files.writeString(f, json);
        return Scenario.read(f);
    }

    public static boolean has(EntryNode root, String path) {
        boolean[] found = {false};
        root.forEach(n -> found[0] |= n.path().equals(path));
        return found[0];
    }

    /** {@code json} written to {@code dir}/s.json and read as a user's scenario file is. */
    public static Scenario scenario(Path dir, String json) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        return Scenario.read(f);
    }

    /** One scheduler step forward or back, waited for: the clock line ("t = …   step N") moves with every step. */
    public static void step(FxRobot robot, WorkbenchViewModel vm, boolean back) throws Exception {
        String before = vm.clockProperty().get();
        robot.interact(back ? vm::stepBack : vm::step);
        Await.until(() -> !vm.clockProperty().get().equals(before));
    }

    /** A workbench window on {@code scenario}, shown; call it on the FX thread, as a {@code @Start} method is. */
    public static WorkbenchView show(String title, Scenario scenario, boolean dark) {
        Stage stage = new Stage();
        WorkbenchView view = new WorkbenchView(stage, title, scenario, dark);
        stage.show();
        return view;
    }

    /** Waits for what the engine thread and then the FX thread make true (a pulse later). */
    public static void await(Callable<Boolean> c) throws Exception {
        Await.until(c);
    }

    /** The window's registry at the current step. */
    @SuppressWarnings("unchecked")
    public static TreeView<EntryNode> tree(FxRobot robot) {
        return robot.lookup("#workbenchTree").queryAs(TreeView.class);
    }

    public static boolean treeHas(FxRobot robot, String path) {
        return has(tree(robot).getRoot().getValue(), path);
    }
}
