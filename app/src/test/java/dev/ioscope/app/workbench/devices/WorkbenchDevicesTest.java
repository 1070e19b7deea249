package dev.ioscope.app.workbench.devices;

import dev.ioscope.app.workbench.WorkbenchFixtures;
import dev.ioscope.app.workbench.Breakpoint;
import dev.ioscope.app.workbench.MachineSession;
import dev.ioscope.app.workbench.SessionFile;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.cli.Cli;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.spi.PaletteDevice;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench on the booted virtual Mac: the Devices palette plugs a USB stick into a free root port and unplugs
 * it, a breakpoint is set, and the saved session replays headlessly ({@code ioscope run}) to the very journal the
 * window shows, and reopens with its breakpoint.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchDevicesTest {
    private static final String PORT =
            "IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/XHC1@14/AppleIntelCNLUSBXHCI/HS02@14200000";
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) {
        view = WorkbenchFixtures.show("Virtual Mac", MachineSession.defaultMachine(), false);
        vm = view.viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());
    }

    private boolean journalHas(String kind, String entryPrefix) {
        return vm.events().subList(0, vm.eventsNowProperty().get()).stream()
                .anyMatch(e -> e.kind().id().equals(kind) && e.entry().startsWith(entryPrefix));
    }

    @Test
    @SuppressWarnings("unchecked")
    void plugUnplugAndASavedSessionReplaysToTheSameJournal(FxRobot robot) throws Exception {
        await(() -> vm.registryProperty().get() != null);
        robot.clickOn("#run");
        await(() -> vm.quietProperty().get() && !vm.runningProperty().get());
        // the booted machine's registry, kept to compare with after the plug
        robot.interact(() -> menuItem(robot, "markStep").fire());
        await(() -> vm.statusProperty().get().startsWith("marked Virtual Mac at t = "));
        robot.clickOn("Devices");
        ListView<DevicePalette.Slot> slots = robot.lookup("#deviceSlots").queryAs(ListView.class);
        await(() -> slots.getItems().stream().anyMatch(s -> s.path().equals(PORT)));
        // the virtual Mac's families offer root ports, hub ports and bridges
        assertThat(slots.getItems()).extracting(DevicePalette.Slot::className)
                .contains("AppleUSB20XHCIPort", "AppleUSB30XHCIPort", "IOPCI2PCIBridge");
        robot.interact(() -> slots.getSelectionModel().select(slots.getItems().stream()
                .filter(s -> s.path().equals(PORT)).findFirst().orElseThrow()));
        ListView<PaletteDevice> devices = robot.lookup("#paletteDevices")
                .queryAs(ListView.class);
        assertThat(devices.getItems()).extracting(PaletteDevice::bus).containsOnly("usb");
        robot.interact(() -> devices.getSelectionModel().select(devices.getItems().stream()
                .filter(d -> d.label().contains("flash drive")).findFirst().orElseThrow()));
        robot.clickOn("#plugDevice");
        await(() -> !vm.runningProperty().get() && vm.statusProperty().get().startsWith("stopped"));
        robot.clickOn("#run");
        await(() -> journalHas("service.start", PORT + "/Ultra@14200000/Ultra@0/IOUSBMassStorageDriver"));
        await(() -> vm.quietProperty().get() && !vm.runningProperty().get());
        // the port is taken now: "free slots only" hides it
        await(() -> slots.getItems().stream().noneMatch(s -> s.path().equals(PORT)));

        // the registry at this step in an explorer window: every plane, the stick in IOUSB too
        robot.clickOn("#exploreStep");
        await(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage st
                && st.getTitle() != null && st.getTitle().contains("Virtual Mac at t = ")
                && st.getTitle().endsWith("— IOScope")));
        Stage explorer = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage st
                && st.getTitle() != null && st.getTitle().contains("Virtual Mac at t = ")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        var tree = (TreeTableView<IORegistryEntry>) explorer
                .getScene().getRoot().lookup(".tree-table-view");
        await(() -> tree.getRoot() != null);
        var root = tree.getRoot().getValue();
        var usb = root.planes().stream().filter(p -> p.name().equals("IOUSB")).findFirst().orElseThrow();
        assertThat(names(root, usb)).contains("Ultra");
        robot.interact(explorer::close);

        // marked step → this step in the explorer's comparison: the stick's stack is what was added
        robot.interact(() -> menuItem(robot, "compareSteps").fire());
        await(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage st
                && st.getScene() != null && st.getScene().getRoot().lookup("#diffBanner") instanceof Label l
                && l.getText().startsWith("Comparing Virtual Mac at t = ")));
        Stage diff = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage st
                && st.getScene() != null && st.getScene().getRoot().lookup("#diffBanner") instanceof Label l
                && l.getText().startsWith("Comparing")).findFirst().orElseThrow();
        String banner = ((Label) diff.getScene().getRoot().lookup("#diffBanner")).getText();
        assertThat(banner).contains("(before) with Virtual Mac at t = ").contains("matched by registry ID");
        int added = Integer.parseInt(banner.replaceAll(".*\\(after\\): (\\d+) added.*", "$1"));
        assertThat(added).as(banner).isGreaterThanOrEqualTo(4);   // device, interface, two drivers (+ power links)
        robot.interact(diff::close);

        robot.interact(() -> vm.selectedEntryProperty().set(PORT + "/Ultra@14200000"));
        robot.clickOn("#unplugDevice");
        await(() -> vm.statusProperty().get().startsWith("stopped"));
        robot.clickOn("#run");
        await(() -> journalHas("registry.detach", PORT + "/Ultra@14200000"));
        await(() -> vm.quietProperty().get() && !vm.runningProperty().get());

        robot.interact(() -> vm.addBreakpoint(Breakpoint.On.KIND, "device.plug"));
        Path saved = Files.createTempDirectory("session").resolve("session.json");
        robot.interact(() -> vm.saveSession(saved));
        assertThat(vm.statusProperty().get()).contains("session saved");

        List<String> shown = vm.events().subList(0, vm.eventsNowProperty().get()).stream()
                .map(JournalEvent::line).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", saved.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip().split("\n")).containsExactlyElementsOf(shown);

        SessionFile.Session back = SessionFile.load(saved);
        assertThat(back.breakpoints()).containsExactly(new Breakpoint(Breakpoint.On.KIND, "device.plug"));
        assertThat(back.scenario().actions()).extracting(a -> a.type()).containsExactly("plug", "unplug");
    }

    private static List<String> names(IORegistryEntry e,
                                      IORegistryPlane plane) {
        List<String> out = new ArrayList<>();
        for (var c : e.children(plane)) {
            out.add(c.name());
            out.addAll(names(c, plane));
        }
        return out;
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        var button = robot.lookup("#exploreStep").queryAs(SplitMenuButton.class);
        return button.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
