package dev.ioscope.app.workbench;

import dev.ioscope.app.ui.AppIcons;
import dev.ioscope.app.explorer.ExplorerView;
import dev.ioscope.app.explorer.ExplorerViewModel;
import dev.ioscope.app.prefs.AppPreferences;
import dev.ioscope.app.ui.Jobs;
import dev.ioscope.app.ui.WindowPlacement;
import dev.ioscope.engine.snapshot.Snapshot;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Stage;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The registry at a step in explorer windows: this step on its own (every plane, search, inspector, export), or
 * what changed between a marked step and this one — the explorer's comparison, so "what did plugging this device
 * do to the registry?" is one click. The registries are copies the session makes on its engine thread.
 */
public final class StepExplorer {
    /** A step's registry kept for a later comparison. */
    record Marked(Snapshot snapshot, String title) {
    }

    private final MachineSession session;
    private final WorkbenchViewModel vm;
    private final Supplier<String> machineTitle;
    private final ReadOnlyObjectWrapper<Marked> marked = new ReadOnlyObjectWrapper<>();

    StepExplorer(MachineSession session, WorkbenchViewModel vm, Supplier<String> machineTitle) {
        this.session = session;
        this.vm = vm;
        this.machineTitle = machineTitle;
    }

    /** An explorer window on the registry at the current step. */
    void explore() {
        String title = title();
        session.snapshotNow(snap -> window(evm -> evm.openSnapshot(snap, title)));
    }

    /** Keeps the registry at the current step as the "before" of a comparison. */
    public void mark() {
        String title = title();
        session.snapshotNow(snap -> {
            marked.set(new Marked(snap, title));
            vm.statusProperty().set("marked " + title + " for comparison");
        });
    }

    /** An explorer window comparing the marked step (before) with the current one (after). */
    public void compare() {
        Marked m = marked.get();
        if (m == null) {
            return;
        }
        String title = title();
        session.snapshotNow(snap -> window(evm -> evm.openComparison(m.snapshot(), m.title(), snap, title)));
    }

    ReadOnlyObjectProperty<Marked> markedProperty() {
        return marked.getReadOnlyProperty();
    }

    private String title() {
        return machineTitle.get() + " at " + vm.clockProperty().get().split("   ")[0];
    }

    private static void window(Consumer<ExplorerViewModel> open) {
        Stage s = new Stage();
        AppIcons.apply(s);
        var from = WindowPlacement.current();
        var evm = new ExplorerViewModel(Jobs.background(), AppPreferences.fromSystemProperty());
        new ExplorerView(s, evm, WorkbenchView.LAUNCHER);
        WindowPlacement.cascade(s, from, s.getScene().getWidth(), s.getScene().getHeight());
        s.show();
        open.accept(evm);
    }
}
