package dev.ioscope.plugins.storage;

import dev.ioscope.engine.machine.Machine;
import dev.ioscope.engine.machine.MachineReader;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.report.IOReportHub;
import dev.ioscope.engine.report.IOReportLegend;
import dev.ioscope.engine.report.IOReportSample;
import dev.ioscope.engine.report.IOReportSubscription;
import dev.ioscope.engine.report.IOReportTypes;
import dev.ioscope.engine.report.ReportChannel;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.SimulationAccess;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.plugins.pci.PciFamily;
import dev.ioscope.plugins.platform.PlatformFamily;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario: the block storage drivers' IOReport counters and latency histogram, read by subscription. */
class BlockStorageReportsTest {
    /** 60 µs + (n·7919 mod 23)·130 µs for n = 0..7 (BlockStorageReports.workload), summed by hand. */
    static final long SUM_OF_8_LATENCIES = 11_010_000L; // 0.06+0.97+1.88+2.79+0.71+1.62+2.53+0.45 ms

    record Booted(Machine machine, StorageFamily family) {
    }

    static Booted boot() throws Exception {
        StorageFamily storage = new StorageFamily();
        Machine m = Machine.boot(MachineReader.read(StorageFamilyTest.MACHINE.getBytes(StandardCharsets.UTF_8),
                "storage.json"), Contributions.of(List.of(new PlatformFamily(), new PciFamily(), storage)));
        return new Booted(m, storage);
    }

    @Test
    void eachBlockStorageDriverPublishesItsLegendAsRealDriversDo() throws Exception {
        Booted b = boot();
        List<IORegistryEntry> drivers = b.machine().registry().entries().stream()
                .filter(e -> e.className().equals("IOBlockStorageDriver") && e.state().active()).toList();
        assertThat(drivers).hasSize(2);
        var legend = IOReportLegend.read(drivers.get(0).property(IOReportLegend.kIOReportLegendKey));
        assertThat(legend.skipped()).isZero();
        // one legend entry per reporter: a reporter has one unit, so bytes and request counts are two
        assertThat(legend.entries()).hasSize(3);
        assertThat(legend.entries().get(0).channels()).extracting(IOReportLegend.LegendChannel::name)
                .containsExactly("Read Bytes", "Write Bytes");
        assertThat(legend.entries().get(1).channels()).extracting(IOReportLegend.LegendChannel::name)
                .containsExactly("Reads", "Writes");
        assertThat(legend.entries().get(2).channels().get(0).type().reportFormat())
                .isEqualTo(IOReportTypes.kIOReportFormatHistogram);
        assertThat(legend.entries().get(2).config()).isEqualTo(BlockStorageReports.LATENCY_SEGMENTS);
        // the registry-wide channel list (IOReportCopyAllChannels) sees 2 drivers × 5 channels
        assertThat(IOReportLegend.channels(b.machine().registry())).hasSize(10);
    }

    @Test
    void virtualTimeIoMovesTheCountersAndTheDeltaShowsWhatHappenedInBetween() throws Exception {
        Booted b = boot();
        Machine m = b.machine();
        List<ReportChannel> chans = IOReportSubscription.copyChannelsInGroup(hub(b),
                BlockStorageReports.GROUP, null);
        assertThat(chans).hasSize(10);
        BlockStorageReports disk0 = b.family().blockStorageReports().get(0);
        List<ReportChannel> mine = chans.stream().filter(c -> c.providerId() == disk0.driver().registryEntryID())
                .toList();
        long clock0 = m.simulation().scheduler().now();
        try (IOReportSubscription sub = IOReportSubscription.create(hub(b), mine,
                () -> m.simulation().scheduler().now())) {
            IOReportSample before = sub.sample();
            disk0.workload(m.simulation().workLoops(), 8, 1_000_000);    // 8 requests, one per virtual ms
            m.runUntilQuiet();
            assertThat(m.simulation().scheduler().now() - clock0).isEqualTo(8_000_000);
            IOReportSample after = sub.sample();
            IOReportSample d = IOReportSubscription.delta(before, after);
            ReportChannel readBytes = byName(mine, "Read Bytes");
            // requests 0..7: 3 and 7 are 16 KiB writes, the other six 4 KiB reads
            assertThat(d.simpleValue(readBytes)).isEqualTo(6 * 4096);
            assertThat(d.simpleValue(byName(mine, "Write Bytes"))).isEqualTo(2 * 16384);
            assertThat(d.simpleValue(byName(mine, "Reads"))).isEqualTo(6);
            assertThat(d.simpleValue(byName(mine, "Writes"))).isEqualTo(2);
            assertThat(d.intervalNs()).isEqualTo(8_000_000);
            ReportChannel lat = byName(mine, "I/O Latency");
            long hits = 0;
            long sum = 0;
            for (int i = 0; i < 16; i++) {
                long[] bucket = d.histogramBucket(lat, i);   // {hits, min, max, sum}
                hits += bucket[0];
                sum += bucket[0] == 0 ? 0 : bucket[3];      // an empty bucket's fields are its initial marks
            }
            assertThat(hits).isEqualTo(8);
            assertThat(sum).isEqualTo(SUM_OF_8_LATENCIES);
        }
        // the other disk saw no I/O
        assertThat(b.family().blockStorageReports().get(1).operations().getValue(BlockStorageReports.READS)).isZero();
    }

    @Test
    void theBlockIoScenarioActionDrivesTheCountersOfTheMediumItNames() throws Exception {
        Booted b = boot();
        Machine m = b.machine();
        IORegistryEntry disk0 = StorageFamilyTest.bsd(m, "disk0").get(0);
        BlockStorageReports r = BlockStorageReports.of(disk0.parent(m.registry().plane("IOService")));
        assertThat(r).isNotNull();
        long t0 = m.simulation().scheduler().now();
        SimulationAccess.schedule(m.simulation(), new Scenario.Action(t0, new BlockIOExtension.BlockIO(
                m.simulation().path(disk0), JsonValue.of("4"), JsonValue.of("250"))));
        m.runUntilQuiet();
        assertThat(m.journal()).anyMatch(e -> e.kind().id().equals("storage.block-io"));
        assertThat(m.simulation().scheduler().now() - t0).isEqualTo(1_000_000);    // 4 × 250 µs
        assertThat(r.operations().getValue(BlockStorageReports.READS)).isEqualTo(3);
        assertThat(r.operations().getValue(BlockStorageReports.WRITES)).isEqualTo(1);
        assertThat(r.counters().getValue(BlockStorageReports.READ_BYTES)).isEqualTo(3 * 4096);
        // a path that is no block storage driver is a scenario error, not an exception
        SimulationAccess.schedule(m.simulation(), new Scenario.Action(0, new BlockIOExtension.BlockIO("/nowhere",
                null, null)));
        m.runUntilQuiet();
        assertThat(m.journal()).anyMatch(e -> e.kind().id().equals("scenario.error")
                && BlockIOExtension.BlockIO.TYPE.id().equals(e.details().get("action")));
    }

    @Test
    void twoRunsGiveTheSameSamples() throws Exception {
        assertThat(run()).isEqualTo(run());
    }

    private static List<String> run() throws Exception {
        Booted b = boot();
        BlockStorageReports r = b.family().blockStorageReports().get(0);
        r.workload(b.machine().simulation().workLoops(), 20, 500_000);
        b.machine().runUntilQuiet();
        List<ReportChannel> all = IOReportSubscription.copyChannelsInGroup(hub(b), null, null);
        try (IOReportSubscription s = IOReportSubscription.create(hub(b), all,
                () -> b.machine().simulation().scheduler().now())) {
            return s.sample().elements().stream().map(Object::toString).toList();
        }
    }

    private static ReportChannel byName(List<ReportChannel> l, String name) {
        return l.stream().filter(c -> name.equals(c.name())).findFirst().orElseThrow();
    }

    private static IOReportHub hub(Booted b) {
        return b.machine().simulation().reportHub();
    }
}
