package dev.ioscope.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** IOReportTypes.h encodings (units, ids, channel type) and the copy → subscribe → sample → delta flow. */
class ReportEncodingAndSubscriptionTest {
    @Test
    @DisplayName("RP3: units pack quantity and scale")
    void unitsPackQuantityAndScale() {
        assertThat(IOReportUnit.kIOReportUnit_ms).isEqualTo(0x0100007c00000000L);
        assertThat(IOReportUnit.kIOReportUnit24MHzTicks).isEqualTo(0x0100007980000018L);
        assertThat(IOReportUnit.kIOReportUnitHWTicks).isEqualTo(0x0101000000000000L);
        assertThat(IOReportUnit.quantity(IOReportUnit.kIOReportUnitBytes)).isEqualTo(9);
        assertThat(IOReportUnit.iecExponent(IOReportUnit.scale(IOReportUnit.kIOReportUnitBytes))).isEqualTo(3);
        assertThat(IOReportUnit.factor(IOReportUnit.kIOReportUnit_ms)).isEqualTo(1e-3);
        assertThat(IOReportUnit.factor(IOReportUnit.kIOReportUnit24MHzTicks)).isCloseTo(1 / 24e6,
                Offset.offset(1e-15));
        assertThat(IOReportUnit.factor(IOReportUnit.kIOReportUnitHWTicks)).isNaN();
    }

    @Test

    @DisplayName("RP2: IOREPORT_MAKEID puts the first character in the top byte")
    void makeIdPacksCharactersBigEndFirst() {
        // IOReportTypes.h's comment says 'H','i',' ','w','o','r','l','d' evaluates to 0x686920776f726c64, but 'H'
        // is 0x48: the macro (A << 56 | ... | H) gives 0x486920776f726c64; 0x68... is what "hi world" gives.
        assertThat(IOReportTypes.makeId("Hi world")).isEqualTo(0x486920776f726c64L);
        assertThat(IOReportTypes.makeId("hi world")).isEqualTo(0x686920776f726c64L);
        assertThat(IOReportTypes.makeId("ON")).isEqualTo(0x4f4e000000000000L);
    }

    @Test

    @DisplayName("RP1: the channel type is eight packed bytes")
    void channelTypeIsEightPackedBytes() {
        IOReportChannelType t = new IOReportChannelType(IOReportTypes.kIOReportFormatHistogram, 0x0106, 5, -1);
        assertThat(HexFormat.of().formatHex(t.toBytes())).isEqualTo("0300060105 00ffff".replace(" ", ""));
        assertThat(IOReportChannelType.fromBytes(t.toBytes())).isEqualTo(t);
    }

    @Test

    @DisplayName("RP8: copy channels, subscribe, sample, delta")
    void copySubscribeSampleDelta() {
        AtomicLong clock = new AtomicLong(1_000);
        IOReportHub hub = new IOReportHub();
        IOSimpleReporter energy = new IOSimpleReporter(0x10, IOReportTypes.kIOReportCategoryPower,
                IOReportUnit.kIOReportUnit_mJ, clock::get);
        energy.addChannel(1, "CPU Energy");
        energy.addChannel(2, "GPU Energy");
        IOStateReporter pstates = new IOStateReporter(0x10, IOReportTypes.kIOReportCategoryPower, 2,
                IOReportUnit.kIOReportUnit_ns, clock::get);
        pstates.addChannel(3, "CPU P-state");
        IOHistogramReporter lat = IOHistogramReporter.with(0x20, IOReportTypes.kIOReportCategoryPerformance, 4,
                "Latency", IOReportUnit.kIOReportUnit_us, List.of(new IOHistogramSegmentConfig(10, 0, 0, 3)),
                clock::get);
        hub.addReporterLegend("AppleDemoPMGR", energy, "Energy Model", null);
        hub.addReporterLegend("AppleDemoPMGR", pstates, "CPU Stats", "CPU Core Performance States");
        hub.addReporterLegend("AppleDemoNVMe", lat, "Storage", "Latency");

        List<ReportChannel> all = IOReportSubscription.copyChannelsInGroup(hub, null, null);
        assertThat(all).extracting(ReportChannel::name).containsExactly("CPU Energy", "GPU Energy", "CPU P-state",
                "Latency");
        List<ReportChannel> energyOnly = IOReportSubscription.copyChannelsInGroup(hub, "Energy Model", null);
        assertThat(energyOnly).hasSize(2);

        try (IOReportSubscription sub = IOReportSubscription.create(hub, all, clock::get)) {
            assertThat(energy.isEnabled(1)).isTrue();
            pstates.setChannelState(3, 0);
            energy.setValue(1, 100);
            lat.tallyValue(5);
            IOReportSample a = sub.sample();
            clock.set(34_000_000); // ~30 Hz later
            energy.incrementValue(1, 25);
            pstates.setChannelState(3, 1);
            lat.tallyValue(7);
            lat.tallyValue(25);
            IOReportSample b = sub.sample();
            IOReportSample d = IOReportSubscription.delta(a, b);
            assertThat(d.intervalNs()).isEqualTo(34_000_000 - 1_000);
            ReportChannel cpu = all.get(0);
            assertThat(d.simpleValue(cpu)).isEqualTo(25);
            assertThat(b.simpleValue(cpu)).isEqualTo(125);
            ReportChannel ps = all.get(2);
            assertThat(d.stateResidency(ps, 0)).isEqualTo(34_000_000 - 1_000);
            assertThat(d.stateInTransitions(ps, 1)).isEqualTo(1);
            assertThat(d.stateLastTransition(ps, 1)).isEqualTo(34_000_000);
            ReportChannel h = all.get(3);
            assertThat(d.histogramBucket(h, 0)).containsExactly(1, 5, 7, 7);
            assertThat(d.histogramBucket(h, 2)).containsExactly(1, 25, 25, 25);
        }
        assertThat(energy.isEnabled(1)).isFalse();
    }
}
