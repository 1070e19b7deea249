package dev.ioscope.app.workbench;

import dev.ioscope.app.ui.AppIcon;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
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
import javafx.scene.text.Text;

import java.util.List;

/**
 * Run / pause / step / step back / run to breakpoint, undo / redo, the virtual clock, exploring a step, publishing a
 * nub and loading kexts. Opening and saving a session are in the menu bar's Session menu (with its shortcuts), so
 * the toolbar fits a 1280-pixel window whole.
 */
final class RunControlBar extends ToolBar {
    RunControlBar(WorkbenchViewModel vm, StepExplorer steps) {
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
        kexts.setTooltip(new Tooltip("Load Kexts: kext or dext folders, Info.plist files (or drop them on the"
                + " window)"));
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
        explore.setTooltip(new Tooltip("Explore Step: the registry at this step, every plane, in an explorer window"
                + " (search, inspector, ioreg text, export); or mark a step and compare it with a later one"));
        explore.setOnAction(e -> steps.explore());
        explore.disableProperty().bind(vm.runningProperty());
        Button publish = button("publishNub", AppIcon.PCI, "Publish Nub…",
                "Publish Nub: hot-plug a nub under the selected entry (registerService, then matching)",
                () -> PublishDialog.show(getScene().getWindow(), vm));
        publish.disableProperty().bind(vm.runningProperty());
        Button undo = button("undo", AppIcon.UNDO, "Undo", "", vm::undo);
        Button redo = button("redo", AppIcon.REDO, "Redo", "", vm::redo);
        // icons only, as in every editor's toolbar: the tooltip names the edit, Edit names it in the menu bar, and
        // the text stays for screen readers; the room goes to the labels that have no common icon
        undo.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        redo.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
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
                explore, publish, kexts);
        // whole or not at all: a narrow window first shows the right-hand commands as icons, the last first (their
        // tooltips and the menu bar name them), then moves the last items into the toolbar's overflow menu (the menu
        // bar has every command) instead of cutting each label to "Pa…"
        for (var n : getItems()) {
            if (n instanceof Region r && r != grow) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        compactable = List.of(explore, publish, kexts);
    }

    /** Explore Step, Publish Nub…, Load Kexts: the commands that show as icons, the last first, when space is short. */
    private final List<Labeled> compactable;

    /** True when at least one right-hand command shows as an icon because its label does not fit. */
    boolean compact() {
        return compactable.stream().anyMatch(l -> l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY);
    }

    /** The width every item would want with its label: what the items want now, plus the labels now hidden. */
    double labelledWidth() {
        double full = itemsWidth();
        for (Labeled l : compactable) {
            if (l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
                full += labelWidth(l);
            }
        }
        return full;
    }

    @Override
    protected void layoutChildren() {
        double full = labelledWidth();
        // hide the fewest labels, the last first, so that everything fits
        double wanted = full;
        for (int i = compactable.size() - 1; i >= 0; i--) {
            Labeled l = compactable.get(i);
            boolean hide = wanted > getWidth();
            if (hide) {
                wanted -= labelWidth(l);
            }
            ContentDisplay display = hide ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
            if (l.getContentDisplay() != display) {
                l.setContentDisplay(display);
            }
        }
        super.layoutChildren();
    }

    /** What showing {@code l}'s label adds to its width: the text in its font and the gap before it. */
    private static double labelWidth(Labeled l) {
        Text text = new Text(l.getText());
        text.setFont(l.getFont());
        return Math.ceil(text.getLayoutBounds().getWidth()) + l.getGraphicTextGap();
    }

    private double itemsWidth() {
        double spacing = lookup(".container") instanceof HBox box ? box.getSpacing() : 0;
        double sum = snappedLeftInset() + snappedRightInset();
        int shown = 0;
        for (var n : getItems()) {
            if (n.isManaged()) {
                sum += snapSizeX(n.prefWidth(-1));
                shown++;
            }
        }
        // ToolBarSkin counts the spacing after every item, the last included, when it decides what overflows
        return sum + spacing * shown;
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
