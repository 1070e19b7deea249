package dev.ioscope.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Benchmarks only ({@code -Dioscope.bench.threads=true}, Linux): the CPU time of every native thread of this
 * process so far, from /proc/self/task, grouped by thread name (JIT compilers and GC workers included, which
 * ThreadMXBean does not see). Tells where a cold start's CPU goes.
 */
final class ThreadCpu {
    private static final long TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    static void print(PrintStream out) {
        Map<String, Long> byName = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                // pid (comm) state ... : comm may hold spaces; fields resume after the last ')'
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime
                byName.merge(name, ticks * 1000 / TICKS_PER_SECOND, Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            out.println("thread CPU: unavailable (" + e.getMessage() + ")");
            return;
        }
        List<Map.Entry<String, Long>> rows = new ArrayList<>(byName.entrySet());
        rows.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> r : rows) {
            if (r.getValue() > 0) {
                out.printf("  thread CPU %-24s %6d ms%n", r.getKey(), r.getValue());
            }
        }
    }
}
