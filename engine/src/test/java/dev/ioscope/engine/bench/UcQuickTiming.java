package dev.ioscope.engine.bench;

import dev.ioscope.engine.report.IOReportSample;
import dev.ioscope.engine.report.IOReportSubscription;
import dev.ioscope.engine.userclient.IOConnect;
import dev.ioscope.engine.userclient.IOSharedDataQueue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * JMH-free figures for docs/benchmarks.md: median thread-CPU and wall time of 1M calls, 1M queue entries and the
 * 500-channel IOReport sample (+ delta), and the CPU fraction that sampling at 30 Hz costs.
 * usage: {@code UcQuickTiming [RUNS]}
 */
public final class UcQuickTiming {
    private UcQuickTiming() {
    }

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    interface Job {
        long run();
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        IOConnect c = UcFixtures.connection();
        IOSharedDataQueue q = IOSharedDataQueue.withCapacity(64 * 1024);
        byte[] e = new byte[16];
        byte[] s64 = new byte[64];
        time("1M IOConnectCallScalarMethod (2 in, 1 out)", runs, () -> {
            long acc = 0;
            long[] in = {1, 2};
            for (int i = 0; i < 1_000_000; i++) {
                in[0] = i;
                acc += c.callScalarMethod(0, in, 1).scalarOutput()[0];
            }
            return acc;
        });
        time("1M IOConnectCallStructMethod (64 B in, 64 B out)", runs, () -> {
            long acc = 0;
            for (int i = 0; i < 1_000_000; i++) {
                acc += c.callStructMethod(1, s64, 64).structureOutput().length;
            }
            return acc;
        });
        time("1M queue entries (16 B, enqueue + dequeue)", runs, () -> {
            long acc = 0;
            for (int i = 0; i < 1_000_000; i++) {
                e[0] = (byte) i;
                q.enqueue(e, 16);
                acc += q.dequeue(64).length;
            }
            return acc;
        });
        long[] now = {1};
        UcFixtures.Reports r = UcFixtures.reports(() -> now[0]);
        IOReportSample[] prev = {r.subscription().sample()};
        double perSampleNs = time("1000 samples of 500 channels (+ delta, + driver updates)", runs, () -> {
            long acc = 0;
            for (int k = 0; k < 1000; k++) {
                now[0] += 33_333_333;
                for (int i = 0; i < r.simple().size(); i++) {
                    r.simple().get(i).incrementValue(i, 7);
                    r.states().get(i).setChannelState(100 + (int) (now[0] % 10), (int) (now[0] % 4));
                }
                r.histograms().get((int) (now[0] % 100)).tallyValue(now[0] % 1000);
                IOReportSample s = r.subscription().sample();
                acc += IOReportSubscription.delta(prev[0], s).elements().size();
                prev[0] = s;
            }
            return acc;
        }) / 1000;
        System.out.printf("IOReport at 30 Hz: %.3f ms CPU per sample -> %.2f%% of one core%n", perSampleNs / 1e6,
                perSampleNs * 30 / 1e9 * 100);
    }

    /** Prints median CPU and wall ms; returns the median CPU ns. */
    private static double time(String what, int runs, Job job) {
        for (int i = 0; i < 3; i++) {
            job.run();
        }
        long[] cpu = new long[runs];
        long[] wall = new long[runs];
        long sink = 0;
        for (int i = 0; i < runs; i++) {
            long c0 = MX.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            sink += job.run();
            wall[i] = System.nanoTime() - w0;
            cpu[i] = MX.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        double mc = cpu[runs / 2];
        System.out.printf("%-58s median CPU %8.1f ms, wall %8.1f ms  (%d)%n", what, mc / 1e6, wall[runs / 2] / 1e6,
                sink & 1);
        return mc;
    }
}
