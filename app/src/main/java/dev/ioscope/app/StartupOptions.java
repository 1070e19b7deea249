package dev.ioscope.app;

import dev.ioscope.app.explorer.Document;
import dev.ioscope.app.explorer.ExplorerView;
import dev.ioscope.app.explorer.ExplorerViewModel;
import dev.ioscope.engine.registry.RegistryPath;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Optional system properties applied once the first document is showing, so a window can be brought to a given
 * state from the command line (documentation screenshots, bug reports):
 * {@code ioscope.plane}, {@code ioscope.select} (a registry path), {@code ioscope.property} (a key to select in
 * the inspector), {@code ioscope.search},
 * {@code ioscope.advanced=true}, {@code ioscope.compare} (a file), {@code ioscope.tab} (Properties, Source,
 * Changes), {@code ioscope.theme} (light or dark), {@code ioscope.window} (WIDTHxHEIGHT),
 * {@code ioscope.live} ({@code open}: File ▸ Open This Mac; {@code refresh}: that, then one Refresh Now once the live
 * registry shows).
 */
final class StartupOptions {
    private StartupOptions() {
    }

    /** Called before the window is shown and its first document opens: the size and theme are its first ones. */
    static void apply(ExplorerViewModel vm, ExplorerView view) {
        String size = System.getProperty("ioscope.window");
        if (size != null && size.matches("\\d+x\\d+")) {
            var w = view.scene().getWindow();
            w.setX(0);
            w.setY(0);
            w.setWidth(Integer.parseInt(size.substring(0, size.indexOf('x'))));
            w.setHeight(Integer.parseInt(size.substring(size.indexOf('x') + 1)));
        }
        String theme = System.getProperty("ioscope.theme");
        if (theme != null) {
            view.setDark(theme.equals("dark"));
        }
        vm.documentProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Document> o,
                                Document a, Document d) {
                vm.documentProperty().removeListener(this);
                String compare = System.getProperty("ioscope.compare");
                String live = System.getProperty("ioscope.live");
                // Later: the view-model finishes publishing the document (plane, selection) after this event.
                if ("open".equals(live) || "refresh".equals(live)) {
                    Platform.runLater(() -> openLive(vm, live.equals("refresh"), () -> select(vm, view)));
                } else if (compare != null) {
                    vm.comparisonProperty().addListener((ob, x, c) -> Platform.runLater(() -> select(vm, view)));
                    Platform.runLater(() -> vm.compareWith(Path.of(compare)));
                } else {
                    Platform.runLater(() -> select(vm, view));
                }
            }
        });
    }

    private static void select(ExplorerViewModel vm, ExplorerView view) {
        String plane = System.getProperty("ioscope.plane");
        var doc = vm.documentProperty().get();
        if (plane != null) {
            doc.registry().findPlane(plane).ifPresent(vm.planeProperty()::set);
        }
        String select = System.getProperty("ioscope.select");
        if (select != null) {
            RegistryPath.fromPath(doc.registry(), select, vm.planeProperty().get())
                    .ifPresent(vm.selectedProperty()::set);
        }
        if ("true".equals(System.getProperty("ioscope.advanced"))) {
            vm.search().advancedProperty().set(true);
        }
        String search = System.getProperty("ioscope.search");
        if (search != null) {
            vm.search().textProperty().set(search);
            // The search runs on a job thread: step to the first hit once its result is in.
            vm.search().whenDone(vm.search()::next);
        }
        String property = System.getProperty("ioscope.property");
        if (property != null) {
            view.selectProperty(property);
        }
        String tab = System.getProperty("ioscope.tab");
        if (tab != null) {
            view.selectTab(tab);
        }
    }

    /**
     * File ▸ Open This Mac, then (with {@code refresh}) one Refresh Now once the live registry shows; {@code then}
     * runs once the last of them shows (the reads run on job threads).
     */
    private static void openLive(ExplorerViewModel vm, boolean refresh, Runnable then) {
        once(vm.liveProperty(), live -> live, () -> {
            if (refresh) {
                once(vm.comparisonProperty(), c -> c != null, () -> Platform.runLater(then));
                Platform.runLater(vm::refreshLive);
            } else {
                Platform.runLater(then);
            }
        });
        vm.openThisMac();
    }

    /** Runs {@code action} the first time the value changes to one {@code test} accepts. */
    private static <T> void once(ObservableValue<T> value, Predicate<T> test, Runnable action) {
        value.addListener(new ChangeListener<T>() {
            @Override
            public void changed(ObservableValue<? extends T> o, T was, T is) {
                if (test.test(is)) {
                    value.removeListener(this);
                    action.run();
                }
            }
        });
    }
}
