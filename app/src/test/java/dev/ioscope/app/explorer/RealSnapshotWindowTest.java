package dev.ioscope.app.explorer;

import dev.ioscope.app.Await;
import dev.ioscope.app.TestData;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryIterator;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.text.IoregTextWriter;
import dev.ioscope.engine.snapshot.xml.IoregXmlWriter;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real window on the real snapshots in the corpus (engine/src/test/resources/real) (read through the engine's
 * readers).
 */
@ExtendWith(ApplicationExtension.class)
class RealSnapshotWindowTest {
    private ExplorerViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ExplorerViewModel(Jobs.background(), AppPreferences.at("dev/ioscope/test/real"));
        new ExplorerView(stage, vm);
        stage.show();
    }

    private void openAndWait(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> vm.open(file));
        Await.until(() -> vm.documentProperty().get() != null
                && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void macBookPro15PlanesSearchAndInspector(FxRobot robot) throws Exception {
        openAndWait(robot, TestData.path("snapshots/MacBookPro15-1.ioreg"));
        // 1859 entries, 7 planes: counted by hand in the archive's registryPlanes and entry table.
        assertThat(robot.lookup("#statusText").queryAs(Label.class).getText())
                .startsWith("MacBookPro15-1.ioreg — IORegistryExplorer archive — 1859 entries, 1156 in IOService")
                .contains("7 planes");
        assertThat(vm.planes()).extracting(p -> p.name())
                .contains("IOService", "IODeviceTree", "IOPower", "IOACPIPlane", "IOUSB");

        // First view: the platform expert device (IOService's base) open, and under it the platform expert
        // (AppleACPIPlatformExpert) selected and open, its children (CPUs, PCI0, power domain…) on screen.
        TreeTableView<IORegistryEntry> first = robot.lookup("#registryTree").queryAs(TreeTableView.class);
        var reg = vm.documentProperty().get().registry();
        var service = reg.findPlane("IOService").orElseThrow();
        IORegistryEntry device = RegistryPath.base(reg, service);
        assertThat(reg.classes().conformsTo(device, "IOPlatformExpertDevice")).isTrue();
        IORegistryEntry pe = first.getSelectionModel().getSelectedItem().getValue();
        assertThat(pe.className()).isEqualTo("AppleACPIPlatformExpert");
        assertThat(pe.parent(service)).isSameAs(device);
        assertThat(first.getSelectionModel().getSelectedItem().isExpanded()).isTrue();
        assertThat(first.getExpandedItemCount()).isEqualTo(2 + device.childCount(service) + pe.childCount(service));

        robot.clickOn("#searchField").write("XHC1");

        awaitSearched();
        robot.clickOn("#nextHit");
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableView<IORegistryEntry> tree = robot.lookup("#registryTree").queryAs(TreeTableView.class);
        IORegistryEntry xhc = tree.getSelectionModel().getSelectedItem().getValue();
        assertThat(RegistryPath.pathOf(vm.documentProperty().get().registry(), xhc, vm.planeProperty().get()))
                .contains("IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/XHC1@14");
        TreeTableView<PropertyNode> inspector = robot.lookup("#inspectorTable").queryAs(TreeTableView.class);
        assertThat(inspector.getRoot().getChildren()).filteredOn(t -> t.getValue().key().equals("vendor-id"))
                .singleElement().satisfies(t -> assertThat(t.getValue().decoded()).isEqualTo("0x8086 (32902) Intel"));
        assertThat(inspector.getRoot().getChildren()).filteredOn(t -> t.getValue().key().equals("class-code"))
                .singleElement().satisfies(t -> assertThat(t.getValue().decoded())
                        .isEqualTo("0x0c0330 Serial bus / USB XHCI"));

        // The same entry in IODeviceTree: the selection follows it there.
        robot.interact(() -> vm.planeProperty().set(vm.documentProperty().get().registry()
                .findPlane("IODeviceTree").orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree.getSelectionModel().getSelectedItem().getValue()).isSameAs(xhc);
        assertThat(RegistryPath.pathOf(vm.documentProperty().get().registry(), xhc, vm.planeProperty().get()))
                .contains("IODeviceTree:/PCI0@0/XHC1@14");
    }

    @Test
    void diffOfTwoRealSnapshotsAndAMalformedFile(FxRobot robot, @TempDir Path dir) throws Exception {
        Path before = TestData.path("snapshots/iMac16-1.ioreg");
        // "After": the same machine with a sleep setting flipped and the USB stick unplugged, saved as .ioreg.
        var snap = Snapshots.load(before);
        var r = snap.registry();
        var plane = r.findPlane("IOService").orElseThrow();
        IORegistryEntry pm = RegistryPath.fromPath(r, "IOService:/AppleACPIPlatformExpert/IOPMrootDomain", null)
                .orElseThrow();
        pm.setProperty("IOSleepSupported", OSBoolean.FALSE);
        IORegistryEntry stick = RegistryPath.fromPath(r, "IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/"
                + "XHC1@14/XHC1@14000000/HS01@14100000/Mass Storage Device@14100000", null).orElseThrow();
        int removed = 1 + IORegistryIterator.collect(stick, plane,
                IORegistryIterator.ITERATE_RECURSIVELY).size();
        for (var e : IORegistryIterator.collect(stick, plane,
                IORegistryIterator.ITERATE_RECURSIVELY)) {
            r.remove(e);
        }
        r.remove(stick);
        Path after = dir.resolve("iMac16-1-after.ioreg");
        try (OutputStream out = Files.newOutputStream(after)) {
            Snapshots.write(snap, SnapshotFormat.IOREG_ARCHIVE, out);
        }

        openAndWait(robot, before);
        robot.interact(() -> vm.compareWith(after));
        Await.until(() -> vm.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var diff = vm.comparisonProperty().get().diff();
        assertThat(diff.matchedById()).isTrue();
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).hasSize(removed);
        IORegistryEntry pmAfter = RegistryPath.fromPath(vm.documentProperty().get().registry(),
                "IOService:/AppleACPIPlatformExpert/IOPMrootDomain", null).orElseThrow();
        assertThat(vm.shown().changeOf(pmAfter)).isEqualTo(RegistryDiff.Change.CHANGED);
        assertThat(vm.shown().changes(pmAfter)).extracting(RegistryDiff.PropertyChange::key)
                .contains("IOSleepSupported");
        assertThat(robot.lookup("#diffBanner").queryAs(Label.class).getText())
                .contains(removed + " removed").contains("registry ID");
        // F8 / the banner's arrows step through the changes in tree order: the power domain's changed property,
        // then the stick's ghost under HS01 (the top of the removed subtree; its children are not separate stops).
        var steps = vm.changeSteps().changes();
        assertThat(steps).hasSize(2);
        robot.clickOn("#nextChange");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selectedProperty().get()).isSameAs(pmAfter);
        assertThat(robot.lookup("#changePosition").queryAs(Label.class).getText()).isEqualTo("change 1 of 2");
        robot.type(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selectedProperty().get().name()).isEqualTo("Mass Storage Device");
        assertThat(vm.shown().changeOf(vm.selectedProperty().get())).isEqualTo(RegistryDiff.Change.REMOVED);
        TreeTableView<IORegistryEntry> tree = robot.lookup("#registryTree").queryAs(TreeTableView.class);
        assertThat(tree.getSelectionModel().getSelectedItem().getValue()).isSameAs(vm.selectedProperty().get());
        // The unplugged stick is still in the tree, as a ghost under its port, scrolled into view and marked removed.
        // (TestFX's CSS lookup ignores pseudo-classes: read the row's own state.)
        Set<Node> rows = robot.lookup(".tree-table-row-cell").queryAll();
        assertThat(rows.stream().filter(n -> n.isVisible()
                && n.getPseudoClassStates().contains(Styles.REMOVED))
                .map(n -> (Object) ((TreeTableRow<?>) n).getItem()))
                .contains((Object) vm.selectedProperty().get());
        robot.clickOn("#previousChange");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selectedProperty().get()).isSameAs(pmAfter);
        assertThat(robot.lookup("#changePosition").queryAs(Label.class).getText()).isEqualTo("change 1 of 2");

        Path bad = Files.write(dir.resolve("truncated.ioreg"),
                Arrays.copyOf(Files.readAllBytes(before), 5000));
        robot.interact(() -> vm.open(bad));
        Await.until(() -> vm.problemProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.problemProperty().get().message()).contains("truncated.ioreg");
        assertThat(robot.lookup("#problemDialog").tryQuery()).isPresent();
    }

    @Test
    void aSevenPlaneSaveAgainstItsOnePlaneIoregXmlComparesOnlyTheSharedPlane(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path ioreg = TestData.path("snapshots/MacBookPro15-1.ioreg");
        // What `ioreg -a -l -p IOService` would have printed on that machine: one plane, as XML.
        Path xml = dir.resolve("MacBookPro15-1.xml");
        try (OutputStream out = Files.newOutputStream(xml)) {
            new IoregXmlWriter("IOService", null).write(Snapshots.load(ioreg), out);
        }
        openAndWait(robot, ioreg);
        robot.interact(() -> vm.compareWith(xml));
        Await.until(() -> vm.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var diff = vm.comparisonProperty().get().diff();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.added()).isEmpty();
        assertThat(diff.changedCount()).isZero();
        assertThat(robot.lookup("#diffBanner").queryAs(Label.class).getText())
                .contains("0 added, 0 removed, 0 changed").contains("Compared in IOService only")
                .contains("only before has").contains("IODeviceTree").contains("IOACPIPlane")
                .contains(diff.outsideBefore() + " entries not compared");
        assertThat(vm.changeSteps().changes()).isEmpty();
        assertThat(robot.lookup("#changePosition").queryAs(Label.class).getText()).isEqualTo("0 changes in this plane");
    }

    @Test
    void theIMacAgainstItsIoregTextSaysTheSameInBannerAndStepper(FxRobot robot, @TempDir Path dir) throws Exception {
        // The colleague's report: iMac16-1.ioreg against its IOService plane as ioreg -l text showed "2 removed"
        // beside "0 changes in this plane". The two are entries the save holds in no plane, which a plane walk
        // cannot print: not compared, and named.
        Path ioreg = TestData.path("snapshots/iMac16-1.ioreg");
        Path text = dir.resolve("iMac16-1.txt");
        try (OutputStream out = Files.newOutputStream(text)) {
            new IoregTextWriter().write(Snapshots.load(ioreg), out);
        }
        openAndWait(robot, ioreg);
        robot.interact(() -> vm.compareWith(text));
        Await.until(() -> vm.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var diff = vm.comparisonProperty().get().diff();
        assertThat(diff.removed()).isEmpty();
        assertThat(robot.lookup("#diffBanner").queryAs(Label.class).getText())
                .contains("0 added, 0 removed, 0 changed").contains("Compared in IOService only")
                .contains("(343 entries not compared, 2 of them in no plane: IOBlockStorageDriver, "
                        + "RootDomainUserClient)");
        assertThat(robot.lookup("#changePosition").queryAs(Label.class).getText()).isEqualTo("0 changes in this plane");
    }

    @Test
    void aRemovedEntryInNoPlaneIsCountedOutsideThePlane(FxRobot robot, @TempDir Path dir) throws Exception {
        // Two whole saves: the planeless RootDomainUserClient gone from the second is removed, and the stepper,
        // which cannot show it in any tree, names it rather than contradicting the banner.
        Path ioreg = TestData.path("snapshots/iMac16-1.ioreg");
        var after = Snapshots.load(ioreg);
        var reg = after.registry();
        reg.remove(reg.entries().stream().filter(e -> e.name().equals("RootDomainUserClient") && e.planes().isEmpty())
                .findFirst().orElseThrow());
        Path saved = dir.resolve("after.ioreg");
        try (OutputStream out = Files.newOutputStream(saved)) {
            Snapshots.write(after, SnapshotFormat.IOREG_ARCHIVE, out);
        }
        openAndWait(robot, ioreg);
        robot.interact(() -> vm.compareWith(saved));
        Await.until(() -> vm.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#diffBanner").queryAs(Label.class).getText()).contains("0 added, 1 removed");
        assertThat(robot.lookup("#changePosition").queryAs(Label.class).getText())
                .isEqualTo("0 changes in this plane; 1 outside it: RootDomainUserClient (in no plane)");
    }

    /** Searches run on a job thread: wait until the newest one has reached the window. */
    private void awaitSearched() throws Exception {
        Await.until(() -> !vm.search().searchingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
