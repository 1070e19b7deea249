package dev.ioscope.app.explorer;

import dev.ioscope.app.diagnostics.DiagnosticsWindow;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.AppIcon;
import dev.ioscope.app.ui.HelpMenu;
import dev.ioscope.app.ui.Styles;
import dev.ioscope.app.ui.Theme;
import dev.ioscope.app.ui.WindowPlacement;
import dev.ioscope.engine.explore.EntryExport;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.registry.IOKitDiagnostics;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The explorer window: menus, plane selector and search, the registry tree, the inspector / source / changes
 * tabs, the facts side panel and the status bar. Thin: every decision is the view-model's or the engine's.
 */
public final class ExplorerView {
    private final ExplorerViewModel vm;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final RegistryTreePane tree;
    private final SearchBar searchBar;
    private final SplitPane split;
    private final Menu recentMenu = new Menu("Open Recent");
    private final Scene scene;
    private TabPane tabs;
    private InspectorPane inspectorPane;
    private boolean dark;
    private final WorkbenchLauncher workbench;
    private Alert lastAlert;
    private HelpMenu help;
    private LiveMenu liveMenu;

    /** An explorer window with no way to a workbench (its "Open Workbench…" item is left out). */
    public ExplorerView(Stage stage, ExplorerViewModel vm) {
        this(stage, vm, null);
    }

    /** An explorer window whose File and View menus open workbench windows through {@code workbench}. */
    public ExplorerView(Stage stage, ExplorerViewModel vm, WorkbenchLauncher workbench) {
        this.workbench = workbench;
        this.stage = stage;
        this.vm = vm;
        AppPreferences prefs = vm.preferences();
        dark = Theme.isDark(prefs.theme());
        Theme.useUserAgent(dark);   // before the first control: JavaFX's default sheet is then never loaded
        EntryActions actions = new EntryActions(vm);
        tree = new RegistryTreePane(vm);
        searchBar = new SearchBar(vm);
        InspectorPane inspector = new InspectorPane(vm, actions);
        inspectorPane = inspector;
        FactsPane facts = new FactsPane(vm);
        var treeMenu = new ContextMenu();
        treeMenu.getItems().setAll(actions.copyMenuItems());
        tree.tree().setContextMenu(treeMenu);

        Tab inspectorTab = new Tab("Properties", inspector);
        // The source pane (RichTextFX: some 700 classes to load) is built the first time its tab is shown: the
        // first frame does not need it (docs/benchmarks.md, "First window").
        // So are the Changes table and the live log (a table and a list the first frame does not show either).
        Tab sourceTab = new Tab("Source");
        Tab changesTab = new Tab("Changes");
        Tab logTab = new Tab("Live Log");
        tabs = new TabPane(inspectorTab, sourceTab, changesTab, logTab);
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sourceTab.selectedProperty().addListener((o, a, b) -> {
            if (b && sourceTab.getContent() == null) {
                sourceTab.setContent(new SourcePane(vm, actions));
            }
            if (sourceTab.getContent() instanceof SourcePane source) {
                source.setShowing(b);
            }
        });
        madeOnFirstShow(changesTab, () -> new ChangesPane(vm));
        madeOnFirstShow(logTab, this::liveLog);
        vm.comparisonProperty().addListener((o, a, b) -> {
            if (b != null) {
                tabs.getSelectionModel().select(changesTab);
            }
        });

        split = new SplitPane(tree, tabs, facts);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(prefs.dividers("main", 0.41, 0.85));
        SplitPane.setResizableWithParent(facts, false);

        root.getStyleClass().add(Styles.APP);
        root.setTop(new VBox(menuBar(), searchBar, new DiffBanner(vm), new PathBar(vm)));
        root.setCenter(split);
        root.setBottom(statusBar());
        double[] b = prefs.windowBounds();
        scene = new Scene(root, b[2], b[3]);
        if (!Double.isNaN(b[0])) {
            stage.setX(b[0]);
            stage.setY(b[1]);
        }
        Theme.apply(scene, dark);
        stage.setScene(scene);
        // Set, not bound: a bound title cannot be set by whatever shows next on this stage (the workbench, or the
        // next test class under TestFX, which reuses one primary stage).
        stage.setTitle("IOScope");
        vm.documentProperty().addListener((o, a, d) -> {
            if (stage.getScene() == scene) {
                stage.setTitle(d == null ? "IOScope" : d.title() + " — IOScope");
            }
        });
        installDragAndDrop();
        vm.problemProperty().addListener((o, a, p) -> {
            if (p != null) {
                showProblem(p);
            }
        });
        vm.scenarioRequestedProperty().addListener((o, a, f) -> {
            if (f != null) {
                openScenario(f);
            }
        });
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        stage.setOnHiding(e -> remember());
        // Focus starts in the tree (not the plane selector, where ↓ would switch the plane).
        tree.tree().requestFocus();
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> tree.tree().requestFocus());
    }

    /** Sets the tab's content the first time the tab is selected. */
    private static void madeOnFirstShow(Tab tab, Supplier<Node> content) {
        tab.selectedProperty().addListener((o, a, b) -> {
            if (b && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
    }

    /** The change log of a live registry: one line per refresh, newest last. */
    private ListView<LiveChange> liveLog() {
        var list = new ListView<>(vm.liveLog());
        list.setId("liveLog");
        list.setPlaceholder(new Label("File ▸ Open This Mac, then Refresh Now or Auto-Refresh: each refresh's "
                + "added, removed and changed entries are listed here."));
        vm.liveLog().addListener((ListChangeListener<LiveChange>) c -> {
            if (!vm.liveLog().isEmpty()) {
                list.scrollTo(vm.liveLog().size() - 1);
            }
        });
        return list;
    }

    /** The File menu's live registry items (tests). */
    LiveMenu liveMenu() {
        return liveMenu;
    }

    /** The Help menu (tests open its dialogs). */
    public HelpMenu help() {
        return help;
    }

    /** Opens a workbench window on a scenario file the user opened here (errors in an alert, as for snapshots). */
    private void openScenario(Path file) {
        if (workbench == null) {
            showProblem(new ExplorerViewModel.Problem("Cannot open the scenario", "this window has no workbench"));
            return;
        }
        try {
            workbench.openSession(file, root.getStyleClass().contains(Styles.DARK));
        } catch (SnapshotException e) {
            showProblem(new ExplorerViewModel.Problem("Cannot open the scenario", e.getMessage()));
        }
    }

    public Scene scene() {
        return scene;
    }

    RegistryTreePane treePane() {
        return tree;
    }

    /** The last problem dialog shown (tests read it). */
    public Alert lastAlert() {
        return lastAlert;
    }

    /** The registry tree (benchmarks and tests). */
    public TreeTableView<IORegistryEntry> tree() {
        return tree.tree();
    }

    /** Expands the whole current plane; returns the number of tree items (benchmark and View menu). */
    public int expandAll() {
        return tree.expandAll();
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open…", "Shortcut+O", this::chooseAndOpen);
        open.setGraphic(AppIcon.OPEN.create());
        MenuItem compare = item("Compare With…", "Shortcut+D", this::chooseAndCompare);
        compare.setGraphic(AppIcon.COMPARE.create());
        MenuItem endCompare = item("End Comparison", null, vm::endComparison);
        endCompare.disableProperty().bind(vm.comparisonProperty().isNull());
        MenuItem exportAll = item("Export Registry…", "Shortcut+E", () -> export(false));
        exportAll.setGraphic(AppIcon.EXPORT.create());
        MenuItem exportSub = item("Export Selected Subtree…", "Shortcut+Shift+E", () -> export(true));
        MenuItem bundled = item("Open Virtual Mac", null, vm::openDefaultMachine);
        MenuItem realMac = item("Open Bundled iMac16,1 Snapshot", null, vm::openBundledSnapshot);
        MenuItem quit = item("Quit", "Shortcut+Q", WindowPlacement::quit);
        liveMenu = new LiveMenu(vm);
        Menu file = new Menu("File", null, open, recentMenu, bundled, realMac, new SeparatorMenuItem());
        file.getItems().addAll(liveMenu.items());
        file.getItems().addAll(new SeparatorMenuItem(), compare, endCompare,
                new SeparatorMenuItem(), exportAll, exportSub, new SeparatorMenuItem(), quit);

        MenuItem find = item("Find", "Shortcut+F", searchBar::focusSearch);
        MenuItem next = item("Next Hit", "F3", vm.search()::next);
        MenuItem prev = item("Previous Hit", "Shift+F3", vm.search()::previous);
        MenuItem copyPath = item("Copy Entry Path", "Shortcut+Shift+C", () -> InspectorPane.copy(
                new EntryActions(vm).path()));
        MenuItem nextChange = item("Next Change", "F8", vm.changeSteps()::next);
        MenuItem prevChange = item("Previous Change", "Shift+F8", vm.changeSteps()::previous);
        nextChange.disableProperty().bind(vm.comparisonProperty().isNull());
        prevChange.disableProperty().bind(vm.comparisonProperty().isNull());
        Menu edit = new Menu("Edit", null, find, next, prev, new SeparatorMenuItem(), nextChange, prevChange,
                new SeparatorMenuItem(), copyPath);

        MenuItem expand = item("Expand All", null, tree::expandAll);
        expand.setGraphic(AppIcon.EXPAND_ALL.create());
        MenuItem collapse = item("Collapse All", null, tree::collapseAll);
        collapse.setGraphic(AppIcon.COLLAPSE_ALL.create());
        MenuItem theme = item("Toggle Dark Theme", "Shortcut+T", this::toggleTheme);
        theme.setGraphic(AppIcon.THEME.create());
        MenuItem stress = item("Open Synthetic 100k Registry", null, () -> vm.openBenchmark(100_000));
        MenuItem diagnostics = item("IOKit Diagnostics…", "Shortcut+Shift+I", this::openDiagnostics);
        diagnostics.setId("diagnosticsMenuItem");
        diagnostics.disableProperty().bind(vm.documentProperty().isNull());
        Menu view = new Menu("View", null, expand, collapse, new SeparatorMenuItem(), theme, new SeparatorMenuItem(),
                diagnostics, stress);
        // the workbench (package dev.ioscope.app.workbench): its own window on the open snapshot's file
        if (workbench != null) {
            view.getItems().addAll(new SeparatorMenuItem(), item("Open Workbench…", "Shortcut+Shift+W",
                    () -> workbench.open(vm.documentProperty().get(), dark)));
        }
        MenuBar bar = new MenuBar(file, edit, view);
        help = new HelpMenu(stage, bar, List.of(new String[] {"↑ ↓ ← →", "move in the tree, fold and unfold"},
                new String[] {"Enter / Shift+Enter", "next / previous hit (in the search field)"},
                new String[] {"Escape", "clear the search (in the search field)"}));
        bar.getMenus().add(help.menu());
        bar.setId("menuBar");
        return bar;
    }

    /** The root's IOKitDiagnostics of the open snapshot as a sortable, chartable table. */
    Stage openDiagnostics() {
        Document d = vm.documentProperty().get();
        if (d == null) {
            return null;
        }
        return DiagnosticsWindow.open(IOKitDiagnostics.of(d.registry()).orElse(null), d.title(), dark);
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accel != null) {
            m.setAccelerator(KeyCombination.keyCombination(accel));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("statusText");
        status.textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        ProgressBar progress = LoadProgress.bar(vm.loadingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelLoad");
        cancel.setOnAction(e -> vm.cancelLoad());
        cancel.visibleProperty().bind(vm.loadingProperty());
        cancel.managedProperty().bind(vm.loadingProperty());
        HBox bar = new HBox(status, progress, cancel);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        return bar;
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Registry snapshots", "*.ioreg", "*.xml", "*.plist", "*.txt", "*.json",
                        "*.dtb", "*.dts"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (!vm.recentFiles().isEmpty() && vm.recentFiles().get(0).getParent() != null
                && vm.recentFiles().get(0).getParent().toFile().isDirectory()) {
            fc.setInitialDirectory(vm.recentFiles().get(0).getParent().toFile());
        }
        return fc;
    }

    private void chooseAndOpen() {
        File f = chooser("Open Registry Snapshot").showOpenDialog(stage);
        if (f != null) {
            vm.open(f.toPath());
        }
    }

    private void chooseAndCompare() {
        File f = chooser("Compare With Snapshot (after)").showOpenDialog(stage);
        if (f != null) {
            vm.compareWith(f.toPath());
        }
    }

    private void export(boolean subtree) {
        Document doc = vm.documentProperty().get();
        if (doc == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle(subtree ? "Export Selected Subtree" : "Export Registry");
        List<SnapshotFormat> formats = EntryExport.fileFormats();
        for (SnapshotFormat f : formats) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.displayName(),
                    "*." + f.extensions().get(0)));
        }
        // the proposed name: the snapshot's name with the first filter's extension, in the snapshot's folder
        fc.setSelectedExtensionFilter(fc.getExtensionFilters().get(0));
        IORegistryEntry sel = vm.selectedProperty().get();
        String source = doc.file() != null ? doc.file().getFileName().toString() : doc.title();
        fc.setInitialFileName(ExportChoice.proposedName(source, subtree && sel != null ? sel.name() : null,
                formats.get(0)));
        if (doc.file() != null && doc.file().toAbsolutePath().getParent() != null
                && Files.isDirectory(doc.file().toAbsolutePath().getParent())) {
            fc.setInitialDirectory(doc.file().toAbsolutePath().getParent().toFile());
        }
        File out = fc.showSaveDialog(stage);
        if (out != null) {
            SnapshotFormat filter = formats.stream().filter(f -> fc.getSelectedExtensionFilter() != null
                    && fc.getSelectedExtensionFilter().getDescription().equals(f.displayName())).findFirst()
                    .orElse(null);
            vm.export(out.toPath(), ExportChoice.format(out.getName(), filter, formats), subtree);
        }
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : vm.recentFiles()) {
            MenuItem m = new MenuItem(p.toString());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> vm.open(p));
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void installDragAndDrop() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            var files = e.getDragboard().getFiles();
            if (!files.isEmpty()) {
                vm.open(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    void toggleTheme() {
        setDark(!dark);
    }

    public void setDark(boolean on) {
        dark = on;
        Theme.apply(scene, dark);
        Theme.applyEverywhere(dark);
        vm.preferences().setTheme(dark ? "dark" : "light");
    }

    /** Selects a property of the selected entry in the inspector. */
    public boolean selectProperty(String key) {
        return inspectorPane.selectProperty(key);
    }

    /** Shows the detail tab with this title (Properties, Source, Changes). */
    public void selectTab(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private void showProblem(ExplorerViewModel.Problem p) {
        Alert a = new Alert(Alert.AlertType.ERROR, p.message(), ButtonType.OK);
        a.initOwner(stage);
        a.initModality(Modality.WINDOW_MODAL);
        a.setTitle("IOScope");
        a.setHeaderText(p.title());
        a.getDialogPane().setId("problemDialog");
        a.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
        lastAlert = a;
        // show(), not showAndWait(): the problem arrives from a job callback and must not nest an event loop.
        a.show();
    }

    private void remember() {
        AppPreferences prefs = vm.preferences();
        prefs.setWindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        prefs.setDividers("main", split.getDividerPositions());
        prefs.flush();
    }
}
