package dev.ioscope.engine.power;

import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Simulation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ioscope.engine.power.PowerRulesTest.DEV;
import static dev.ioscope.engine.power.PowerRulesTest.at;
import static dev.ioscope.engine.power.PowerRulesTest.index;
import static dev.ioscope.engine.power.PowerRulesTest.tree;
import static dev.ioscope.engine.power.PowerScenarios.run;
import static org.assertj.core.api.Assertions.assertThat;

/** PM7 (setPowerState's acknowledgement) and PM12 (interested drivers) of docs/iokit-rules.md. */
class PowerAckRulesTest {
    static int setTo2(List<JournalEvent> j) {
        return index(j, "power.set-power-state", DEV, e -> e.details().get("to").equals("2"));
    }

    @Test
    @DisplayName("PM7: a setPowerState budget under 10 s is raised to kMinAckTimeoutTicks: no acknowledgement "
            + "times out after 101 ticks of 100 ms, the driver is marked IOPMTardyAckSetPowerState")
    void missingAcknowledgementTimesOutAfterTheMinimum() throws Exception {
        Simulation sim = run(tree("\"setPowerStateUs\":\"150000\",\"ackUs\":\"-1\""));
        List<JournalEvent> j = sim.journal();
        int set = setTo2(j);
        int timeout = index(j, "power.ack-timeout", DEV, e -> e.t() > at(j, set).t());
        assertThat(at(j, set).details()).containsEntry("returned", "150000");
        // 150 ms asked, raised to 10 000 000 µs: 10 000 000 / 100 000 + 1 = 101 ticks
        assertThat(at(j, timeout).t() - at(j, set).t()).isEqualTo(10_100_000_000L);
        assertThat(at(j, timeout).details().get("message"))
                .isEqualTo("dev::setPowerState(IOService:/bus/dev, 0 -> 2) timed out after 10100 ms");
        assertThat(sim.resolve(DEV).property("IOPMTardyAckSetPowerState")).isEqualTo(OSBoolean.TRUE);
        assertThat(index(j, "power.change-end", DEV, e -> e.t() > at(j, set).t())).isGreaterThan(timeout);
    }

    @Test
    @DisplayName("PM7: an acknowledgement after the budget but within 10 s ends the change (late, no time-out)")
    void ackAfterTheBudgetButWithinTheMinimumIsAccepted() throws Exception {
        Simulation sim = run(tree("\"setPowerStateUs\":\"100000\",\"ackUs\":\"5000000\""));
        List<JournalEvent> j = sim.journal();
        int set = setTo2(j);
        int ack = index(j, "power.ack", DEV, e -> e.t() > at(j, set).t());
        assertThat(at(j, ack).t() - at(j, set).t()).isEqualTo(5_000_000_000L);
        assertThat(at(j, ack).details()).containsEntry("late", "true").doesNotContainKey("ignored");
        assertThat(index(j, "power.ack-timeout", DEV, e -> e.t() > at(j, set).t())).isEqualTo(-1);
        assertThat(sim.resolve(DEV).property("IOPMTardyAckSetPowerState")).isNull();
    }

    @Test
    @DisplayName("PM7: a budget above 10 s is kept: 15 s gives 151 ticks; an acknowledgement after the time-out "
            + "is ignored")
    void largeBudgetIsKeptAndStrayAckIgnored() throws Exception {
        List<JournalEvent> j = run(tree("\"setPowerStateUs\":\"15000000\",\"ackUs\":\"16000000\"")).journal();
        int set = setTo2(j);
        int timeout = index(j, "power.ack-timeout", DEV, e -> e.t() > at(j, set).t());
        assertThat(at(j, timeout).t() - at(j, set).t()).isEqualTo(15_100_000_000L);
        int stray = index(j, "power.ack", DEV, e -> e.t() > at(j, set).t());
        assertThat(at(j, stray).details()).containsEntry("ignored", "true");
    }

    @Test
    @DisplayName("PM12: interested drivers hear powerStateWillChangeTo before setPowerState and "
            + "powerStateDidChangeTo after")
    void interestedDriversBracketTheChange() throws Exception {
        List<JournalEvent> j = run(tree("\"interested\":\"Watcher\"")).journal();
        int set = setTo2(j);
        int will = index(j, "power.will-change", DEV, e -> e.details().get("to").equals("2"));
        int did = index(j, "power.did-change", DEV, e -> e.details().get("to").equals("2"));
        assertThat(will).isPositive().isLessThan(set);
        assertThat(did).isGreaterThan(set);
        assertThat(at(j, will).details()).containsEntry("driver", "Watcher").containsEntry("call",
                "powerStateWillChangeTo");
    }

    @Test
    @DisplayName("PM12: an interested driver's budget is raised to kMinAckTimeoutTicks too: a silent one holds "
            + "the change 10.1 s; a quick one's acknowledgePowerChange is taken at once")
    void silentInterestedDriverTimesOut() throws Exception {
        List<JournalEvent> j = run(tree("\"interested\":\"Slow:250000:-1,Quick:50000:20000\"")).journal();
        int will = index(j, "power.will-change", DEV, e -> e.details().get("driver").equals("Slow")
                && e.details().get("to").equals("2"));
        int quick = index(j, "power.interest-ack", DEV, e -> e.t() > at(j, will).t());
        int timeout = index(j, "power.interest-timeout", DEV, e -> e.t() > at(j, will).t());
        int set = setTo2(j);
        assertThat(at(j, quick).details()).containsEntry("driver", "Quick").containsEntry("late", "false");
        assertThat(at(j, quick).t() - at(j, will).t()).isEqualTo(20_000_000L);
        assertThat(at(j, timeout).t() - at(j, will).t()).isEqualTo(10_100_000_000L);
        assertThat(at(j, timeout).details()).containsEntry("message",
                "Slow::powerStateWillChangeTo(Slow, dev, 0 -> 2) timed out after 10100 ms")
                .containsEntry("property", "IOPMTardyAckPowerStateChange");
        assertThat(set).isGreaterThan(timeout);
    }
}
