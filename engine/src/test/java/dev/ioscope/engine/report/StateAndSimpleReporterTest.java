package dev.ioscope.engine.report;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnBadArgument;
import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import dev.ioscope.engine.iokit.IOReturn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** IOStateReporter residency rules (handleSetStateByIndices, updateChannelValues) and IOSimpleReporter. */
class StateAndSimpleReporterTest {
    private final AtomicLong clock = new AtomicLong();
    private static final long CH = IOReportTypes.makeId("pwrstate");

    private IOStateReporter reporter() {
        IOStateReporter r = new IOStateReporter(0x100, IOReportTypes.kIOReportCategoryPower, 3,
                IOReportUnit.kIOReportUnit_ns, clock::get);
        assertThat(r.addChannel(CH, "Power State")).isEqualTo(kIOReturnSuccess);
        return r;
    }

    @Test

    @DisplayName("RP6: transitions count and charge the time to the previous state")
    void transitionsCountInTransitionsAndChargeTheTimeToThePreviousState() {
        IOStateReporter r = reporter();
        clock.set(100);
        assertThat(r.setChannelState(CH, 1)).isEqualTo(kIOReturnSuccess);
        clock.set(250);
        r.setChannelState(CH, 2);
        assertThat(r.getStateInTransitions(CH, 1)).isEqualTo(1);
        assertThat(r.getStateLastTransitionTime(CH, 2)).isEqualTo(250);
        clock.set(250);
        assertThat(r.getStateResidencyTime(CH, 1)).isEqualTo(150);
        clock.set(400);
        assertThat(r.getStateResidencyTime(CH, 2)).as("reading refreshes the current state").isEqualTo(150);
        clock.set(500);
        r.setChannelState(CH, 2); // same state: no new transition, time still charged
        assertThat(r.getStateInTransitions(CH, 2)).isEqualTo(1);
        assertThat(r.getStateResidencyTime(CH, 2)).isEqualTo(250);
        assertThat(r.getStateResidencyTime(CH, 0)).isZero();
        assertThat(r.getStateLastChannelUpdateTime(CH)).isEqualTo(500);
    }

    @Test

    @DisplayName("RP6: a transition at virtual time 0 starts no residency clock")
    void aTransitionAtVirtualTimeZeroStartsNoResidencyClock() {
        IOStateReporter r = reporter();
        r.setChannelState(CH, 1); // t = 0: _lastUpdateTimes stays 0 ("no basis")
        clock.set(100);
        r.setChannelState(CH, 2);
        assertThat(r.getStateResidencyTime(CH, 1)).isZero();
        assertThat(r.getStateInTransitions(CH, 1)).isEqualTo(1);
    }

    @Test

    @DisplayName("RP6: an unknown channel or state index is kIOReturnBadArgument")
    void badChannelOrStateIndex() {
        IOStateReporter r = reporter();
        clock.set(10);
        assertThat(r.setChannelState(42, 0)).isEqualTo(kIOReturnBadArgument);
        assertThat(r.setChannelState(CH, 3)).isEqualTo(kIOReturnBadArgument);
        assertThat(r.setStateID(CH, 3, 7)).isEqualTo(kIOReturnBadArgument);
    }

    @Test

    @DisplayName("RP6: state ids start as the indices")
    void stateIdsStartAsIndicesAndCanBeRenamed() {
        IOStateReporter r = reporter();
        clock.set(10);
        assertThat(r.setStateID(CH, 2, IOReportTypes.makeId("ON"))).isEqualTo(kIOReturnSuccess);
        assertThat(r.setState(IOReportTypes.makeId("ON"))).isEqualTo(kIOReturnSuccess);
        assertThat(r.getStateInTransitions(CH, IOReportTypes.makeId("ON"))).isEqualTo(1);
        assertThat(r.setState(99)).isEqualTo(kIOReturnBadArgument);
    }

    @Test

    @DisplayName("RP6: override after setChannelState is refused (XNU panics)")
    void overrideAfterSetChannelStateIsRefusedAsXnuPanics() {
        IOStateReporter r = reporter();
        assertThat(r.overrideChannelState(CH, 1, 500, 3, 77)).isEqualTo(kIOReturnSuccess);
        assertThat(r.incrementChannelState(CH, 1, 100, 1, 90)).isEqualTo(kIOReturnSuccess);
        assertThat(r.getStateResidencyTime(CH, 1)).isEqualTo(600);
        assertThat(r.getStateInTransitions(CH, 1)).isEqualTo(4);
        clock.set(5);
        r.setChannelState(CH, 0);
        assertThatThrownBy(() -> r.overrideChannelState(CH, 1, 1, 1, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test

    @DisplayName("RP7: elements carry the virtual time of their last write")
    void simpleReporterCountsAndStampsWithTheVirtualClock() {
        IOSimpleReporter s = new IOSimpleReporter(0x200, IOReportTypes.kIOReportCategoryTraffic,
                IOReportUnit.kIOReportUnitBytes, clock::get);
        s.addChannel(1, "bytes in");
        clock.set(77);
        assertThat(s.incrementValue(1, 10)).isEqualTo(kIOReturnSuccess);
        s.incrementValue(1, 5);
        assertThat(s.getValue(1)).isEqualTo(15);
        assertThat(s.setValue(2, 1)).isEqualTo(kIOReturnBadArgument);
        assertThat(s.getValue(2)).isEqualTo(IOReportTypes.kIOReportInvalidValue);
        List<IOReportElement> out = new ArrayList<>();
        assertThat(s.updateReport(new long[] {1}, IOReportTypes.kIOReportCopyChannelData, out))
                .as("nothing enabled").isEqualTo(IOReturn.kIOReturnError);
        assertThat(s.configureReport(new long[] {1, 2}, IOReportTypes.kIOReportEnable)).containsExactly(0, 1);
        assertThat(s.updateReport(new long[] {1, 2}, IOReportTypes.kIOReportCopyChannelData, out)).isZero();
        assertThat(out).containsExactly(new IOReportElement(0x200, 1, new IOReportChannelType(1,
                IOReportTypes.kIOReportCategoryTraffic, 1, 0), 77, 15, 0, 0, 0));
    }

    @Test
    void simpleArrayPacksFourValuesPerElement() {
        IOSimpleArrayReporter a = new IOSimpleArrayReporter(1, 0, IOReportUnit.kIOReportUnitEvents, 6, clock::get);
        a.addChannel(9, "per-cpu");
        assertThat(a.channelType().nelements()).isEqualTo(2);
        a.setValue(9, 5, 55);
        a.incrementValue(9, 0, 3);
        assertThat(a.getValue(9, 5)).isEqualTo(55);
        assertThat(a.setValue(9, 6, 1)).isEqualTo(kIOReturnBadArgument);
        List<IOReportElement> out = new ArrayList<>();
        assertThat(a.configureReport(new long[] {9, 10}, IOReportTypes.kIOReportGetDimensions)).containsExactly(0, 2);
        a.configureReport(new long[] {9}, IOReportTypes.kIOReportEnable);
        a.updateReport(new long[] {9}, IOReportTypes.kIOReportCopyChannelData, out);
        assertThat(out).hasSize(2);
        assertThat(out.get(1).v1()).isEqualTo(55);
        assertThat(out.get(0).v0()).isEqualTo(3);
    }

    @Test

    @DisplayName("RP7: configureReport matches the whole action; repeated ids find the first channel")
    void configureMatchesTheWholeActionAndRepeatedIdsFindTheFirstChannel() {
        IOSimpleReporter s = new IOSimpleReporter(1, 0, IOReportUnit.kIOReportUnitNone, clock::get);
        s.addChannel(5, "first");
        assertThat(s.addChannel(5, "second")).as("XNU does not refuse a repeated id").isEqualTo(kIOReturnSuccess);
        assertThat(s.channels()).hasSize(2);
        s.setValue(5, 9);
        assertThat(s.getValue(5)).isEqualTo(9);
        assertThat(s.configureReport(new long[] {5}, IOReportTypes.kIOReportEnable
                | IOReportTypes.kIOReportNotifyHubOnChange)).containsExactly(0, 0);
        assertThat(s.isEnabled(5)).isFalse();
        s.configureReport(new long[] {5}, IOReportTypes.kIOReportEnable);
        List<IOReportElement> out = new ArrayList<>();
        assertThat(s.updateReport(new long[] {5}, IOReportTypes.kIOReportTraceChannelData, out))
                .isEqualTo(IOReturn.kIOReturnError);
        assertThat(s.updateReport(new long[] {5}, IOReportTypes.kIOReportCopyChannelData, out)).isZero();
        assertThat(out).hasSize(1).first().extracting(IOReportElement::v0).isEqualTo(9L);
    }
}
