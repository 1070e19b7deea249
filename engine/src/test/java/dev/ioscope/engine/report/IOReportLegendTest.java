package dev.ioscope.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The IOReportLegend properties of a real machine (corpus Hackintosh-DellADL-macOS13.IOService.txt). Counted by
 * hand with a regex over the file: 31 IOReportLegend lines, but the IOService-plane dump prints an entry with several
 * parents under each of them (IOHIDSystem id 0x1000003b7 five times, the keyboard and pointing devices twice), so 25
 * distinct entries (by id) publish 829 channels: 818 simple, 7 state, 4 histogram.
 */
class IOReportLegendTest {
    private static IORegistry registry;

    @BeforeAll
    static void load() throws Exception {
        registry = Snapshots.load(TestData.path("snapshots/Hackintosh-DellADL-macOS13.IOService.txt")).registry();
    }

    @Test

    @DisplayName("RP9: every channel of the real legends is read")
    void everyChannelOfTheRealLegendsIsRead() {
        List<ReportChannel> all = IOReportLegend.channels(registry);
        assertThat(all).hasSize(829);
        assertThat(all.stream().filter(c -> c.channelType().reportFormat() == 1)).hasSize(818);
        assertThat(all.stream().filter(c -> c.channelType().reportFormat() == 2)).hasSize(7);
        assertThat(all.stream().filter(c -> c.channelType().reportFormat() == 3)).hasSize(4);
        assertThat(registry.entries().stream().filter(e -> e.property(IOReportLegend.kIOReportLegendKey) != null))
                .hasSize(25);
    }

    @Test

    @DisplayName("RP9: NVMe Power States decode as a 3-state power channel in 1 GHz ticks")
    void nvmePowerStatesDecodeAsAThreeStatePowerChannelIn1GHzTicks() {
        ReportChannel ch = IOReportLegend.channels(registry).stream()
                .filter(c -> "NVMe Power States".equals(c.name())).findFirst().orElseThrow();
        assertThat(ch.channelId()).isEqualTo(IOReportTypes.makeId("NVMe Pwr"));
        assertThat(ch.group()).isEqualTo("NVMe");
        assertThat(ch.channelType()).isEqualTo(new IOReportChannelType(IOReportTypes.kIOReportFormatState,
                IOReportTypes.kIOReportCategoryPower, 3, 0));
        assertThat(ch.unit()).isEqualTo(IOReportUnit.make(IOReportUnit.kIOReportQuantityTime,
                IOReportUnit.kIOReportScale1GHz));
    }

    @Test

    @DisplayName("RP9: the real histogram config gives its edges and matches nelements")
    void realHistogramConfigGivesItsBucketEdgesAndMatchesNelements() {
        var legend = IOReportLegend.read(registry.entries().stream()
                .filter(e -> e.property(IOReportLegend.kIOReportLegendKey) != null)
                .flatMap(e -> IOReportLegend.read(e.property(IOReportLegend.kIOReportLegendKey)).entries().stream())
                .filter(le -> "Link Rate Bins".equals(le.subgroup())).findFirst()
                .map(le -> IOReportLegend.write(List.of(le))).orElseThrow());
        IOReportLegend.LegendEntry bins = legend.entries().get(0);
        assertThat(bins.group()).isEqualTo("Interface en0");
        // <02000000 01000000 00000000 0b000000>: width 2, exponential, segment 0, 11 buckets
        assertThat(bins.config()).containsExactly(new IOHistogramSegmentConfig(2, 1, 0, 11));
        IOReportLegend.LegendChannel ch = bins.channels().get(0);
        assertThat(ch.name()).isEqualTo("Interface Rate Histogram");
        assertThat(ch.type().nelements()).isEqualTo(11);
        assertThat(ch.type().categories()).isEqualTo(IOReportTypes.kIOReportCategoryTraffic
                | IOReportTypes.kIOReportCategoryPeripheral);
        assertThat(IOHistogramReporter.bucketBounds(bins.config()))
                .containsExactly(2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048);
    }

    @Test
    void aReportersLegendRoundTripsThroughTheProperty() {
        AtomicLong clock = new AtomicLong();
        IOHistogramReporter h = IOHistogramReporter.with(5, IOReportTypes.kIOReportCategoryTraffic, 77, "lat",
                IOReportUnit.kIOReportUnit_us, List.of(new IOHistogramSegmentConfig(10, 0, 0, 3)), clock::get);
        IOReportLegend.LegendEntry e = IOReportLegend.of(h, "Storage", "Latency");
        var back = IOReportLegend.read(IOReportLegend.write(List.of(e)));
        assertThat(back.skipped()).isZero();
        assertThat(back.entries()).containsExactly(e);
        assertThat(IOReportLegend.typeToNumber(new IOReportChannelType(3, 0x14, 11, 0))).isEqualTo(0xb00140003L);
        assertThat(IOReportLegend.read(OSString.of("junk")).skipped()).isEqualTo(1);
    }

    @Test
    void aRealMachinesChannelSetCanBeEmulatedSubscribedAndSampled() {
        AtomicLong clock = new AtomicLong(1);
        IOReportHub hub = new IOReportHub();
        assertThat(IOReportLegend.instantiate(registry, hub, clock::get)).isZero();
        List<ReportChannel> emulated = IOReportSubscription.copyChannelsInGroup(hub, null, null);
        List<ReportChannel> declared = IOReportLegend.channels(registry);
        assertThat(emulated).hasSameSizeAs(declared);
        assertThat(emulated.stream().map(c -> c.providerId() + ":" + c.channelId() + ":" + c.channelType()).sorted())
                .containsExactlyElementsOf(declared.stream()
                        .map(c -> c.providerId() + ":" + c.channelId() + ":" + c.channelType()).sorted().toList());
        List<ReportChannel> nvme = IOReportSubscription.copyChannelsInGroup(hub, "NVMe", null);
        try (IOReportSubscription sub = IOReportSubscription.create(hub, nvme, clock::get)) {
            ReportChannel power = nvme.stream().filter(c -> "NVMe Power States".equals(c.name())).findFirst()
                    .orElseThrow();
            IOStateReporter r = (IOStateReporter) hub.published().stream().map(IOReportHub.Published::reporter)
                    .filter(x -> x instanceof IOStateReporter s && s.providerId() == power.providerId())
                    .findFirst().orElseThrow();
            r.setChannelState(power.channelId(), 0);
            IOReportSample a = sub.sample();
            clock.set(1_000_001);
            r.setChannelState(power.channelId(), 2);
            IOReportSample d = IOReportSubscription.delta(a, sub.sample());
            assertThat(d.stateResidency(power, 0)).isEqualTo(1_000_000);
            assertThat(d.stateInTransitions(power, 2)).isEqualTo(1);
        }
    }
}
