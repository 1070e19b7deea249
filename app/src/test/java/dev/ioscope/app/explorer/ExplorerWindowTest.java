package dev.ioscope.app.explorer;

import dev.ioscope.app.Await;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.ui.Styles;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the real explorer window under Monocle headless: loads run on the real background job thread. */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    private ExplorerViewModel vm;
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        vm = new ExplorerViewModel(Jobs.background(), AppPreferences.at("dev/ioscope/test/window"));
        view = new ExplorerView(stage, vm, WorkbenchView.LAUNCHER);
        stage.show();
        vm.openSynthetic(5_000);
    }

    private void awaitLoaded() throws Exception {
        Await.until(() -> vm.documentProperty().get() != null
                && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<IORegistryEntry> tree(FxRobot robot) {
        return robot.lookup("#registryTree").queryAs(TreeTableView.class);
    }

    @Test
    void searchHighlightsStepsAndFillsTheInspector(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#searchField").write("SATA");
        awaitSearched();
        WaitForAsyncUtils.waitForFxEvents();
        String count = robot.lookup("#hitCount").queryAs(Label.class).getText();
        assertThat(count).matches("\\d+ hits.*");
        robot.clickOn("#nextHit");
        WaitForAsyncUtils.waitForFxEvents();
        IORegistryEntry sel = tree(robot).getSelectionModel().getSelectedItem().getValue();
        assertThat(sel.name()).startsWith("SATA");
        assertThat(robot.lookup("#hitCount").queryAs(Label.class).getText()).startsWith("1 of ");
        // The inspector shows the IOPCIDevice's properties with the decoded vendor id.
        TreeTableView<PropertyNode> inspector = robot.lookup("#inspectorTable").queryAs(TreeTableView.class);
        assertThat(inspector.getRoot().getChildren()).extracting(t -> t.getValue().key())
                .contains("vendor-id", "device-id", "class-code", "compatible");
        assertThat(inspector.getRoot().getChildren()).filteredOn(t -> t.getValue().key().equals("vendor-id"))
                .singleElement().satisfies(t -> assertThat(t.getValue().decoded()).isEqualTo("0x8086 (32902) Intel"));
        assertThat(robot.lookup("#inspectorHeader").queryAs(Label.class).getText()).contains("class IOPCIDevice");
    }

    @Test
    void planeSwitchKeepsTheSelectedEntry(FxRobot robot) throws Exception {
        awaitLoaded();
        IORegistryEntry pci0 = RegistryPath.fromPath(vm.documentProperty().get().registry(),
                "IOService:/AppleACPIPlatformExpert/PCI0@0", null).orElseThrow();
        robot.interact(() -> vm.selectedProperty().set(pci0));
        @SuppressWarnings("unchecked")
        var combo = (ComboBox<IORegistryPlane>)
                robot.lookup("#planeSelector").queryAs(ComboBox.class);
        robot.interact(() -> combo.getSelectionModel().select(vm.planes().get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.planeProperty().get().name()).isEqualTo("IODeviceTree");
        assertThat(tree(robot).getSelectionModel().getSelectedItem().getValue()).isSameAs(pci0);
        assertThat(tree(robot).getSelectionModel().getSelectedItem().getParent().getValue().name())
                .isEqualTo("Mac-Sample");
    }

    @Test
    void malformedFileShowsTheEnginesMessageAndTheWindowKeepsWorking(FxRobot robot, @TempDir Path dir)
            throws Exception {
        awaitLoaded();
        var doc = vm.documentProperty().get();
        Path bad = Files.write(dir.resolve("garbage.ioreg"), new byte[]{0x13, 0x37, 0x00, 0x42});
        robot.interact(() -> vm.open(bad));
        Await.until(() -> view.lastAlert() != null && view.lastAlert().isShowing());
        assertThat(view.lastAlert().getContentText()).contains("garbage.ioreg");
        assertThat(view.lastAlert().getHeaderText()).isEqualTo("Cannot open garbage.ioreg");
        robot.interact(() -> view.lastAlert().close());
        assertThat(vm.documentProperty().get()).isSameAs(doc);
        robot.clickOn("#searchField").write("GIGE");
        awaitSearched();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#hitCount").queryAs(Label.class).getText()).matches("\\d+ hits.*");
    }

    @Test
    void aFifoIsRefusedInADialogWithoutBlockingAndStaysAFifo(FxRobot robot, @TempDir Path dir) throws Exception {
        awaitLoaded();
        var doc = vm.documentProperty().get();
        Path fifo = dir.resolve("pipe.ioreg");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        robot.interact(() -> vm.open(fifo));
        Await.until(() -> view.lastAlert() != null && view.lastAlert().isShowing());
        // the same line the command line prints (InputFiles), in the dialog
        assertThat(view.lastAlert().getContentText()).contains(fifo
                + ": is a FIFO (named pipe), not a regular file; IOScope reads only regular files");
        robot.interact(() -> view.lastAlert().close());
        assertThat(vm.documentProperty().get()).isSameAs(doc);
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void comparisonMarksTheTreeAndShowsBeforeAndAfter(FxRobot robot) throws Exception {
        awaitLoaded();
        Document after = vm.syntheticDocument(5_000);
        IORegistryEntry rp = RegistryPath.fromPath(after.registry(),
                "IOService:/AppleACPIPlatformExpert/PCI0@0/RP00@1c", null).orElseThrow();
        rp.setProperties(rp.properties().with("IOPCIExpressLinkStatus", OSNumber.of32(0x2042)));
        robot.interact(() -> vm.compareWith(after));
        Await.until(() -> vm.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#diffBanner").queryAs(Label.class).getText())
                .contains("0 added, 0 removed, 1 changed").contains("registry ID");
        robot.interact(() -> vm.selectedProperty().set(rp));
        var changes = robot.lookup("#changesTable").queryAs(TableView.class);
        assertThat(changes.getItems()).hasSize(1);
        assertThat(robot.lookup(".tree-table-row-cell:changed").queryAll()).isNotEmpty();
    }

    @Test
    void cancellingALoadKeepsTheCurrentDocument(FxRobot robot) throws Exception {
        awaitLoaded();
        var doc = vm.documentProperty().get();
        robot.interact(() -> vm.openBenchmark(200_000));
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(robot.lookup("#cancelLoad").queryButton().isVisible()).isTrue();
        robot.clickOn("#cancelLoad");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(robot.lookup("#cancelLoad").queryButton().isVisible()).isFalse();
        // The next load is not held up by the abandoned one (which runs on to its end on its own thread).
        robot.interact(() -> vm.openSynthetic(1_000));
        Await.until(() -> vm.documentProperty().get() != doc
                && !vm.loadingProperty().get());
        assertThat(vm.documentProperty().get().registry().size()).isLessThan(2_000);
    }

    @Test
    void theChangesAndLiveLogTabsAreMadeWhenFirstShownByMouseOrKeyboard(FxRobot robot) throws Exception {
        awaitLoaded();
        TabPane tabs = robot.lookup("#detailTabs").queryAs(TabPane.class);
        Tab changes = tabs.getTabs().get(2);
        Tab log = tabs.getTabs().get(3);
        assertThat(List.of(changes.getText(), log.getText())).containsExactly("Changes", "Live Log");
        // not made for the first frame (docs/benchmarks.md, "First window")
        assertThat(changes.getContent()).isNull();
        assertThat(log.getContent()).isNull();
        assertThat(robot.lookup("#changesTable").tryQuery()).isEmpty();

        robot.clickOn("Changes");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#changesTable").queryAs(TableView.class);
        assertThat(changes.getContent()).isSameAs(table);
        assertThat(table.isVisible()).isTrue();
        assertThat(table.getItems()).isEmpty();
        assertThat(((Label) table.getPlaceholder()).getText()).startsWith("Compare with another snapshot");
        assertThat(log.getContent()).isNull();

        // Ctrl+Tab, the tab pane's own key, moves on to the live log, made then
        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem()).isSameAs(log);
        ListView<?> list = robot.lookup("#liveLog").queryAs(ListView.class);
        assertThat(log.getContent()).isSameAs(list);
        assertThat(((Label) list.getPlaceholder()).getText()).startsWith("File ▸ Open This Mac");
        robot.clickOn("Changes");
        assertThat(changes.getContent()).as("made once").isSameAs(table);
    }

    @Test
    void sourceViewShowsTheEntryAsIoregText(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#searchField").write("GIGE");
        awaitSearched();
        robot.clickOn("#nextHit");
        robot.clickOn("Source");
        WaitForAsyncUtils.waitForFxEvents();
        var area = robot.lookup("#sourceArea").queryAs(CodeArea.class);
        assertThat(area.getText()).startsWith("+-o GIGE@").contains("<class IOPCIDevice, id 0x")
                .contains("\"vendor-id\" = <e4140000>");
        robot.clickOn("#sourceFind").write("device-id").type(KeyCode.ENTER);
        assertThat(area.getSelectedText()).isEqualTo("device-id");
        assertThat(robot.lookup("#searchField").queryAs(TextField.class).getText()).isEqualTo("GIGE");
    }

    @Test
    void searchOpensExactlyThePathsToHitsAndReMarksRowsInPlace(FxRobot robot) throws Exception {
        awaitLoaded();
        var plane = vm.planeProperty().get();
        robot.interact(view::expandAll);
        robot.clickOn("#searchField").write("SATA");
        awaitSearched();
        var hits = vm.search().hitsProperty().get();
        assertThat(hits).hasSizeGreaterThan(RegistryTreePane.MAX_REVEALED_HITS);
        // Everything the expand-all opened is folded again except the ancestors of the first hits and of the
        // selection.
        var open = Collections.newSetFromMap(new IdentityHashMap<IORegistryEntry, Boolean>());
        var keep = new ArrayList<>(hits.subList(0, RegistryTreePane.MAX_REVEALED_HITS));
        keep.add(vm.selectedProperty().get());
        for (IORegistryEntry h : keep) {
            for (IORegistryEntry p = h.parent(plane); p != null; p = p.parent(plane)) {
                open.add(p);
            }
        }
        open.add(vm.documentProperty().get().registry().root());
        var expanded = new ArrayList<IORegistryEntry>();
        var work = new ArrayDeque<TreeItem<IORegistryEntry>>();
        work.add(tree(robot).getRoot());
        while (!work.isEmpty()) {
            var t = work.poll();
            if (t.isExpanded()) {
                expanded.add(t.getValue());
                work.addAll(t.getChildren());
            }
        }
        assertThat(expanded).containsExactlyInAnyOrderElementsOf(open);
        // Hit rows on screen carry the mark; after narrowing to no match none does (rows re-marked, not rebuilt).
        assertThat(markedRows(robot)).isNotEmpty().allSatisfy(e -> assertThat(hits).contains(e));
        robot.clickOn("#searchField").write("zzz-no-such-entry");
        awaitSearched();
        assertThat(robot.lookup("#hitCount").queryAs(Label.class).getText()).isEqualTo("no match");
        assertThat(markedRows(robot)).isEmpty();
    }

    /** The entries of the rows on screen that carry the search-hit mark (CSS lookups ignore pseudo-classes). */
    private static List<IORegistryEntry> markedRows(FxRobot robot) {
        var out = new ArrayList<IORegistryEntry>();
        for (var n : robot.lookup(".tree-table-row-cell").queryAll()) {
            var r = (TreeTableRow<?>) n;
            if (r.isVisible() && !r.isEmpty() && r.getPseudoClassStates().contains(Styles.SEARCH_HIT)) {
                out.add((IORegistryEntry) r.getItem());
            }
        }
        return out;
    }

    /** Searches run on a job thread: wait until the newest one has reached the window. */
    private void awaitSearched() throws Exception {
        Await.until(() -> !vm.search().searchingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openingAScenarioOpensAWorkbenchWindowOnIt(FxRobot robot) throws Exception {
        awaitLoaded();
        Path scenario = Path.of("../docs/examples/power-sleep-wake.json");
        robot.interact(() -> vm.open(scenario));
        String title = "IOScope Workbench — power-sleep-wake.json";
        Await.until(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage st && title.equals(st.getTitle())));
        Stage wb = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage st
                && title.equals(st.getTitle())).findFirst().orElseThrow();
        robot.interact(wb::close);
        assertThat(view.lastAlert()).isNull();
    }

    @Test
    void aMachineDescriptionBootsHereAndAgainInTheWorkbench(FxRobot robot) throws Exception {
        awaitLoaded();
        Path machine = Files.createTempDirectory("machine").resolve("tiny.json");
        Files.writeString(machine, """
                {"name": "tiny", "platform": {"type": "platform", "model": "Macmini8,1", "cpus": 2}}""");
        robot.interact(() -> vm.open(machine));
        Await.until(() -> vm.documentProperty().get() != null
                && machine.equals(vm.documentProperty().get().file()));
        WorkbenchView[] wb = new WorkbenchView[1];
        robot.interact(() -> wb[0] = WorkbenchView.open(vm.documentProperty().get(),
                false));
        // the workbench boots the same description from time 0, not the bundled virtual Mac
        assertThat(wb[0].viewModel().session().scenario().machine()).isEqualTo(machine.toAbsolutePath().toString());
        robot.interact(() -> wb[0].stage().close());
    }
}
