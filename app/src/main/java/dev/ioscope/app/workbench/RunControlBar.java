package dev.ioscope.app.workbench;

import dev.ioscope.app.ui.AppIcon;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;

/** Run / pause / step / step back / run to breakpoint, the virtual clock, loading kexts, saving the session. */
final class RunControlBar extends ToolBar {
    RunControlBar(WorkbenchViewModel vm, Runnable openScenario, Runnable saveSession, StepExplorer steps) {
        Button run = button("run", AppIcon.RUN, "Run", "Run until quiet (breakpoints ignored)", vm::run);
        Button pause = button("pause", AppIcon.PAUSE, "Pause", "Stop at the next scheduler step", vm::pause);
        Button back = button("stepBack", AppIcon.STEP_BACK, "Back", "One scheduler step back (the machine is "
                + "replayed from the start)", vm::stepBack);
        Button step = button("step", AppIcon.STEP, "Step", "One scheduler step", vm::step);
        Button toBp = button("runToBreakpoint", AppIcon.RUN_TO_BREAKPOINT, "Run to Breakpoint",
                "Run until an event a breakpoint accepts", vm::runToBreakpoint);
        pause.disableProperty().bind(vm.runningProperty().not());
        for (Button b : List.of(run, step, toBp)) {
            b.disableProperty().bind(vm.runningProperty().or(vm.quietProperty()));
        }
        back.disableProperty().bind(vm.runningProperty());
        // a run shows that it is running; Pause is its cancel
        ProgressIndicator progress = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
        progress.setId("runProgress");
        progress.setPrefSize(18, 18);
        progress.setMaxSize(18, 18);
        progress.setTooltip(new Tooltip("Running: Pause stops at the next scheduler step"));
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(vm.runningProperty());

        Label clock = new Label();
        clock.setId("clock");
        clock.getStyleClass().add("workbench-clock");
        clock.textProperty().bind(vm.clockProperty());

        MenuItem folder = new MenuItem("Kext or Dext Folder…");
        folder.setOnAction(e -> KextChooser.folder(vm, getScene().getWindow()));
        MenuItem plist = new MenuItem("Info.plist…");
        plist.setOnAction(e -> KextChooser.plists(vm, getScene().getWindow()));
        MenuButton kexts = new MenuButton("Load Kexts", AppIcon.KEXT.create(), folder, plist);
        kexts.setId("loadKexts");
        kexts.setTooltip(new Tooltip("Or drop kext / dext folders and Info.plist files on the window"));
        MenuItem openItem = new MenuItem("Open Scenario…", AppIcon.SCENARIO.create());
        openItem.setId("openScenario");
        openItem.setOnAction(e -> openScenario.run());
        MenuItem saveItem = new MenuItem("Save Session…", AppIcon.SAVE.create());
        saveItem.setId("saveSession");
        saveItem.setOnAction(e -> saveSession.run());
        MenuButton session = new MenuButton("Session", AppIcon.SCENARIO.create(), openItem, saveItem);
        session.setId("sessionMenu");
        session.setTooltip(new Tooltip("Open a scenario in a new window; save this session (machine, kexts, every"
                + " action so far, breakpoints) as a scenario that ioscope run replays with the same journal"));
        MenuItem mark = new MenuItem("Mark This Step");
        mark.setId("markStep");
        mark.setOnAction(e -> steps.mark());
        MenuItem compare = new MenuItem("Compare Marked Step with This Step");
        compare.setId("compareSteps");
        compare.disableProperty().bind(steps.markedProperty().isNull());
        compare.setOnAction(e -> steps.compare());
        SplitMenuButton explore = new SplitMenuButton(mark, compare);
        explore.setText("Explore Step");
        explore.setGraphic(AppIcon.SEARCH.create());
        explore.setId("exploreStep");
        explore.setTooltip(new Tooltip("The registry at this step, every plane, in an explorer window (search,"
                + " inspector, ioreg text, export); or mark a step and compare it with a later one"));
        explore.setOnAction(e -> steps.explore());
        explore.disableProperty().bind(vm.runningProperty());
        Button publish = button("publishNub", AppIcon.PCI, "Publish Nub…",
                "Hot-plug a nub under the selected entry (registerService, then matching)",
                () -> PublishDialog.show(getScene().getWindow(), vm));
        publish.disableProperty().bind(vm.runningProperty());
        Button undo = button("undo", AppIcon.UNDO, "Undo", "", vm::undo);
        Button redo = button("redo", AppIcon.REDO, "Redo", "", vm::redo);
        var stack = vm.undoStack();
        undo.disableProperty().bind(vm.runningProperty().or(stack.undoTextProperty().isEmpty()));
        redo.disableProperty().bind(vm.runningProperty().or(stack.redoTextProperty().isEmpty()));
        undo.getTooltip().textProperty().bind(Bindings.concat("Undo ",
                stack.undoTextProperty(), " (", shortcut("Z"), ")"));
        redo.getTooltip().textProperty().bind(Bindings.concat("Redo ",
                stack.redoTextProperty(), " (", shortcut("Shift+Z"), ")"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getItems().addAll(run, pause, progress, back, step, toBp, new Separator(), undo, redo, new Separator(), clock,
                grow,
                explore, publish, kexts, session);
        // whole or not at all: a narrow window moves the last items into the toolbar's overflow menu (and the menu
        // bar has every command) instead of cutting each label to "Pa…"
        for (var n : getItems()) {
            if (n instanceof Region r && r != grow) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    private static String shortcut(String key) {
        return (System.getProperty("os.name", "").startsWith("Mac") ? "⌘" : "Ctrl+") + key;
    }

    private static Button button(String id, AppIcon icon, String text, String tip, Runnable action) {
        Button b = new Button(text, icon.create());
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
