package dev.ioscope.app;

import dev.ioscope.app.explorer.ExplorerViewModel;
import dev.ioscope.app.explorer.StartedLoad;
import dev.ioscope.engine.machine.JsonFileKind;

import java.nio.file.Path;
import java.util.List;

/**
 * What the window opens first, for its command-line arguments: the file, or the virtual Mac with no file (and,
 * for a scenario file, the virtual Mac here and the scenario in a workbench). The launcher starts its load before
 * the JavaFX toolkit ({@link #startEarly}), so reading or booting overlaps the toolkit's start and the building of
 * the window on the second core; the window takes it over ({@link #forWindow}) and shows it as any load.
 */
final class FirstDocument {
    private static volatile FirstDocument early;

    private final List<String> args;
    private final Path scenario;
    private final StartedLoad load;

    private FirstDocument(List<String> args) {
        this.args = List.copyOf(args);
        Path file = args.isEmpty() ? null : Path.of(args.get(0));
        this.scenario = file != null && JsonFileKind.of(file) == JsonFileKind.SCENARIO ? file : null;
        this.load = file == null || scenario != null ? StartedLoad.ofDefaultMachine() : StartedLoad.ofFile(file);
    }

    /** The launcher, before the toolkit starts: starts the load of the first document of a window on {@code args}. */
    static void startEarly(List<String> args) {
        early = new FirstDocument(args);
    }

    /** The window's first document: the one the launcher started for these arguments, else one started now. */
    static FirstDocument forWindow(List<String> args) {
        FirstDocument started = early;
        early = null;
        return started != null && started.args.equals(args) ? started : new FirstDocument(args);
    }

    /** Whether the launcher has started a load no window has taken yet (tests). */
    static boolean pending() {
        return early != null;
    }

    /** Shows it in {@code vm}: the file, or the virtual Mac (then a scenario file's workbench). */
    void open(ExplorerViewModel vm) {
        showDocument(vm);
        openScenario(vm);
    }

    /**
     * The window, as it is shown: the file or the virtual Mac, shown at once if its load has already ended, so the
     * window's first frame draws it (else it shows when the load ends: {@link ExplorerViewModel#open(StartedLoad)}).
     */
    void showDocument(ExplorerViewModel vm) {
        vm.open(load);
    }

    /** The window, once shown: a scenario file's workbench (a window of its own, after the explorer's). */
    void openScenario(ExplorerViewModel vm) {
        if (scenario != null) {
            vm.open(scenario);
        }
    }
}
