package dev.ioscope.engine.power;

import dev.ioscope.engine.sim.JournalEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ioscope.engine.power.PowerRulesTest.BUS;
import static dev.ioscope.engine.power.PowerRulesTest.DEV;
import static dev.ioscope.engine.power.PowerRulesTest.after;
import static dev.ioscope.engine.power.PowerRulesTest.states;
import static dev.ioscope.engine.power.PowerScenarios.action;
import static dev.ioscope.engine.power.PowerScenarios.publish;
import static dev.ioscope.engine.power.PowerScenarios.register;
import static dev.ioscope.engine.power.PowerScenarios.run;
import static org.assertj.core.api.Assertions.assertThat;

/** PM10 (temporaryPowerClampOn) and PM11 (powerOverrideOnPriv / powerOverrideOffPriv). */
class PowerClampOverrideTest {
    static final long T1 = 1_000_000_000L;
    static final long T2 = 2_000_000_000L;

    @Test
    @DisplayName("PM10: temporaryPowerClampOn holds a service at its highest state until a power child asks for "
            + "power; then the child proxy is ignored and the service follows its children")
    void clampHoldsUntilAChildAsks() throws Exception {
        List<JournalEvent> j = run(List.of(publish(0, "IOService:/", "bus"), publish(0, BUS, "dev"),
                register(10_000, BUS, "\"desire\":\"0\""),
                action(T1, "power-clamp", "\"path\":\"" + BUS + "\""),
                register(T2, DEV, "\"desire\":\"0\""))).journal();
        // registered with desire 0: initial change to 2, then 0; the clamp brings it to 2; once dev (desire 0)
        // has joined and asked, the bus goes back to 0
        assertThat(states(j, "power.change-end", BUS, "state")).containsExactly("2", "0", "2", "0");
        assertThat(j.stream().filter(e -> e.kind().id().equals("power.change-end") && e.entry().equals(BUS))
                .map(JournalEvent::t).toList().get(3)).isGreaterThan(T2);
    }

    @Test
    @DisplayName("PM11: powerOverrideOnPriv ignores the driver's and the children's desires (the service drops "
            + "to its device desire, its children with it); powerOverrideOffPriv restores them")
    void overrideIgnoresDriverAndChildren() throws Exception {
        List<JournalEvent> j = run(List.of(publish(0, "IOService:/", "bus"), publish(0, BUS, "dev"),
                register(10_000, BUS, "\"desire\":\"2\""), register(10_000, DEV, "\"desire\":\"2\""),
                action(T1, "power-override", "\"path\":\"" + BUS + "\",\"on\":\"true\""),
                action(T2, "power-override", "\"path\":\"" + BUS + "\",\"on\":\"false\""))).journal();
        List<JournalEvent> on = after(j, T1).stream().filter(e -> e.t() < T2).toList();
        assertThat(states(on, "power.change-end", BUS, "state")).containsExactly("0");
        assertThat(states(on, "power.change-end", DEV, "state")).containsExactly("0");
        List<JournalEvent> off = after(j, T2);
        assertThat(states(off, "power.change-end", BUS, "state")).containsExactly("2");
        assertThat(states(off, "power.change-end", DEV, "state")).containsExactly("2");
    }
}
