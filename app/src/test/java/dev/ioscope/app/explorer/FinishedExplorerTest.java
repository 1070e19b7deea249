package dev.ioscope.app.explorer;

import dev.ioscope.app.Await;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.FullTextCell;
import dev.ioscope.app.ui.HoverTips;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.ui.WindowPlacement;
import dev.ioscope.engine.explore.SearchField;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.RegistryPath;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, "a finished desktop app" and "readable", on the real explorer window under Monocle. */
@ExtendWith(ApplicationExtension.class)
class FinishedExplorerTest {
    private ExplorerViewModel vm;
    private ExplorerView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new ExplorerViewModel(Jobs.background(), AppPreferences.at("dev/ioscope/test/finished"));
        view = new ExplorerView(stage, vm);
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

    private IORegistryEntry entry(String path) {
        return RegistryPath.fromPath(vm.documentProperty().get().registry(), path, null).orElseThrow();
    }

    @Test
    void focusStartsInTheTreeSoTheArrowKeysMoveInItNotThePlane(FxRobot robot) throws Exception {
        awaitLoaded();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(tree(robot));
        var plane = vm.planeProperty().get();
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.planeProperty().get()).isSameAs(plane);
    }

    @Test
    void helpMenuHasAboutDocumentationAndAShortcutsSheetReadFromTheMenus(FxRobot robot) throws Exception {
        awaitLoaded();
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Menu help = bar.getMenus().get(bar.getMenus().size() - 1);
        assertThat(help.getText()).isEqualTo("Help");
        assertThat(help.getItems()).extracting(MenuItem::getText)
                .contains("Keyboard Shortcuts", "Documentation", "About IOScope");

        robot.interact(() -> view.help().showAbout());
        String about = ((TextArea) view.help().lastDialog().getDialogPane().getContent()).getText();
        assertThat(about).startsWith("IOScope ").contains("Build ").contains("AtlantaFX 2.0")
                .contains("GPL 2.0 with the Classpath Exception").contains("MIT").contains("Apache 2.0");
        robot.interact(() -> view.help().lastDialog().close());

        robot.interact(() -> view.help().showShortcuts());
        String keys = ((TextArea) view.help().lastDialog().getDialogPane().getContent()).getText();
        assertThat(keys).contains("File ▸ Open…").contains("Edit ▸ Find").contains("View ▸ Toggle Dark Theme")
                .contains("File ▸ Quit").contains("move in the tree");
        robot.interact(() -> view.help().lastDialog().close());

        // a run from the build (no HostServices here) says where the documents are: this checkout's README
        robot.interact(() -> view.help().showDocumentation());
        String docs = ((TextArea) view.help().lastDialog().getDialogPane().getContent()).getText();
        assertThat(docs).contains("docs/explorer.md").contains("docs/workbench.md");
        robot.interact(() -> view.help().lastDialog().close());
    }

    @Test
    void oneHitIsOneHit(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.interact(() -> vm.search().textProperty().set("AppleACPIPlatformExpert"));
        Await.until(() -> !vm.search().searchingProperty().get()
                && vm.search().hitsProperty().get().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#hitCount").queryAs(Label.class).getText()).isEqualTo("1 hit");
    }

    @Test
    void aPropertySearchScrollsTheInspectorToTheMatchingProperty(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.interact(() -> {
            vm.search().fieldProperty(SearchField.KEY).set(true);
            vm.search().textProperty().set("sessionID");   // a key only the synthetic USB devices have
        });
        Await.until(() -> !vm.search().searchingProperty().get()
                && !vm.search().hitsProperty().get().isEmpty());
        robot.interact(() -> vm.search().next());
        WaitForAsyncUtils.waitForFxEvents();
        InspectorPane inspector = robot.lookup(".inspector").queryAs(InspectorPane.class);
        var selected = inspector.table().getSelectionModel().getSelectedItem();
        assertThat(selected).isNotNull();
        assertThat(selected.getValue().key()).isEqualTo("sessionID");
        // a name search selects no property
        robot.interact(() -> {
            vm.search().fieldProperty(SearchField.KEY).set(false);
            vm.search().textProperty().set("AppleACPIPlatformExpert");
        });
        Await.until(() -> !vm.search().searchingProperty().get()
                && vm.search().hitsProperty().get().size() == 1);
        robot.interact(() -> vm.search().next());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inspector.table().getSelectionModel().getSelectedItem()).isNull();
    }

    @Test
    void endComparisonLeavesTheTreeWhereTheUserWas(FxRobot robot) throws Exception {
        awaitLoaded();
        var before = vm.documentProperty().get();
        IORegistryEntry rpBefore = entry("IOService:/AppleACPIPlatformExpert/PCI0@0/RP00@1c");
        Document after = vm.syntheticDocument(5_000);
        IORegistryEntry rp = RegistryPath.fromPath(after.registry(),
                "IOService:/AppleACPIPlatformExpert/PCI0@0/RP00@1c", null).orElseThrow();
        rp.setProperties(rp.properties().with("IOPCIExpressLinkStatus", OSNumber.of32(0x2042)));
        robot.interact(() -> vm.compareWith(after));
        Await.until(() -> vm.comparisonProperty().get() != null
                && !vm.loadingProperty().get());
        robot.interact(() -> vm.selectedProperty().set(rp));
        robot.interact(vm::endComparison);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.documentProperty().get()).isSameAs(before);
        assertThat(vm.selectedProperty().get()).isSameAs(rpBefore);
        assertThat(tree(robot).getSelectionModel().getSelectedItem().getValue()).isSameAs(rpBefore);
    }

    @Test
    void theNameColumnTakesTheFreeWidthAndAnEmptyDecodedColumnNone(FxRobot robot) throws Exception {
        awaitLoaded();
        TreeTableView<IORegistryEntry> t = tree(robot);
        double others = t.getColumns().get(1).getWidth() + t.getColumns().get(2).getWidth();
        assertThat(t.getColumns().get(0).getWidth() + others).isGreaterThan(t.getWidth() - 40);
        // expanding everything: the Name column grows to the deepest open row instead of cutting it short
        double narrow = t.getColumns().get(0).getWidth();
        robot.interact(() -> view.expandAll());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(t.getColumns().get(0).getWidth()).isGreaterThan(narrow);

        InspectorPane inspector = robot.lookup(".inspector").queryAs(InspectorPane.class);
        robot.interact(() -> vm.selectedProperty().set(vm.documentProperty().get().registry().root()));
        assertThat(inspector.table().getRoot().getChildren()).noneMatch(i -> InspectorPane.hasDecoded(i.getValue()));
        assertThat(inspector.decodedColumn().isVisible()).isFalse();
        IORegistryEntry pciDevice = vm.documentProperty().get().registry().entries().stream()
                .filter(e -> e.className().equals("IOPCIDevice")).findFirst().orElseThrow();
        robot.interact(() -> vm.selectedProperty().set(pciDevice));   // vendor-id and class-code decode
        assertThat(inspector.decodedColumn().isVisible()).isTrue();
    }

    @Test
    void aCutShortCellShowsItsFullTextAsATooltip(FxRobot robot) throws Exception {
        awaitLoaded();
        TreeTableView<IORegistryEntry> t = tree(robot);
        TreeTableColumn<IORegistryEntry, ?> cls = t.getColumns().get(1);
        robot.interact(() -> cls.setPrefWidth(40));   // every class name is cut short now
        WaitForAsyncUtils.waitForFxEvents();
        var cells = robot.lookup(".tree-table-cell").queryAllAs(TreeTableCell.class).stream()
                .filter(c -> c.getTableColumn() == cls && !c.isEmpty() && c.getText() != null).toList();
        assertThat(cells).isNotEmpty();
        assertThat(cells).allSatisfy(c -> assertThat(FullTextCell.fullText(c)).isEqualTo(c.getText()));
        // the tooltip itself is made when the pointer first enters the cell
        TreeTableCell<?, ?> first = cells.get(0);
        assertThat(first.getTooltip()).isNull();
        robot.interact(() -> Event.fireEvent(first, new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1,
                MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null)));
        assertThat(first.getTooltip().getText()).isEqualTo(first.getText());
    }

    @Test
    void theSearchBarsButtonsGetTheirTooltipsWhenThePointerFirstEntersThem(FxRobot robot) throws Exception {
        awaitLoaded();
        Button next = robot.lookup("#nextHit").queryButton();
        Button previous = robot.lookup("#previousHit").queryButton();
        // none is made for the first frame; the text is kept for the first hover
        assertThat(next.getTooltip()).isNull();
        assertThat(previous.getTooltip()).isNull();
        assertThat(HoverTips.text(next)).isEqualTo("Next hit (Enter, F3)");
        robot.moveTo(next);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(next.getTooltip().getText()).isEqualTo("Next hit (Enter, F3)");
        robot.moveTo(previous);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(previous.getTooltip().getText()).isEqualTo("Previous hit (Shift+Enter)");
        assertThat(robot.lookup("#advancedToggle").queryAs(ToggleButton.class).getTooltip()).isNull();
    }

    @Test
    void newWindowsCascadeAndQuitClosesThemAll(FxRobot robot) throws Exception {
        awaitLoaded();
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            second[0].setScene(new Scene(new StackPane(), 900, 600));
            WindowPlacement.cascade(second[0], stage, 900, 600);
            second[0].show();
        });
        assertThat(second[0].getX()).isEqualTo(stage.getX() + WindowPlacement.STEP);
        assertThat(second[0].getY()).isEqualTo(stage.getY() + WindowPlacement.STEP);
        robot.interact(WindowPlacement::quit);
        assertThat(second[0].isShowing()).isFalse();
        assertThat(stage.isShowing()).isFalse();
    }
}
