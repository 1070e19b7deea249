package dev.ioscope.app.workbench;

import dev.ioscope.app.TestData;
import dev.ioscope.engine.sim.Scenario;
import javafx.scene.control.TreeView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

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

    /** Waits for what the engine thread and then the FX thread make true (a pulse later). */
    public static void await(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
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
