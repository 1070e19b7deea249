package dev.ioscope.app;

import dev.ioscope.app.explorer.Document;
import dev.ioscope.app.explorer.ExplorerView;
import dev.ioscope.app.explorer.ExplorerViewModel;
import dev.ioscope.engine.explore.SearchField;
import dev.ioscope.engine.explore.SearchQuery;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.util.Duration;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            vm.documentProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Document> o,
                                    Document a, Document d) {
                    vm.documentProperty().removeListener(this);
                    print("open " + d.title() + ": read (job thread)", d.loadMillis());
                    afterNextFrame(scene, () -> {
                        print("open to first frame showing it", ms(mark));
                        // -Dioscope.bench.pause=MS: open the 100k registry that long after the first file's frame
                        // (its property tables and index are built by then: the open of an idle window)
                        PauseTransition idle = new PauseTransition(Duration.millis(
                                Integer.getInteger("ioscope.bench.pause", 0)));
                        idle.setOnFinished(e -> bigRegistry(scene));
                        idle.play();
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
        long fxCpu = cpuMs();
        long processCpu = processCpuMs();
        long[] gc = gcCountAndMs();
        vm.documentProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Document> o,
                                Document a, Document d) {
                vm.documentProperty().removeListener(this);
                print("synthetic " + d.registry().size() + ": build (job thread; index in the background)",
                        d.loadMillis());
                long shownCpu = cpuMs();
                long shown = System.nanoTime();
                afterNextFrame(scene, () -> {
                    print("synthetic: document shown to first frame, wall", ms(shown));
                    print("    same, FX thread CPU", cpuMs() - shownCpu);
                    print("synthetic: open to first frame", ms(mark));
                    print("synthetic: open to first frame, FX thread CPU (incl. the progress bar's frames)",
                            cpuMs() - fxCpu);
                    print("synthetic: open to first frame, process CPU (all threads: build, index so far, JIT, GC)",
                            processCpuMs() - processCpu);
                    long[] gcNow = gcCountAndMs();
                    print("synthetic: open to first frame, GC pauses (" + (gcNow[0] - gc[0]) + "), total",
                            gcNow[1] - gc[1]);
                    if ("open".equals(System.getProperty("ioscope.bench.only"))) {
                        // the open's figures alone (scripts/bench-open-100k.sh; "first-search": and the first search)
                        Platform.exit();
                        return;
                    }
                    searches(scene, 0, () -> expandAll(scene));
                });
            }
        });
        vm.openBenchmark(100_000);
    }

    /**
     * The bench's queries: quick ones set at once, then a regex over every field (runs on the job thread), then
     * two words typed one key at a time as a user types them (each keystroke's query extends the last).
     */
    private static final String[] QUERIES = queries();

    private static String[] queries() {
        List<String> q = new ArrayList<>(List.of("IOUSBHostDevice", "disk", "XHC", "IOUSBHostDevice", "re:8c8[0-9]",
                "re:usb.*device", "IOUSBHostDevice"));
        for (String typed : new String[] {"disk3", "IOUSBHostInterface"}) {
            for (int i = 1; i <= typed.length(); i++) {
                q.add(typed.substring(0, i));
            }
        }
        return q.toArray(String[]::new);
    }

    /**
     * Query i: sets the text, waits for the job thread's result to reach the tree, then for the frame showing it.
     * Prints wall time from the keystroke to that frame and the FX thread's CPU time over it.
     */
    private void searches(Scene scene, int i, Runnable then) {
        if (i == QUERIES.length) {
            then.run();
            return;
        }
        String q = QUERIES[i];
        boolean re = q.startsWith("re:");
        long t = System.nanoTime();
        long c = cpuMs();
        long[] gc = gcCountAndMs();
        var s = vm.search();
        for (var f : SearchField.values()) {
            s.fieldProperty(f).set(re || SearchQuery.QUICK.contains(f));
        }
        s.regexProperty().set(re);
        s.textProperty().set(re ? q.substring(3) : q);
        whenSearched(() -> {
            long fxCpu = cpuMs() - c;
            afterNextFrame(scene, () -> {
                // Both taken before anything is printed: formatting the lines costs the FX thread too.
                long wall = ms(t);
                long fxCpuToFrame = cpuMs() - c;
                var timing = s.lastTiming();
                print("search '" + q + "' (" + s.hitsProperty().get().size() + " hits): job thread "
                        + timing.job() / 1000 + " ms (CPU " + timing.jobCpu() / 1000
                        + " ms); keystroke to frame, wall",
                        wall);
                System.out.println("    " + timing);
                print("    same, FX thread CPU (tree fold/unfold, marks)", fxCpu);
                print("    same, FX thread CPU to the frame (+ layout, CSS, cells)", fxCpuToFrame);
                if (i == 0) {
                    long[] gcNow = gcCountAndMs();
                    print("    same, GC pauses (" + (gcNow[0] - gc[0]) + "), total", gcNow[1] - gc[1]);
                    if ("first-search".equals(System.getProperty("ioscope.bench.only"))) {
                        Platform.exit();
                        return;
                    }
                }
                searches(scene, i + 1, then);
            });
        });
    }

    private void whenSearched(Runnable r) {
        vm.search().whenDone(r);
    }

    private void expandAll(Scene scene) {
        vm.search().regexProperty().set(false);
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
                // The worst case for the tree update: a search folding a fully expanded 100k tree.
                searchesThenExit(scene);
            });
        });
    }

    private void searchesThenExit(Scene scene) {
        long t = System.nanoTime();
        long c = cpuMs();
        vm.search().textProperty().set("XHC");
        whenSearched(() -> {
            long fxCpu = cpuMs() - c;
            afterNextFrame(scene, () -> {
                print("search 'XHC' folding the expanded tree, keystroke to frame", ms(t));
                print("    same, FX thread CPU", fxCpu);
                Platform.exit();
            });
        });
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

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of the calling (FX) thread in ms: unlike wall time, not inflated by other processes. */
    private static long cpuMs() {
        return THREADS.getCurrentThreadCpuTime() / 1_000_000;
    }

    /** CPU time of the whole process (all threads, JIT and GC included), in ms. */
    private static long processCpuMs() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** Collections so far and their accumulated time in ms, over every collector of the JVM. */
    private static long[] gcCountAndMs() {
        long[] out = new long[2];
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            out[0] += Math.max(0, gc.getCollectionCount());
            out[1] += Math.max(0, gc.getCollectionTime());
        }
        return out;
    }

    private static long ms(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }

    private static void print(String what, long ms) {
        System.out.printf("%-60s %6d ms%n", what, ms);
    }
}
