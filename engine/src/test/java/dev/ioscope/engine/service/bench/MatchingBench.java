package dev.ioscope.engine.service.bench;

import dev.ioscope.engine.service.MatchEngine;
import dev.ioscope.engine.service.ProviderMatch;
import dev.ioscope.engine.service.family.FamilyMatchers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Full re-match benchmark (docs/benchmarks.md, "Matching"): every nub of a synthetic registry against every
 * personality of a synthetic catalogue, without explanations (the words are recomputed per pair on demand).
 * Run: {@code ./mvnw -o -q -pl engine test-compile exec:java} is not wired; use
 * {@code java -cp engine/target/classes:engine/target/test-classes:<jackson>
 * dev.ioscope.engine.service.bench.MatchingBench}.
 */
public final class MatchingBench {
    private MatchingBench() {
    }

    /** Median of several timed runs after warm-up, in ms; also the number of (nub, personality) pairs. */
    public static double[] measure(int entries, int personalities, int runs) {
        SyntheticMachine m = new SyntheticMachine(entries, personalities, 42);
        MatchEngine engine = new MatchEngine(m.catalogue, FamilyMatchers.standardContext(m.registry));
        long pairs = 0;
        for (ProviderMatch pm : engine.matchAll(false)) {
            pairs += pm.candidates().size() + pm.uncounted();
        }
        for (int i = 0; i < 5; i++) {
            engine.matchAll(false);
        }
        // Thread CPU time, not wall time: the build machine is shared (load far above its core count), and CPU
        // time measures the work itself. Wall time is reported too.
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] t = new double[runs];
        double[] w = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<ProviderMatch> all = engine.matchAll(false);
            w[i] = (System.nanoTime() - t0) / 1e6;
            t[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            if (all.isEmpty()) {
                throw new AssertionError();
            }
        }
        Arrays.sort(t);
        Arrays.sort(w);
        return new double[]{t[runs / 2], pairs, w[runs / 2]};
    }

    public static void main(String[] args) {
        System.out.println("entries personalities pairs cpu_median_ms ns_per_pair wall_median_ms");
        if (args.length == 2) {
            double[] r = measure(Integer.parseInt(args[0]), Integer.parseInt(args[1]), 15);
            System.out.printf("%s %s %8.0f cpu %9.1f ms, wall %9.1f ms%n", args[0], args[1], r[1], r[0], r[2]);
            return;
        }
        int[][] grid = {{1000, 2000}, {2500, 2000}, {5000, 2000}, {10000, 2000}, {20000, 2000},
            {10000, 500}, {10000, 1000}, {10000, 4000}};
        for (int[] g : grid) {
            double[] r = measure(g[0], g[1], 9);
            System.out.printf("%7d %13d %8.0f %9.1f %11.0f %9.1f%n", g[0], g[1], r[1], r[0], r[0] * 1e6 / r[1], r[2]);
        }
    }
}
