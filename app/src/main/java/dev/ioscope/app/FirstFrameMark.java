package dev.ioscope.app;

import dev.ioscope.app.explorer.ExplorerViewModel;
import dev.ioscope.app.ui.StartTimeline;
import javafx.application.Platform;
import javafx.scene.Scene;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code -Dioscope.bench=first-window} (scripts/bench-first-window.sh): once a window's first frame with its
 * content is rendered, prints one line ({@value #MARK} then the milliseconds since the JVM started and the FX
 * thread's CPU time) and ends the process at once, so the script's process wall and CPU time stop there too.
 * The app calls it when the tree shows its first document; {@link HelloWindow}, the peer, after its first frame.
 * With {@code -Dioscope.bench.then=FILE[:FILE...]} (the path separator between files; {@link FirstWindowTraining})
 * the app then opens each FILE in turn, prints {@value #THEN_MARK} after each one's first frame, and halts after
 * the last. {@code -Dioscope.bench.exit=true} exits through {@code System.exit} instead of halting, so shutdown
 * hooks run (a flight recording started with {@code -XX:StartFlightRecording} is written).
 */
final class FirstFrameMark {
    static final String MARK = "first frame drawn:";
    static final String THEN_MARK = "document frame drawn:";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Run just before the halt (the training run removes its scratch folder). */
    static volatile Runnable beforeHalt = () -> { };

    private FirstFrameMark() {
    }

    static boolean enabled() {
        return "first-window".equals(System.getProperty("ioscope.bench"));
    }

    /** The app: marks the first frame of each document {@code vm} shows, opening the next file until none is left. */
    static void follow(ExplorerViewModel vm, Scene scene) {
        Deque<Path> then = thenOpen(System.getProperty("ioscope.bench.then", ""));
        boolean[] first = {true};
        vm.documentProperty().addListener((o, was, doc) -> {
            if (doc != null) {
                String mark = first[0] ? MARK : THEN_MARK + " " + doc.title() + ",";
                first[0] = false;
                afterNextFrame(scene, mark, then.isEmpty() ? null : () -> vm.open(then.poll()));
            }
        });
    }

    /** After the next frame of {@code scene} is rendered: prints the mark and halts the JVM. */
    static void afterNextFrame(Scene scene) {
        afterNextFrame(scene, MARK, null);
    }

    /** The files of {@code ioscope.bench.then}, in order. */
    static Deque<Path> thenOpen(String list) {
        Deque<Path> files = new ArrayDeque<>();
        for (String f : list.split(File.pathSeparator)) {
            if (!f.isBlank()) {
                files.add(Path.of(f));
            }
        }
        return files;
    }

    /** After the next frame of {@code scene} is rendered: prints {@code mark}, then runs {@code next} or halts. */
    private static void afterNextFrame(Scene scene, String mark, Runnable next) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            // Post-layout runs before the pulse renders; a runLater queued now runs after that render.
            Platform.runLater(() -> {
                print(mark);
                if (next != null) {
                    next.run();
                } else {
                    beforeHalt.run();
                    if (Boolean.getBoolean("ioscope.bench.exit")) {
                        System.exit(0);   // shutdown hooks run: a JFR recording is dumped (profiling)
                    }
                    Runtime.getRuntime().halt(0);
                }
            });
        };
        scene.addPostLayoutPulseListener(self[0]);
        Platform.requestNextPulse();
    }

    private static void print(String mark) {
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(mark + " " + sinceStart + " ms since JVM start, FX thread CPU "
                + THREADS.getCurrentThreadCpuTime() / 1_000_000 + " ms");
        if (Boolean.getBoolean("ioscope.bench.threads")) {
            ThreadCpu.print(System.out);
        }
        StartTimeline.print(System.out);
        StartTimeline.stopRecording();
        System.out.flush();
    }
}
