package dev.ioscope.engine.explore;

import com.sun.management.OperatingSystemMXBean;
import dev.ioscope.engine.snapshot.BenchmarkRegistry;

import java.lang.management.ManagementFactory;
import java.util.EnumSet;
import java.util.Set;

/**
 * A small bench main (not a test): index build and search times on the 100k-entry BenchmarkRegistry (or, with a
 * second argument {@code sample}, on {@link SampleMacRegistry}).
 * Run: {@code ./mvnw -o -q -B -pl engine test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.ioscope.engine.explore.SearchBench}. Figures go to docs/benchmarks-ui.md.
 */
public final class SearchBench {
    private SearchBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long t0 = System.nanoTime();
        boolean sample = args.length > 1 && args[1].equals("sample");
        var registry = sample ? SampleMacRegistry.build(n, 7)
                : BenchmarkRegistry.generate(n, 1);
        long t1 = System.nanoTime();
        var index = RegistryIndex.build(registry);
        long t2 = System.nanoTime();
        System.out.printf("entries %d  build %d ms  index %d ms%n", index.size(), (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000);
        record Case(String label, SearchQuery q) {
        }
        var cases = new Case[]{
                new Case("quick 'disk1'", SearchQuery.quick("disk1")),
                new Case("quick 'XHC'", SearchQuery.quick("XHC")),
                new Case("quick 'keyboard 1'", SearchQuery.quick("keyboard 1")),
                new Case("class IOPCIDevice", new SearchQuery("IOPCIDevice", Set.of(SearchField.CLASS), false)),
                new Case("value '0x8086'", new SearchQuery("0x8086", Set.of(SearchField.VALUE), false)),
                new Case("all fields 'xhci'", new SearchQuery("xhci", EnumSet.allOf(SearchField.class), false)),
                new Case("regex name ^en[0-3]$", new SearchQuery("^en[0-3]$", Set.of(SearchField.NAME), true)),
                new Case("regex all fields 8c8[0-9]",
                        new SearchQuery("8c8[0-9]", EnumSet.allOf(SearchField.class), true)),
                new Case("regex all fields usb.*device",
                        new SearchQuery("usb.*device", EnumSet.allOf(SearchField.class),
                        true)),
                new Case("regex all, no literal \\d{5}", new SearchQuery("\\d{5}", EnumSet.allOf(SearchField.class),
                        true)),
        };
        for (Case c : cases) {
            for (int i = 0; i < 5; i++) {
                RegistrySearch.search(index, c.q());
            }
            int runs = 20;
            var threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            var os = (OperatingSystemMXBean) ManagementFactory
                    .getOperatingSystemMXBean();
            long proc0 = os.getProcessCpuTime();
            long best = Long.MAX_VALUE;
            long total = 0;
            int hits = 0;
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                hits = RegistrySearch.search(index, c.q()).count();
                long d = System.nanoTime() - s;
                best = Math.min(best, d);
                total += d;
            }
            double cpuMean = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / runs;
            // Process CPU includes the other slices of a parallel regex scan (and a little GC/JIT).
            double procMean = (os.getProcessCpuTime() - proc0) / 1e6 / runs;
            System.out.printf("%-30s hits %6d  best %6.1f ms  mean %6.1f ms  cpu mean %6.1f ms  process cpu %6.1f ms%n",
                    c.label(), hits, best / 1e6, total / 1e6 / runs, cpuMean, procMean);
        }
    }
}
