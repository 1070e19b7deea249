package dev.ioscope.app.explorer;

import dev.ioscope.app.Await;
import dev.ioscope.app.TestData;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.os.plist.XmlPlistWriter;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.live.LiveRegistry;
import dev.ioscope.engine.snapshot.xml.IoregXmlWriter;
import javafx.scene.control.Menu;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File ▸ Open This Mac in a real explorer window, with a stand-in ioreg (the engine's
 * {@code src/test/resources/live/ioreg}) answering {@code ioreg -a -l -w0 -p PLANE} from dumps of a real Mac's
 * registry (iMac16-1.ioreg: 912 entries, 5 planes): dump set 0 the real registry, set 1 without the USB stick
 * ("Mass Storage Device", an IOUSBDevice) and its subtree, as if it had been pulled out before the refresh.
 */
@ExtendWith(ApplicationExtension.class)
class LiveRegistryWindowTest {
    static final String DEVICE = "Mass Storage Device";
    /** The dump sets, written once for the class. */
    static Path dumps;
    /** The registry entry ID of the stick that leaves (the first entry of that name; the dump has two). */
    static long deviceId;

    @BeforeAll
    static void writeDumps(@TempDir Path dir) throws Exception {
        dumps = dir;
        Snapshot real = Snapshots.load(TestData.path("snapshots/iMac16-1.ioreg"));
        dump(real, dir.resolve("0"));
        IORegistry reg = real.registry();
        IORegistryEntry device = reg.entries().stream().filter(e -> e.name().equals(DEVICE)).findFirst()
                .orElseThrow();
        for (IORegistryPlane p : List.copyOf(device.planes())) {
            reg.detachAll(device, p);
        }
        deviceId = device.registryEntryID();
        reg.remove(device);
        dump(real, dir.resolve("1"));
    }

    private static void dump(Snapshot s, Path dir) throws Exception {
        Files.createDirectories(dir);
        for (IORegistryPlane p : s.registry().planes()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(p.name() + ".xml"))) {
                new IoregXmlWriter(p.name(), XmlPlistWriter.KeyOrder.SORTED).write(s, out);
            }
        }
    }

    /** A fresh stand-in (its own refresh counter) over the class's dumps. */
    private static Path standIn(Path dir) throws Exception {
        Files.createSymbolicLink(dir.resolve("dumps"), dumps);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path ioreg = bin.resolve("ioreg");
        Files.copy(TestData.root().resolve("../live/ioreg").normalize(), ioreg);
        assertThat(ioreg.toFile().setExecutable(true)).isTrue();
        return ioreg;
    }

    private ExplorerViewModel vm;
    private ExplorerView view;

    private void window(FxRobot robot, Optional<Path> ioreg) {
        robot.interact(() -> {
            Stage stage = new Stage();
            vm = new ExplorerViewModel(Jobs.background(), AppPreferences.at("dev/ioscope/test/live"), ioreg);
            view = new ExplorerView(stage, vm);
            stage.show();
        });
    }

    private void openThisMac(FxRobot robot) throws Exception {
        robot.interact(() -> view.liveMenu().openItem().fire());
        Await.until(() -> vm.liveProperty().get() && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void withNoIoregOpenThisMacIsDisabledAndSaysWhy(FxRobot robot) {
        window(robot, Optional.empty());
        assertThat(view.liveMenu().openItem().isDisable()).isTrue();
        assertThat(view.liveMenu().openTip()).isEqualTo(LiveRegistry.NO_IOREG)
                .isEqualTo("live registry needs macOS (no ioreg on PATH)");
        assertThat(vm.liveAvailable()).isFalse();
    }

    @Test
    void openThisMacShowsTheLiveRegistryLikeASnapshot(FxRobot robot, @TempDir Path dir) throws Exception {
        window(robot, Optional.of(standIn(dir)));
        assertThat(view.liveMenu().openItem().isDisable()).isFalse();
        assertThat(view.liveMenu().openTip()).isNull();
        openThisMac(robot);
        Document doc = vm.documentProperty().get();
        assertThat(doc.title()).isEqualTo("This Mac");
        // the same figures as the real save: 912 entries, IOService 571, IODeviceTree 179 (LiveRegistryProcessTest)
        assertThat(doc.registry().size()).isEqualTo(912);
        assertThat(doc.registry().entryCount(doc.registry().plane("IOService"))).isEqualTo(571);
        assertThat(vm.planeProperty().get().name()).isEqualTo("IOService");
        assertThat(vm.statusProperty().get()).startsWith("This Mac — ioreg -a XML plist — 912 entries");
        assertThat(vm.comparisonProperty().get()).isNull();
        assertThat(vm.liveLog()).isEmpty();
        // another document ends the live view (and its auto-refresh)
        robot.interact(() -> vm.liveRefreshProperty().set(LiveRefresh.EVERY_5_SECONDS));
        robot.interact(vm::openBundledSnapshot);
        Await.until(() -> !vm.loadingProperty().get()
                && vm.documentProperty().get() != doc);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.liveProperty().get()).isFalse();
        assertThat(vm.liveRefreshProperty().get()).isEqualTo(LiveRefresh.OFF);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefreshMarksWhatChangedLogsItAndKeepsSelectionAndExpansion(FxRobot robot, @TempDir Path dir)
            throws Exception {
        window(robot, Optional.of(standIn(dir)));
        openThisMac(robot);
        IORegistry first = vm.documentProperty().get().registry();
        IORegistryPlane service = vm.planeProperty().get();
        IORegistryEntry device = first.entry(deviceId).orElseThrow();
        // an entry far from the stick, with children: selected, and opened by the user
        IORegistryEntry pick = first.entries().stream().filter(e -> e.inPlane(service) && e.depth(service) == 5
                && e.childCount(service) > 0 && !first.isAncestor(e, device, service)
                && !first.isAncestor(device, e, service)).findFirst().orElseThrow();
        robot.interact(() -> vm.selectedProperty().set(pick));
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableView<IORegistryEntry> tree = robot.lookup("#registryTree").queryAs(TreeTableView.class);
        TreeItem<IORegistryEntry> item = tree.getSelectionModel().getSelectedItem();
        assertThat(item.getValue()).isSameAs(pick);
        robot.interact(() -> item.setExpanded(true));

        robot.interact(() -> view.liveMenu().items().get(1).fire());   // File ▸ Refresh Now
        Await.until(() -> vm.liveLog().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        // the stick and its subtree are gone; the tree shows them as removed ghosts, and the log says so
        RegistryDiff.Result diff = vm.comparisonProperty().get().diff();
        // the stick and its one interface (AppleUSBInterface), as the dump's IOService plane has them
        assertThat(diff.removed()).extracting(IORegistryEntry::name).containsExactlyInAnyOrder(DEVICE,
                "AppleUSBInterface");
        assertThat(diff.added()).isEmpty();
        assertThat(vm.shown().changeOf(device)).isEqualTo(RegistryDiff.Change.REMOVED);
        IORegistry second = vm.documentProperty().get().registry();
        assertThat(second).isNotSameAs(first);
        assertThat(second.size()).isEqualTo(912 - diff.removed().size());
        LiveChange log = vm.liveLog().get(0);
        assertThat(log.removed()).contains(DEVICE);
        assertThat(log.text()).matches("\\d\\d:\\d\\d:\\d\\d  " + diff.removed().size() + " removed: .*")
                .contains(DEVICE);
        // the selection and what the user opened follow their entries into the new registry, by entry ID
        IORegistryEntry now = vm.selectedProperty().get();
        assertThat(now).isNotSameAs(pick);
        assertThat(now.registryEntryID()).isEqualTo(pick.registryEntryID());
        TreeItem<IORegistryEntry> sel = tree.getSelectionModel().getSelectedItem();
        assertThat(sel.getValue()).isSameAs(now);
        assertThat(sel.isExpanded()).isTrue();
        assertThat(vm.liveProperty().get()).isTrue();

        // the next read (the stand-in's last set again) changes nothing: logged as such, nothing marked; a
        // refresh asked for while one reads is dropped, not queued behind it
        robot.interact(() -> {
            vm.refreshLive();
            assertThat(vm.refreshing()).isTrue();
            vm.refreshLive();
        });
        Await.until(() -> !vm.refreshing());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.liveLog()).hasSize(2);
        assertThat(vm.liveLog().get(1).text()).endsWith("  no change");
        assertThat(vm.comparisonProperty().get().diff().removed()).isEmpty();

        // File ▸ Auto-Refresh ▸ Every 1 s: the timer reads again with no one asking; Off stops it
        Menu auto = (Menu) view.liveMenu().items().get(2);
        assertThat(auto.isDisable()).isFalse();
        robot.interact(() -> auto.getItems().get(1).fire());
        assertThat(vm.liveRefreshProperty().get()).isEqualTo(LiveRefresh.EVERY_SECOND);
        Await.until(() -> vm.liveLog().size() >= 3);
        robot.interact(() -> auto.getItems().get(0).fire());
        assertThat(vm.liveRefreshProperty().get()).isEqualTo(LiveRefresh.OFF);
        assertThat(vm.liveProperty().get()).isTrue();
    }

    @Test
    void theLiveRegistrySavesAsIoregXmlAndText(FxRobot robot, @TempDir Path dir) throws Exception {
        window(robot, Optional.of(standIn(dir)));
        openThisMac(robot);
        for (SnapshotFormat f : List.of(SnapshotFormat.IOREG_ARCHIVE, SnapshotFormat.IOREG_XML,
                SnapshotFormat.IOREG_TEXT)) {
            Path out = dir.resolve("this-mac." + f.extensions().get(0));
            robot.interact(() -> vm.export(out, f, false));
            Await.until(() -> vm.statusProperty().get()
                    .startsWith("Saved " + out.getFileName()));
            Snapshot back = Snapshots.load(out);
            assertThat(back.format()).isEqualTo(f);
            // the archive keeps every plane; XML and text one plane (IOService), as ioreg writes them
            int expected = f == SnapshotFormat.IOREG_TEXT ? 571 : 912;
            assertThat(back.registry().size()).as(f.name()).isEqualTo(expected);
        }
    }
}
