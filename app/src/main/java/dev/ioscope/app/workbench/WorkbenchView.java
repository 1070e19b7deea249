package dev.ioscope.app.workbench;

import dev.ioscope.app.explorer.Document;
import dev.ioscope.app.explorer.WorkbenchLauncher;
import dev.ioscope.app.ui.AppIcons;
import dev.ioscope.app.ui.Documentation;
import dev.ioscope.app.ui.FxDispatch;
import dev.ioscope.app.ui.Styles;
import dev.ioscope.app.ui.Theme;
import dev.ioscope.app.ui.WindowPlacement;
import dev.ioscope.engine.machine.JsonFileKind;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.io.SnapshotException;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

/**
 * The workbench window: run control on top, the registry at the current step on the left, the journal
 * timeline in the middle, matching and breakpoints on the right. One window = one machine = one engine thread;
 * the view pulls the machine's state once per frame and closes the session with the window.
 */
public final class WorkbenchView {
    private final Stage stage;
    private final WorkbenchViewModel vm;
    private final MachineSession session;
    private final AnimationTimer frames;
    private final TimelinePane timeline;
    private final RegistryAtEventPane registry;
    private final StepExplorer steps;
    private final WorkbenchMenus menus;

    public WorkbenchView(Stage stage, String title, Scenario scenario, boolean dark) {
        this.stage = stage;
        WorkbenchViewModel[] holder = new WorkbenchViewModel[1];
        session = new MachineSession(title, scenario, Map.of(), FxDispatch::runNowOrLater,
                e -> holder[0].accept(e));
        vm = new WorkbenchViewModel(session);
        steps = new StepExplorer(session, vm, () -> title);
        holder[0] = vm;
        session.start();

        timeline = new TimelinePane(vm);
        registry = new RegistryAtEventPane(vm);
        TabPane right = new TabPane();
        right.setId("workbenchTabs");
        TabPane ioKitTopics = new TabPane();
        ioKitTopics.setId("ioKitTopics");
        ioKitTopics.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (WorkbenchPanel p : WorkbenchPanels.installed().panels()) {
            Tab tab = new Tab(p.title(), p.create(vm));
            if (p.group() == WorkbenchPanel.Group.TOP) {
                right.getTabs().add(tab);
            } else {
                ioKitTopics.getTabs().add(tab);
            }
        }
        if (!ioKitTopics.getTabs().isEmpty()) {
            right.getTabs().add(new Tab("I/O Kit", ioKitTopics));
        }
        right.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane center = new SplitPane(registry, timeline, right);
        center.setDividerPositions(0.25, 0.56);
        Label status = new Label();
        status.setId("workbenchStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setPadding(new Insets(3, 8, 3, 8));
        BorderPane root = new BorderPane(center);
        RunControlBar bar = new RunControlBar(vm, steps);
        menus = new WorkbenchMenus(stage, vm, this::openScenario, this::saveSession, this::openExample,
                this::exportTrace, steps);
        root.setTop(new VBox(menus.bar(), bar, EmptyMachineBanner.create(vm, stage, this::openExample)));
        root.setBottom(status);
        root.getStyleClass().add(Styles.APP);

        // drop kext folders or Info.plist files anywhere on the window
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                vm.loadKexts(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });

        var screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(860, screen.getHeight()));
        Theme.apply(scene, dark);
        stage.setScene(scene);
        stage.titleProperty().unbind(); // a stage reused from another view may carry a bound title
        stage.setTitle("IOScope Workbench — " + title);
        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pull();
            }
        };
        frames.start();
        stage.setOnHidden(e -> close());
    }

    /** What an explorer window opens workbench windows with. */
    public static final WorkbenchLauncher LAUNCHER = new WorkbenchLauncher() {
        @Override
        public void open(Document doc, boolean dark) {
            WorkbenchView.open(doc, dark);
        }

        @Override
        public void openSession(Path file, boolean dark) throws SnapshotException {
            WorkbenchView.openSession(file, dark);
        }
    };

    /**
     * Opens a workbench window on an explorer document: a file is reloaded (so the machine can be replayed); a
     * machine the engine booted (the virtual Mac) boots again from time 0, so its whole boot can be stepped
     * through; anything else (a synthetic registry) gives the empty platform.
     */
    public static WorkbenchView open(Document doc, boolean dark) {
        Path file = doc == null ? null : doc.file();
        if (file == null && doc != null && doc.snapshot().info().get("machine") != null) {
            return open(MachineSession.defaultMachine(), "Virtual Mac", dark);   // the bundled virtual Mac
        }
        if (file != null && JsonFileKind.of(file)
                == JsonFileKind.MACHINE_DESCRIPTION) {
            // a machine description the user opened: it boots again from time 0 in the workbench
            return open(MachineSession.defaultMachine().withMachine(file.toAbsolutePath().toString()), doc.title(),
                    dark);
        }
        return open(file, file == null ? "empty platform" : doc.title(), dark);
    }

    /** Opens a workbench window on a scenario or saved session file, with its breakpoints. */
    public static WorkbenchView openSession(Path file, boolean dark) throws SnapshotException {
        SessionFile.Session session = SessionFile.load(file);
        WorkbenchView v = open(session.scenario(), file.getFileName().toString(), dark);
        v.viewModel().breakpoints().setAll(session.breakpoints());
        return v;
    }

    /** Opens a workbench window on a scenario. */
    public static WorkbenchView open(Scenario scenario, String title, boolean dark) {
        // a window of its own (no owner): it is not kept above the explorer and outlives nothing but itself
        Stage s = new Stage();
        AppIcons.apply(s);
        var from = WindowPlacement.current();
        WorkbenchView v = new WorkbenchView(s, title, scenario, dark);
        WindowPlacement.cascade(s, from, s.getScene().getWidth(), s.getScene().getHeight());
        s.show();
        return v;
    }

    /** Opens a workbench window on a snapshot file (null: the empty platform machine). */
    public static WorkbenchView open(Path snapshot, String title, boolean dark) {
        return open(MachineSession.emptyScenario(snapshot), title, dark);
    }

    private void openScenario() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a scenario");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            openFile(f);
        }
    }

    private void openFile(File f) {
        try {
            openSession(f.toPath(), stage.getScene().getRoot().getStyleClass()
                    .contains(Styles.DARK));
        } catch (SnapshotException ex) {
            Alert a = new Alert(Alert.AlertType.ERROR, ex.getMessage());
            a.initOwner(stage);
            a.show();
        }
    }

    /** Open Example…: a scenario from the examples folder beside the build (docs/examples), else anywhere. */
    private void openExample() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open an example scenario");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
        Path examples = Documentation.examples();
        if (examples != null) {
            fc.setInitialDirectory(examples.toFile());
        }
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            openFile(f);
        }
    }

    /** The menu bar (tests). */
    WorkbenchMenus menus() {
        return menus;
    }

    /** Opens an explorer window on a copy of the machine's registry at the current step. */
    public void exploreThisStep() {
        steps.explore();
    }

    public StepExplorer steps() {
        return steps;
    }

    private void exportTrace() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export the journal up to this step as a Chrome trace");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Chrome trace-event JSON", "*.json"));
        fc.setInitialFileName("trace.json");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            vm.exportTrace(f.toPath());
        }
    }

    private void saveSession() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the session as a scenario");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
        fc.setInitialFileName("session.json");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            vm.saveSession(f.toPath());
        }
    }

    public void close() {
        frames.stop();
        session.close();
    }

    public WorkbenchViewModel viewModel() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }
}
