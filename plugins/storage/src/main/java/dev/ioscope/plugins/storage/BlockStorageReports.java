package dev.ioscope.plugins.storage;

import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.report.IOHistogramReporter;
import dev.ioscope.engine.report.IOHistogramSegmentConfig;
import dev.ioscope.engine.report.IOReportHub;
import dev.ioscope.engine.report.IOReportLegend;
import dev.ioscope.engine.report.IOReportTypes;
import dev.ioscope.engine.report.IOReportUnit;
import dev.ioscope.engine.report.IOSimpleReporter;
import dev.ioscope.engine.sim.WorkLoops;
import dev.ioscope.engine.sim.IOTimerEventSource;
import dev.ioscope.engine.sim.IOWorkLoop;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

/**
 * IOBlockStorageDriver's IOReport side: "Read Bytes"/"Write Bytes"/"Reads"/"Writes" simple channels and one
 * latency histogram, published in the driver's {@code IOReportLegend} property (IOReporter::createLegend →
 * IOService::setProperty(kIOReportLegendKey)) and filed in the family's per-boot {@link IOReportHub} so the
 * subscription/sample/delta API reads them. The counters move only when I/O completes: {@link #complete} (what
 * the driver's completion routine does, IOBlockStorageDriver::addToBytesTransferred / "Latency" statistics) is
 * fed by a deterministic virtual-time workload ({@link #workload}), never by wall time.
 */
public final class BlockStorageReports {
    public static final String GROUP = "Block Storage";
    public static final long READ_BYTES = 0x52426974L;   // 'RBit'-like 4CC ids, as drivers pick them
    public static final long WRITE_BYTES = 0x57426974L;
    public static final long READS = 0x52446F70L;
    public static final long WRITES = 0x57446F70L;
    public static final long LATENCY = 0x4C617420L;      // 'Lat '
    /** Latency buckets: 8 × 50 µs up to 400 µs, then 8 × 500 µs up to 4 ms (two linear IOHistogramSegmentConfig
     * segments; a scaled
     * segment would be width^(i+1), IOHistogramReporter::initWith). */
    static final List<IOHistogramSegmentConfig> LATENCY_SEGMENTS = List.of(
            new IOHistogramSegmentConfig(50_000, 0, 0, 8), new IOHistogramSegmentConfig(500_000, 0, 1, 8));

    private final IORegistryEntry driver;
    /** Bytes moved (kIOReportUnitBytes); a reporter has one unit for all its channels, so counts are apart. */
    private final IOSimpleReporter counters;
    /** Requests completed (kIOReportUnitEvents). */
    private final IOSimpleReporter operations;
    private final IOHistogramReporter latency;
    private long ops;
    /** Running drivers' reporters by driver entry (weak: a dropped machine takes them along), for scenario actions. */
    private static final Map<IORegistryEntry, BlockStorageReports> RUNNING =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** The reporters of a running IOBlockStorageDriver entry, or null. */
    public static BlockStorageReports of(IORegistryEntry driver) {
        return RUNNING.get(driver);
    }

    static void stopped(IORegistryEntry driver) {
        RUNNING.remove(driver);
    }

    BlockStorageReports(IORegistryEntry driver, LongSupplier clock, IOReportHub hub) {
        this.driver = driver;
        long id = driver.registryEntryID();
        counters = new IOSimpleReporter(id, IOReportTypes.kIOReportCategoryTraffic, IOReportUnit.kIOReportUnitBytes,
                clock);
        counters.addChannel(READ_BYTES, "Read Bytes");
        counters.addChannel(WRITE_BYTES, "Write Bytes");
        operations = new IOSimpleReporter(id, IOReportTypes.kIOReportCategoryTraffic, IOReportUnit.kIOReportUnitEvents,
                clock);
        operations.addChannel(READS, "Reads");
        operations.addChannel(WRITES, "Writes");
        latency = IOHistogramReporter.with(id, IOReportTypes.kIOReportCategoryPerformance, LATENCY, "I/O Latency",
                IOReportUnit.kIOReportUnit_ns, LATENCY_SEGMENTS, clock);
        String sub = driver.name();
        driver.setProperty(IOReportLegend.kIOReportLegendKey, IOReportLegend.write(List.of(
                IOReportLegend.of(counters, GROUP, sub), IOReportLegend.of(operations, GROUP, sub),
                IOReportLegend.of(latency, GROUP, sub))));
        driver.setProperty(IOReportLegend.kIOReportLegendPublicKey, OSBoolean.of(true));
        hub.addReporterLegend(driver.name(), counters, GROUP, sub);
        hub.addReporterLegend(driver.name(), operations, GROUP, sub);
        hub.addReporterLegend(driver.name(), latency, GROUP, sub);
        RUNNING.put(driver, this);
    }

    public IORegistryEntry driver() {
        return driver;
    }

    /** One completed request: bytes moved and its service latency in ns. */
    public void complete(boolean write, long bytes, long latencyNs) {
        counters.incrementValue(write ? WRITE_BYTES : READ_BYTES, bytes);
        operations.incrementValue(write ? WRITES : READS, 1);
        latency.tallyValue(latencyNs);
        ops++;
    }

    /**
     * Schedules {@code requests} I/Os one per {@code intervalNs} on the driver's work loop timer: every fourth a
     * 16 KiB write, the others 4 KiB reads; latencies from a fixed sequence (60 µs … ~3 ms) so two runs agree.
     */
    public void workload(WorkLoops loops, int requests, long intervalNs) {
        IOWorkLoop wl = loops.getWorkLoop(driver);
        if (wl == null) {
            wl = loops.create(driver);
        }
        int[] left = {requests};
        IOTimerEventSource t = new IOTimerEventSource(driver, "BlockStorageWorkload", src -> {
            long n = ops;
            boolean write = n % 4 == 3;
            complete(write, write ? 16384 : 4096, 60_000 + (n * 7919 % 23) * 130_000);
            if (--left[0] > 0) {
                src.setTimeout(intervalNs);
            }
        });
        wl.addEventSource(t);
        if (requests > 0) {
            t.setTimeout(intervalNs);
        }
    }

    /** Read Bytes and Write Bytes. */
    public IOSimpleReporter counters() {
        return counters;
    }

    /** Reads and Writes: requests completed. */
    public IOSimpleReporter operations() {
        return operations;
    }

    public IOHistogramReporter latency() {
        return latency;
    }
}
