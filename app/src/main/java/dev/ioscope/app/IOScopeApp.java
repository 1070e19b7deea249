package dev.ioscope.app;

import dev.ioscope.app.explorer.ExplorerView;
import dev.ioscope.app.explorer.ExplorerViewModel;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.AppIcons;
import dev.ioscope.app.ui.Jobs;
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
    }

    @Override
    public void start(Stage stage) {
        AppIcons.applySoon(stage);
        ExplorerViewModel vm = new ExplorerViewModel(Jobs.background(), AppPreferences.fromSystemProperty());
        view = new ExplorerView(stage, vm, WorkbenchView.LAUNCHER);
        stage.show();
        List<String> args = getParameters().getUnnamed();
        if (UiBench.enabled()) {
            new UiBench(vm, view).run(args.isEmpty() ? null : Path.of(args.get(0)));
            return;
        }
        if (FirstFrameMark.enabled()) {
            FirstFrameMark.follow(vm, view.scene());
        }
        StartupOptions.apply(vm, view);
        FirstDocument.forWindow(args).open(vm);
    }

    /** The window's view (tests). */
    public ExplorerView view() {
        return view;
    }
}
