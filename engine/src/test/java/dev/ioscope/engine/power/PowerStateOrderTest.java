package dev.ioscope.engine.power;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Simulation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ioscope.engine.power.PowerScenarios.action;
import static dev.ioscope.engine.power.PowerScenarios.publish;
import static dev.ioscope.engine.power.PowerScenarios.register;
import static dev.ioscope.engine.power.PowerScenarios.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance: rule PM20 of docs/iokit-rules.md (IOServicePMPrivate.h {@code StateOrder}, IOServicePM.cpp
 * {@code handleRegisterPowerDriver}, {@code computeDesiredState}, {@code handleRequestPowerState},
 * {@code startSettleTimer}, {@code handleActivityTickle}). The device's version 2 table puts its full-power state
 * at index 1 and its low-power state at index 2: index 1 is the highest state (order 2), index 2 sits between off
 * and on (order 1).
 */
class PowerStateOrderTest {
    static final String BUS = "IOService:/bus";
    static final String DEV = "IOService:/bus/dev";
    static final long S = 1_000_000_000L;

    /** off (order 0); on, usable (order 2, settle up 300 µs, down 3 ms); low power (order 1, 200 µs / 2 ms). */
    static final String REORDERED = "["
            + "{\"version\":2,\"stateOrder\":0,\"capabilityFlags\":0},"
            + "{\"version\":2,\"stateOrder\":2,\"capabilityFlags\":\"kIOPMPowerOn|kIOPMDeviceUsable\","
            + "\"inputPowerRequirement\":\"kIOPMPowerOn\",\"settleUpTime\":300,\"settleDownTime\":3000},"
            + "{\"version\":2,\"stateOrder\":1,\"capabilityFlags\":\"kIOPMLowPower\","
            + "\"inputPowerRequirement\":\"kIOPMPowerOn\",\"settleUpTime\":200,\"settleDownTime\":2000}]";

    /** The bus (the DEVICE table, asking for its state 2) registers at 10 µs; the device at 1 ms, once it is on. */
    static List<String> device(String extra, String... actions) {
        List<String> a = new ArrayList<>(List.of(publish(0, "IOService:/", "bus"), publish(0, BUS, "dev"),
                register(10_000, BUS, "\"desire\":\"2\""),
                "{\"at\":1000000,\"do\":\"power-register\",\"path\":\"" + DEV + "\",\"states\":" + REORDERED
                        + (extra.isEmpty() ? "" : "," + extra) + "}"));
        a.addAll(List.of(actions));
        return a;
    }

    static List<JournalEvent> of(List<JournalEvent> j, String kind) {
        return j.stream().filter(e -> e.kind().id().equals(kind) && e.entry().equals(DEV)).toList();
    }

    static List<String> to(List<JournalEvent> j, String kind) {
        return of(j, kind).stream().map(e -> e.details().get("to")).toList();
    }

    @Test
    @DisplayName("PM20: the highest state is the one of the highest stateOrder: the initial change and makeUsable go "
            + "to index 1, and MaxPowerState stays NumberOfPowerStates - 1")
    void theHighestStateIsTheHighestOrder() throws Exception {
        Simulation sim = run(device("\"desire\":\"0\"",
                action(S, "request", "\"path\":\"" + DEV + "\",\"via\":\"usable\"")));
        List<JournalEvent> j = sim.journal();
        // initialPowerStateForDomainState walks the order down from the top: index 1; then the driver's 0; then
        // makeUsable (kIOPMPowerStateMax, taken as fHighestPowerState)
        assertThat(to(j, "power.set-power-state")).containsExactly("1", "0", "1");
        OSDictionary pm = (OSDictionary) sim.resolve(DEV).property("IOPowerManagement");
        assertThat(((OSNumber) pm.get("CurrentPowerState")).value()).isEqualTo(1);
        assertThat(((OSNumber) pm.get("MaxPowerState")).value()).isEqualTo(2);
    }

    @Test
    @DisplayName("PM20: from index 1 to index 2 is a power drop (IS_POWER_DROP compares orders), and the settle "
            + "time adds the settleDownTime of each order stepped out of")
    void aLowerIndexIsNotALowerState() throws Exception {
        List<JournalEvent> j = run(device("\"desire\":\"1\"",
                action(S, "request", "\"path\":\"" + DEV + "\",\"state\":\"2\""),
                action(2 * S, "request", "\"path\":\"" + DEV + "\",\"state\":\"0\""),
                action(3 * S, "request", "\"path\":\"" + DEV + "\",\"state\":\"1\""))).journal();
        List<JournalEvent> begins = of(j, "power.change-begin");
        assertThat(begins).extracting(e -> e.details().get("from") + "->" + e.details().get("to") + " "
                + e.details().get("direction")).containsExactly("0->1 up", "1->2 down", "2->0 down", "0->1 up");
        List<JournalEvent> set = of(j, "power.set-power-state");
        List<JournalEvent> end = of(j, "power.change-end");
        // settle: 0 -> 1 enters orders 1 and 2 (index 2's 200 µs + index 1's 300 µs); 1 -> 2 leaves order 2
        // (3 ms); 2 -> 0 leaves order 1 (2 ms)
        assertThat(end.get(0).t() - set.get(0).t()).isEqualTo(500_000L);
        assertThat(end.get(1).t() - set.get(1).t()).isEqualTo(3_000_000L);
        assertThat(end.get(2).t() - set.get(2).t()).isEqualTo(2_000_000L);
        assertThat(end.get(3).t() - set.get(3).t()).isEqualTo(500_000L);
    }

    @Test
    @DisplayName("PM20: a request beyond the table is taken as the highest state (handleRequestPowerState), not "
            + "refused; a negative one (above UINT_MAX as an unsigned long) is kIOReturnBadArgument")
    void aRequestBeyondTheTableIsTheHighestState() throws Exception {
        List<JournalEvent> j = run(device("\"desire\":\"0\"",
                action(S, "request", "\"path\":\"" + DEV + "\",\"state\":\"7\""),
                action(2 * S, "request", "\"path\":\"" + DEV + "\",\"state\":\"-1\",\"via\":\"priv\""))).journal();
        JournalEvent asked = of(j, "power.request").get(1);   // the first is registration's changePowerStateTo(0)
        assertThat(asked.details()).containsEntry("state", "1").containsEntry("ordinal", "7");
        assertThat(to(j, "power.set-power-state")).containsExactly("1", "0", "1");
        assertThat(j.stream().filter(e -> e.kind().id().equals("power.error")).map(e -> e.details().get("reason")))
                .singleElement().asString().contains("kIOReturnBadArgument");
    }

    @Test
    @DisplayName("PM20: the idle timer lowers the device desire one step down the power order: index 1, then 2, "
            + "then 0")
    void theIdleTimerStepsDownTheOrder() throws Exception {
        List<JournalEvent> j = run(device("\"desire\":\"0\",\"idleTimerPeriod\":\"1\"",
                action(2_000_000, "request", "\"path\":\"" + DEV + "\",\"via\":\"usable\""),
                action(10 * S, "idle", "\"ms\":\"1\""))).journal();
        assertThat(of(j, "power.idle-timer").stream().map(e -> e.details().get("desire")))
                .containsExactly("2", "0");
        assertThat(to(j, "power.set-power-state")).containsExactly("1", "0", "1", "2", "0");
    }
}
