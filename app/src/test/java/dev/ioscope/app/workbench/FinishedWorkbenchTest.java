package dev.ioscope.app.workbench;

import dev.ioscope.app.TestData;
import dev.ioscope.app.explorer.PropertyNode;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.util.List;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static dev.ioscope.app.workbench.WorkbenchFixtures.tree;
import static dev.ioscope.app.workbench.WorkbenchFixtures.treeHas;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15 in the workbench: its menu bar, the journal's detail pane, the registry panel's decoders. */
@ExtendWith(ApplicationExtension.class)
class FinishedWorkbenchTest {
    private static final String ETH = "IOService:/ethernet@1f,6";
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) throws Exception {
        view = WorkbenchFixtures.show("hotplug", WorkbenchFixtures.hotplug(Files.createTempDirectory("wb")), false);
        vm = view.viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());
    }

    @Test
    void theMenuBarHasSessionEditRunViewHelpAndUndoNamesTheEdit(FxRobot robot) throws Exception {
        await(() -> tree(robot).getRoot() != null);
        List<Menu> menus = view.menus().bar().getMenus();
        assertThat(menus).extracting(Menu::getText).containsExactly("Session", "Edit", "Run", "View", "Help");
        assertThat(menus.get(0).getItems()).extracting(MenuItem::getText).contains("Open Scenario…",
                "Open Example…", "Save Session…", "Load Kext Folder…", "Close Window", "Quit");
        MenuItem undo = menus.get(1).getItems().get(0);
        assertThat(undo.isDisable()).isTrue();
        robot.interact(() -> vm.addBreakpoint(Breakpoint.On.KIND, "service.start"));
        assertThat(undo.getText()).startsWith("Undo ").isNotEqualTo("Undo");
        assertThat(undo.isDisable()).isFalse();
        robot.interact(undo::fire);
        assertThat(vm.breakpoints()).isEmpty();
        assertThat(view.menus().help().shortcutsText()).contains("Edit ▸ Undo").contains("Run ▸ Step");
    }

    @Test
    void theJournalDetailShowsTheWholeEventAndFollowsTheCurrentPosition(FxRobot robot) throws Exception {
        await(() -> tree(robot).getRoot() != null);
        for (int i = 0; i < 3; i++) {
            int want = new int[] {1, 2, 5}[i];
            robot.interact(vm::step);
            await(() -> vm.eventsNowProperty().get() == want);
        }
        TimelinePane timeline = robot.lookup("#timeline").query().getParent() instanceof TimelinePane t ? t
                : (TimelinePane) robot.lookup(n -> n instanceof TimelinePane).query();
        // the event selected in the step just made (the window selects the step's first event), else its last
        var shown = timeline.list().getSelectionModel().getSelectedItem();
        var last = shown != null ? shown : vm.events().get(4);
        assertThat(last.seq()).isBetween(2L, 4L);
        await(() -> timeline.detail().getText().startsWith("#" + last.seq() + " "));
        assertThat(timeline.detail().getText()).contains(last.kind().id()).contains("time   ");
        if (!last.entry().isEmpty()) {
            assertThat(timeline.detail().getText()).contains("entry  " + last.entry());
        }
        last.details().forEach((k, v) -> assertThat(timeline.detail().getText()).contains(k).contains(v));
        assertThat(timeline.detail().isEditable()).isFalse();
        assertThat(timeline.detail().isWrapText()).isTrue();

        robot.interact(vm::stepBack);
        await(() -> vm.eventsNowProperty().get() == 2);
        var now = timeline.list().getSelectionModel().getSelectedItem();
        long want = now != null ? now.seq() : 1;
        assertThat(want).isLessThan(2);   // the position moved back: the detail went with it
        await(() -> timeline.detail().getText().startsWith("#" + want + " "));
    }

    @Test
    void theRegistryPanelShowsTheExplorersDecodedRows(FxRobot robot) throws Exception {
        await(() -> tree(robot).getRoot() != null);
        for (int i = 0; i < 3; i++) {
            robot.interact(vm::step);
        }
        await(() -> treeHas(robot, ETH));
        robot.interact(() -> vm.selectedEntryProperty().set(ETH));
        RegistryAtEventPane pane = (RegistryAtEventPane) robot.lookup(n -> n instanceof RegistryAtEventPane).query();
        await(() -> pane.properties().getRoot() != null && !pane.properties().getRoot().getChildren().isEmpty());
        PropertyNode vendor = pane.properties().getRoot().getChildren().stream().map(TreeItem::getValue)
                .filter(n -> n.key().equals("vendor-id")).findFirst().orElseThrow();
        // the nub was published with vendor-id <86800000>: IOPCIFamily's little-endian 0x8086, Intel
        assertThat(vendor.value()).contains("86800000");
        assertThat(vendor.decoded()).contains("0x8086").contains("Intel");
        assertThat(pane.properties().getColumns().get(2).isVisible()).isTrue();
    }

    @Test
    void aSnapshotWithNoKextsSaysWhatToDoUntilKextsAreLoaded(FxRobot robot) throws Exception {
        Stage[] s = new Stage[1];
        WorkbenchView[] empty = new WorkbenchView[1];
        robot.interact(() -> {
            s[0] = new Stage();
            empty[0] = new WorkbenchView(s[0], "MacBookPro8-1", MachineSession.emptyScenario(
                    TestData.path("snapshots/MacBookPro8-1.IOService.txt")), false);
            s[0].show();
        });
        try {
            var banner = s[0].getScene().lookup("#emptyMachineBanner");
            assertThat(banner.isVisible()).isTrue();
            assertThat(((Label) s[0].getScene().lookup("#emptyMachineText")).getText())
                    .contains("no kexts").contains("example");
            robot.interact(() -> empty[0].viewModel().loadKexts(List.of(TestData.path("kexts/VoodooPS2"))));
            await(() -> !banner.isVisible());
            // and on the hot-plug scenario (kexts given), there is none
            assertThat(view.stage().getScene().lookup("#emptyMachineBanner").isVisible()).isFalse();
        } finally {
            robot.interact(() -> s[0].close());
        }
    }
}
