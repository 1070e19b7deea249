package dev.ioscope.app.diagnostics;

import dev.ioscope.app.ui.AppIcons;
import dev.ioscope.app.ui.Theme;
import dev.ioscope.app.ui.WindowPlacement;
import dev.ioscope.engine.registry.IOKitDiagnostics;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The explorer's IOKit Diagnostics window for one snapshot. */
public final class DiagnosticsWindow {
    private DiagnosticsWindow() {
    }

    /** Opens a window on {@code d} (null: says the registry has none), titled after the snapshot. */
    public static Stage open(IOKitDiagnostics d, String title, boolean dark) {
        DiagnosticsViewModel vm = new DiagnosticsViewModel();
        vm.sourceProperty().set(d);
        Stage s = new Stage();
        AppIcons.apply(s);
        s.setTitle("IOKit Diagnostics — " + title);
        Scene scene = new Scene(new DiagnosticsPane(vm), 900, 600);
        Theme.apply(scene, dark);
        s.setScene(scene);
        WindowPlacement.cascade(s, WindowPlacement.current(), 900, 600);
        s.show();
        return s;
    }
}
