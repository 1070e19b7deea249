package dev.ioscope.app;

import dev.ioscope.app.explorer.ExplorerView;
import dev.ioscope.app.explorer.ExplorerViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * {@code -Dioscope.bench=ui}: measures, in the real window, JVM start to first frame, open to first frame showing
 * the document, then on the 100k-entry synthetic registry: load, search, expand-all (+ the frame after it) and
 * collapse. Prints one line per figure and exits. Figures go to docs/benchmarks-ui.md.
 */
final class UiBench {
    private final ExplorerViewModel vm;
    private final ExplorerView view;
    private long mark;

    UiBench(ExplorerViewModel vm, ExplorerView view) {
        this.vm = vm;
        this.view = view;
    }

    static boolean enabled() {
        return "ui".equals(System.getProperty("ioscope.bench"));
    }

    void run(Path file) {
        Scene scene = view.scene();
        afterNextFrame(scene, () -> {
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            print("JVM start to first frame", System.currentTimeMillis() - jvmStart);
            mark = System.nanoTime();
            vm.documentProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends dev.ioscope.app.explorer.Document> o,
                                    dev.ioscope.app.explorer.Document a, dev.ioscope.app.explorer.Document d) {
                    vm.documentProperty().removeListener(this);
                    print("open " + d.title() + ": read + index (job thread)", d.loadMillis());
                    afterNextFrame(scene, () -> {
                        print("open to first frame showing it", ms(mark));
                        bigRegistry(scene);
                    });
                }
            });
            if (file != null) {
                vm.open(file);
            } else {
                vm.openDefaultMachine();
            }
        });
    }

    private void bigRegistry(Scene scene) {
        mark = System.nanoTime();
        vm.documentProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends dev.ioscope.app.explorer.Document> o,
                                dev.ioscope.app.explorer.Document a, dev.ioscope.app.explorer.Document d) {
                vm.documentProperty().removeListener(this);
                print("synthetic " + d.registry().size() + ": build + index (job thread)", d.loadMillis());
                afterNextFrame(scene, () -> {
                    print("synthetic: open to first frame", ms(mark));
                    for (String q : new String[]{"IOUSBHostDevice", "disk", "XHC", "IOUSBHostDevice"}) {
                        long t = System.nanoTime();
                        long c = cpuMs();
                        vm.search().textProperty().set(q);
                        print("search '" + q + "' (" + vm.search().hitsProperty().get().size() + " hits): engine "
                                + vm.search().lastSearchMicros() / 1000.0 + " ms; with tree update, wall", ms(t));
                        print("    same, FX thread CPU", cpuMs() - c);
                    }
                    vm.search().textProperty().set("");
                    long t = System.nanoTime();
                    long c = cpuMs();
                    int items = view.expandAll();
                    long expanded = ms(t);
                    long expandedCpu = cpuMs() - c;
                    afterNextFrame(scene, () -> {
                        print("expand all (" + items + " items)", expanded);
                        print("    same, FX thread CPU", expandedCpu);
                        print("expand all + next frame", ms(t));
                        view.tree().scrollTo(items - 1);
                        long s = System.nanoTime();
                        afterNextFrame(scene, () -> {
                            print("scroll to last row + frame", ms(s));
                            Platform.exit();
                        });
                    });
                });
            }
        });
        vm.openBenchmark(100_000);
    }

    private static void afterNextFrame(Scene scene, Runnable r) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            // Post-layout runs before the frame is rendered; the next runLater comes after that pulse's render.
            Platform.runLater(r);
        };
        scene.addPostLayoutPulseListener(self[0]);
        Platform.requestNextPulse();
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of the calling (FX) thread in ms: unlike wall time, not inflated by other processes. */
    private static long cpuMs() {
        return THREADS.getCurrentThreadCpuTime() / 1_000_000;
    }

    private static long ms(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }

    private static void print(String what, long ms) {
        System.out.printf("%-60s %6d ms%n", what, ms);
    }
}
