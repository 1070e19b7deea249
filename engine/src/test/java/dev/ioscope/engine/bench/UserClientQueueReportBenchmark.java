package dev.ioscope.engine.bench;

import dev.ioscope.engine.report.IOReportSample;
import dev.ioscope.engine.report.IOReportSubscription;
import dev.ioscope.engine.userclient.IOConnect;
import dev.ioscope.engine.userclient.IOSharedDataQueue;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1M user-client calls through IOKitLib routing + is_io_connect_method + dispatchExternalMethod checks; 1M entries
 * through a 64 KiB IOSharedDataQueue (enqueue + dequeue); one IOReport sample + delta of 500 channels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UserClientQueueReportBenchmark {
    private static final int N = 1_000_000;
    private IOConnect connect;
    private IOSharedDataQueue queue;
    private final byte[] entry = new byte[16];
    private long now = 1;
    private UcFixtures.Reports reports;
    private IOReportSample previous;

    @Setup
    public void setup() {
        connect = UcFixtures.connection();
        queue = IOSharedDataQueue.withCapacity(64 * 1024);
        reports = UcFixtures.reports(() -> now);
        previous = reports.subscription().sample();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long scalarCalls1M() {
        long acc = 0;
        long[] in = {1, 2};
        for (int i = 0; i < N; i++) {
            in[0] = i;
            acc += connect.callScalarMethod(0, in, 1).scalarOutput()[0];
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long queueEntries1M() {
        long acc = 0;
        for (int i = 0; i < N; i++) {
            entry[0] = (byte) i;
            if (!queue.enqueue(entry, entry.length)) {
                throw new IllegalStateException("full");
            }
            acc += queue.dequeue(64).length;
        }
        return acc;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public IOReportSample sample500Channels() {
        now += 33_333_333;
        UcFixtures.Reports r = reports;
        for (int i = 0; i < r.simple().size(); i++) {
            r.simple().get(i).incrementValue(i, 7);
            r.states().get(i).setChannelState(100 + (int) (now % 10), (int) (now % 4));
        }
        r.histograms().get((int) (now % 100)).tallyValue(now % 1000);
        IOReportSample s = r.subscription().sample();
        IOReportSample d = IOReportSubscription.delta(previous, s);
        previous = s;
        return d;
    }
}
