package dev.ioscope.app.workbench;

import dev.ioscope.app.ui.HelpMenu;
import dev.ioscope.app.ui.Theme;
import dev.ioscope.app.ui.WindowPlacement;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/**
 * The workbench's menu bar: Session (open, save, kexts, close, quit), Edit (undo / redo naming the edit), Run,
 * View (theme, explore the step, the open windows) and Help. Every command is also on the toolbar; the menus give
 * them shortcuts and keep them reachable however narrow the window is.
 */
final class WorkbenchMenus {
    private final HelpMenu help;
    private final MenuBar bar = new MenuBar();

    WorkbenchMenus(Stage stage, WorkbenchViewModel vm, Runnable openScenario, Runnable saveSession,
                   Runnable openExample, Runnable exportTrace, StepExplorer steps) {
        MenuItem open = item("Open Scenario…", "Shortcut+O", openScenario);
        MenuItem example = item("Open Example…", null, openExample);
        MenuItem save = item("Save Session…", "Shortcut+S", saveSession);
        MenuItem trace = item("Export Trace…", null, exportTrace);
        trace.setId("exportTrace");
        MenuItem folder = item("Load Kext Folder…", "Shortcut+K", () -> KextChooser.folder(vm, stage));
        MenuItem plists = item("Load Info.plist…", null, () -> KextChooser.plists(vm, stage));
        MenuItem close = item("Close Window", "Shortcut+W", stage::close);
        MenuItem quit = item("Quit", "Shortcut+Q", WindowPlacement::quit);
        Menu session = new Menu("Session", null, open, example, save, trace, new SeparatorMenuItem(), folder, plists,
                new SeparatorMenuItem(), close, quit);
        session.setId("sessionMenuBar");

        var stack = vm.undoStack();
        MenuItem undo = item("Undo", "Shortcut+Z", vm::undo);
        undo.textProperty().bind(Bindings.when(stack.undoTextProperty().isEmpty()).then("Undo")
                .otherwise(Bindings.concat("Undo ", stack.undoTextProperty())));
        undo.disableProperty().bind(vm.runningProperty().or(stack.undoTextProperty().isEmpty()));
        undo.setId("undoMenuItem");
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", vm::redo);
        redo.textProperty().bind(Bindings.when(stack.redoTextProperty().isEmpty()).then("Redo")
                .otherwise(Bindings.concat("Redo ", stack.redoTextProperty())));
        redo.disableProperty().bind(vm.runningProperty().or(stack.redoTextProperty().isEmpty()));
        Menu edit = new Menu("Edit", null, undo, redo);

        MenuItem run = item("Run", "F5", vm::run);
        MenuItem pause = item("Pause", "Shift+F5", vm::pause);
        MenuItem step = item("Step", "F10", vm::step);
        MenuItem back = item("Back", "Shift+F10", vm::stepBack);
        MenuItem toBp = item("Run to Breakpoint", "F9", vm::runToBreakpoint);
        for (MenuItem m : List.of(run, step, toBp)) {
            m.disableProperty().bind(vm.runningProperty().or(vm.quietProperty()));
        }
        pause.disableProperty().bind(vm.runningProperty().not());
        back.disableProperty().bind(vm.runningProperty());
        Menu runMenu = new Menu("Run", null, run, pause, step, back, toBp);

        MenuItem theme = item("Toggle Dark Theme", "Shortcut+T", () -> Theme.applyEverywhere(!Theme.isDarkNow()));
        MenuItem explore = item("Explore Step", "Shortcut+E", steps::explore);
        explore.disableProperty().bind(vm.runningProperty());
        Menu windows = new Menu("Windows");
        windows.setId("windowsMenu");
        // the open windows, listed as the menu opens; picking one brings it to the front
        windows.setOnShowing(e -> fillWindows(windows));
        windows.getItems().add(new MenuItem("(none)"));
        Menu view = new Menu("View", null, theme, new SeparatorMenuItem(), explore, new SeparatorMenuItem(), windows);

        bar.getMenus().setAll(session, edit, runMenu, view);
        help = new HelpMenu(stage, bar, List.of(new String[] {"click / drag", "scrub the journal strip"},
                new String[] {"Ctrl + wheel", "zoom the power lanes' time axis"}));
        bar.getMenus().add(help.menu());
        bar.setId("workbenchMenuBar");
        fillWindows(windows);
    }

    MenuBar bar() {
        return bar;
    }

    HelpMenu help() {
        return help;
    }

    /** One item per open window, by title. */
    static void fillWindows(Menu windows) {
        windows.getItems().clear();
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s.isShowing()) {
                MenuItem m = new MenuItem(s.getTitle());
                m.setMnemonicParsing(false);
                m.setOnAction(e -> s.toFront());
                windows.getItems().add(m);
            }
        }
        if (windows.getItems().isEmpty()) {
            windows.getItems().add(new MenuItem("(none)"));
        }
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accel != null) {
            m.setAccelerator(KeyCombination.keyCombination(accel));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
