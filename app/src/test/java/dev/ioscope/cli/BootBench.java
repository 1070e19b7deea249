package dev.ioscope.cli;

import dev.ioscope.engine.machine.DefaultMachine;
import dev.ioscope.engine.machine.Machine;
import dev.ioscope.engine.machine.MachineDescription;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.engine.spi.PluginLoader;

import java.util.Arrays;

/**
 * Boot-time benchmark (wall clock) of the bundled virtual Mac, for docs/benchmarks.md "## Boot". Not a test:
 * run {@code java -cp app/target/ioscope.jar:app/target/test-classes dev.ioscope.cli.BootBench}.
 * Prints the cold first boot (plugin loading, class loading, JIT cold), then median and p90 of warm boots,
 * each a full DefaultMachine.boot(): plugins found, description read, families registered, booted, snapshot.
 */
public final class BootBench {
    private BootBench() {
    }

    public static void main(String[] args) throws Exception {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        long t0 = System.nanoTime();
        int size = DefaultMachine.boot().registry().size();
        long cold = System.nanoTime() - t0;
        for (int i = 0; i < warm; i++) {
            DefaultMachine.boot();
        }
        long[] full = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            DefaultMachine.boot();
            full[i] = System.nanoTime() - s;
        }
        // the boot alone: families already loaded and registered, description already read
        MachineDescription d = DefaultMachine.description();
        long[] bootOnly = new long[runs];
        try (PluginLoader pl = PluginLoader.standard(null)) {
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                Machine.boot(d, Contributions.of(pl.families()));
                bootOnly[i] = System.nanoTime() - s;
            }
        }
        System.out.printf("entries %d; cold first boot %.1f ms; warm DefaultMachine.boot() median %.2f ms, p90 %.2f ms;"
                        + " Machine.boot only median %.2f ms, p90 %.2f ms (%d runs after %d warm-up)%n",
                size, cold / 1e6, pct(full, 50), pct(full, 90), pct(bootOnly, 50), pct(bootOnly, 90), runs, warm);
    }

    private static double pct(long[] v, int p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, s.length * p / 100)] / 1e6;
    }
}
