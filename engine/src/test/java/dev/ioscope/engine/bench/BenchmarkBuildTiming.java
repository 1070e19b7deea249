package dev.ioscope.engine.bench;

import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.snapshot.BenchmarkRegistry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Cold build of the benchmark registry in a fresh JVM (run once per JVM; docs/benchmarks.md, "View ▸ Open
 * Synthetic 100k Registry"): {@code snapshot} builds the tree and every property table before returning,
 * {@code open} the tree only (what the explorer waits for). Prints the wall and the calling thread's CPU time.
 *
 * <pre>java -cp engine/target/classes:engine/target/test-classes:JACKSON dev.ioscope.engine.bench.BenchmarkBuildTiming
 *     open|snapshot [ENTRIES]</pre>
 */
public final class BenchmarkBuildTiming {
    private BenchmarkBuildTiming() {
    }

    public static void main(String[] args) {
        boolean open = args.length > 0 && args[0].equals("open");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        IORegistry r = open ? BenchmarkRegistry.open(n, 1).registry() : BenchmarkRegistry.snapshot(n, 1).registry();
        System.out.printf("%s %d entries: wall %d ms, thread CPU %d ms%n", open ? "open (tree)" : "snapshot (all)",
                r.size(), (System.nanoTime() - wall) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    }
}
