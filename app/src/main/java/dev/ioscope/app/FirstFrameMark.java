package dev.ioscope.app;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@code -Dioscope.bench=first-window} (scripts/bench-first-window.sh): once a window's first frame with its
 * content is rendered, prints one line ({@value #MARK} then the milliseconds since the JVM started and the FX
 * thread's CPU time) and ends the process at once, so the script's process wall and CPU time stop there too.
 * The app calls it when the tree shows its first document; {@link HelloWindow}, the peer, after its first frame.
 */
final class FirstFrameMark {
    static final String MARK = "first frame drawn:";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FirstFrameMark() {
    }

    static boolean enabled() {
        return "first-window".equals(System.getProperty("ioscope.bench"));
    }

    /** After the next frame of {@code scene} is rendered: prints the mark and halts the JVM. */
    static void afterNextFrame(Scene scene) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            // Post-layout runs before the pulse renders; a runLater queued now runs after that render.
            Platform.runLater(FirstFrameMark::print);
        };
        scene.addPostLayoutPulseListener(self[0]);
        Platform.requestNextPulse();
    }

    private static void print() {
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(MARK + " " + sinceStart + " ms since JVM start, FX thread CPU "
                + THREADS.getCurrentThreadCpuTime() / 1_000_000 + " ms");
        if (Boolean.getBoolean("ioscope.bench.threads")) {
            ThreadCpu.print(System.out);
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
