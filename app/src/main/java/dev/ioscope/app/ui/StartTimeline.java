package dev.ioscope.app.ui;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmarks only: the first window's start as a timeline. With {@code -Dioscope.bench.timeline=true} each
 * {@link #mark} records the milliseconds since the JVM started, the thread and that thread's CPU time, and the
 * first-window benchmark prints them after its first frame (docs/benchmarks.md, sixth session). With
 * {@code -Dioscope.bench.jfr=FILE} the launcher starts a flight recording (method samples every 5 ms) from its main
 * method and the benchmark writes it at the first frame: started so rather than with {@code
 * -XX:StartFlightRecording}, which makes the JVM refuse the app image's AOT cache (every class then loads and
 * links from the jar, and the profile is of another start). Neither costs anything unless set.
 */
public final class StartTimeline {
    private static final boolean ON = Boolean.getBoolean("ioscope.bench.timeline");
    private static final List<String> MARKS = new ArrayList<>();

    private StartTimeline() {
    }

    /** Records that the start reached {@code what}, on this thread. */
    public static void mark(String what) {
        if (!ON) {
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String line = String.format("  %5d ms  %-26s thread CPU %4d ms  %s", since, Thread.currentThread().getName(),
                threads.getCurrentThreadCpuTime() / 1_000_000, what);
        synchronized (MARKS) {
            MARKS.add(line);
        }
    }

    /** Prints the marks so far, in the order they were made. */
    public static void print(PrintStream out) {
        if (!ON) {
            return;
        }
        synchronized (MARKS) {
            MARKS.forEach(out::println);
        }
    }

    /** The launcher's main: starts the flight recording {@code ioscope.bench.jfr} asks for. */
    public static void startRecording() {
        String file = System.getProperty("ioscope.bench.jfr");
        if (file != null) {
            Flight.start(Path.of(file));
        }
    }

    /** Ends the recording and writes its file. */
    public static void stopRecording() {
        if (System.getProperty("ioscope.bench.jfr") != null) {
            Flight.stop();
        }
    }

    /** Kept apart so that nothing but a run asking for a recording loads a jdk.jfr class. */
    private static final class Flight {
        private static Recording recording;

        static synchronized void start(Path file) {
            try {
                Recording r = new Recording(Configuration.getConfiguration("profile"));
                r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
                r.setDestination(file);
                r.start();
                recording = r;
            } catch (IOException | ParseException e) {
                System.err.println("ioscope: no flight recording (" + e.getMessage() + ")");
            }
        }

        static synchronized void stop() {
            if (recording != null) {
                recording.stop();
                recording.close();
                recording = null;
            }
        }
    }
}
