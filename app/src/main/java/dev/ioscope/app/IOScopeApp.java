package dev.ioscope.app;

import dev.ioscope.app.explorer.ExplorerView;
import dev.ioscope.app.explorer.ExplorerViewModel;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.AppIcons;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.ui.StartTimeline;
import dev.ioscope.app.workbench.WorkbenchView;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/** The JavaFX application: one explorer window, opened on the command-line file or the bundled machine. */
public final class IOScopeApp extends Application {
    private ExplorerView view;

    @Override
    public void init() {
        FxLauncher.toolkitStarted = true;   // the toolkit is up: a failure from here on is not a missing display
        FxLauncher.loggingReady.join();     // configured by the launcher while the toolkit started
        StartTimeline.mark("toolkit up (init)");
    }

    @Override
    public void start(Stage stage) {
        StartTimeline.mark("start");
        AppIcons.applySoon(stage);
        ExplorerViewModel vm = new ExplorerViewModel(Jobs.background(), AppPreferences.fromSystemProperty());
        view = new ExplorerView(stage, vm, WorkbenchView.LAUNCHER);
        StartTimeline.mark("explorer built");
        List<String> args = getParameters().getUnnamed();
        if (UiBench.enabled()) {
            stage.show();
            new UiBench(vm, view).run(args.isEmpty() ? null : Path.of(args.get(0)));
            return;
        }
        if (FirstFrameMark.enabled()) {
            FirstFrameMark.follow(vm, view.scene());
        }
        StartupOptions.apply(vm, view);
        stage.show();
        StartTimeline.mark("stage shown");
        // The launcher's load has usually ended by now (the virtual Mac boots while the toolkit starts): shown at
        // once, before the window's first pulse, its tree is in the first frame (docs/benchmarks.md).
        FirstDocument first = FirstDocument.forWindow(args);
        first.showDocument(vm);
        StartTimeline.mark(vm.documentProperty().get() != null ? "document shown" : "document still loading");
        first.openScenario(vm);
    }

    /** The window's view (tests). */
    public ExplorerView view() {
        return view;
    }
}
