package dev.ioscope.engine.power;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Simulation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ioscope.engine.power.PowerRulesTest.BUS;
import static dev.ioscope.engine.power.PowerRulesTest.DEV;
import static dev.ioscope.engine.power.PowerRulesTest.states;
import static dev.ioscope.engine.power.PowerScenarios.action;
import static dev.ioscope.engine.power.PowerScenarios.publish;
import static dev.ioscope.engine.power.PowerScenarios.register;
import static dev.ioscope.engine.power.PowerScenarios.run;
import static org.assertj.core.api.Assertions.assertThat;

/** PM9, the idle timer (IOServicePM.cpp setIdleTimerPeriod, start_PM_idle_timer, idleTimerExpired). */
class PowerIdleRulesTest {
    static final long S = 1_000_000_000L;

    static List<String> idleDev(String devExtra, String... more) {
        List<String> a = new ArrayList<>(List.of(publish(0, "IOService:/", "bus"), publish(0, BUS, "dev"),
                register(10_000, BUS, "\"desire\":\"0\""), register(10_000, DEV, devExtra)));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    @DisplayName("PM9: the idle timer runs free in seconds: a tickle does not restart it; at expiry after "
            + "activity it waits the period less the whole seconds since the last tickle, then drops one state")
    void idleTimerRunsFree() throws Exception {
        Simulation sim = run(idleDev("\"desire\":\"0\",\"idleTimerPeriod\":\"10\"",
                action(1_000_000, "tickle", "\"path\":\"" + DEV + "\""),
                action(3_500_000_000L, "tickle", "\"path\":\"" + DEV + "\"")));
        List<JournalEvent> j = sim.journal();
        List<JournalEvent> drops = j.stream().filter(e -> e.kind().id().equals("power.idle-timer")).toList();
        // the first tickle at 1 ms raises the desire and starts the timer (due 10.001 s); the tickle at 3.5 s
        // only marks activity; at 10.001 s: active, re-armed for 10 - floor(6.501) = 4 s; 14.001 s: drop to 1;
        // 24.001 s: drop to 0, and the timer stops with the desire at 0
        assertThat(drops).extracting(JournalEvent::t).containsExactly(14_001_000_000L, 24_001_000_000L);
        assertThat(drops).extracting(e -> e.details().get("desire")).containsExactly("1", "0");
        assertThat(states(j, "power.change-end", DEV, "state")).endsWith("2", "1", "0");
        OSDictionary pm = (OSDictionary) sim.resolve(DEV).property("IOPowerManagement");
        assertThat(((OSNumber) pm.get("IdleTimerPeriod")).value()).isEqualTo(10_000);   // gatedSerialize: s * 1000
        assertThat(((OSNumber) pm.get("ActivityTickles")).value()).isEqualTo(2);
    }

    @Test
    @DisplayName("PM9: the idle timer steps down from the device desire and never raises a desire of 0 "
            + "(a device held up by its driver's request is not touched)")
    void idleTimerNeverRaisesAZeroDesire() throws Exception {
        Simulation sim = run(idleDev("\"desire\":\"2\",\"idleTimerPeriod\":\"1\"",
                action(5 * S, "idle", "\"ms\":\"1\"")));
        List<JournalEvent> j = sim.journal();
        assertThat(j.stream().map(je -> je.kind().id())).doesNotContain("power.idle-timer");
        OSDictionary pm = (OSDictionary) sim.resolve(DEV).property("IOPowerManagement");
        assertThat(pm.get("DevicePowerState")).isNull();
        assertThat(((OSNumber) pm.get("CurrentPowerState")).value()).isEqualTo(2);
    }

    @Test
    @DisplayName("PM9: a tickle for state 0 does nothing; a tickle for a state at or below the last tickle's "
            + "only marks activity")
    void tickleForZeroIsIgnored() throws Exception {
        Simulation sim = run(idleDev("\"desire\":\"0\"",
                action(1_000_000, "tickle", "\"path\":\"" + DEV + "\",\"state\":\"0\""),
                action(2_000_000, "tickle", "\"path\":\"" + DEV + "\",\"state\":\"1\""),
                action(900_000_000, "tickle", "\"path\":\"" + DEV + "\",\"state\":\"1\"")));
        OSDictionary pm = (OSDictionary) sim.resolve(DEV).property("IOPowerManagement");
        assertThat(((OSNumber) pm.get("ActivityTickles")).value()).isEqualTo(2);
        assertThat(((OSNumber) pm.get("DevicePowerState")).value()).isEqualTo(1);
        assertThat(sim.journal().stream().filter(e -> e.kind().id().equals("power.request"))
                .filter(e -> e.entry().equals(DEV) && "device".equals(e.details().get("client")))).isEmpty();
    }
}
