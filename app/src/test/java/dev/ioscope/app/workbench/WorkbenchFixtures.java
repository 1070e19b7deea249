package dev.ioscope.app.workbench;

import dev.ioscope.app.TestData;
import dev.ioscope.engine.sim.Scenario;

import java.nio.file.Files;
import java.nio.file.Path;

/** docs/examples/intelmausi-hotplug.json with the kext path made absolute (the test runs from a temp folder). */
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
}
