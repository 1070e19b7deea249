package dev.ioscope.engine.power;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ioscope.engine.power.IOPMPowerFlags.kIOPMDeviceUsable;
import static dev.ioscope.engine.power.IOPMPowerFlags.kIOPMPowerOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PM1: registerPowerDriver's checks of a power state array (docs/iokit-rules.md "## Power management"). */
class PowerStateTableTest {
    static final IOPMPowerState OFF = IOPMPowerState.of(0, 0, 0);
    static final IOPMPowerState ON = IOPMPowerState.of(kIOPMPowerOn | kIOPMDeviceUsable, kIOPMPowerOn, kIOPMPowerOn);

    static IOPMPowerState v2(int order, int flags) {
        return new IOPMPowerState(2, flags, 0, 0, 0, order, 0, 0, 0, 0, 0, 0);
    }

    @Test
    @DisplayName("PM1: flag and message values are IOPM.h's and IOMessage.h's")
    void flagValuesAreIopmH() {
        assertThat(kIOPMPowerOn).isEqualTo(0x2);
        assertThat(kIOPMDeviceUsable).isEqualTo(0x8000);
        assertThat(IOPMPowerFlags.kIOPMLowPower).isEqualTo(0x10000);
        assertThat(IOPMPowerFlags.kIOPMPreventIdleSleep).isEqualTo(0x40);
        assertThat(IOPMPowerFlags.kIOPMSleepCapability).isEqualTo(0x4);
        assertThat(IOPMPowerFlags.kIOPMRestartCapability).isEqualTo(0x80);
        assertThat(IOPMPowerFlags.kIOPMSleep).isEqualTo(0x1);
        assertThat(IOPMPowerFlags.kIOPMRestart).isEqualTo(0x80);
        assertThat(IOPMPowerFlags.kIOPMInitialDeviceState).isEqualTo(0x100);
        assertThat(IOPMPowerFlags.kIOPMRootDomainState).isEqualTo(0x200);
        assertThat(IOPMPowerFlags.describe(0x8002)).isEqualTo("kIOPMPowerOn|kIOPMDeviceUsable");
        assertThat(PowerMessages.kIOMessageCanSystemSleep.value()).isEqualTo(0xe0000270);
        assertThat(PowerMessages.kIOMessageSystemWillSleep.value()).isEqualTo(0xe0000280);
        assertThat(PowerMessages.kIOMessageSystemWillPowerOn.value()).isEqualTo(0xe0000320);
        assertThat(PowerMessages.kIOMessageSystemHasPoweredOn.value()).isEqualTo(0xe0000300);
    }

    @Test
    void aGoodTableAnswersDomainQuestions() {
        PowerStateTable t = PowerStateTable.validate("Drv", List.of(OFF, ON));
        assertThat(t.maxFor(kIOPMPowerOn)).isEqualTo(1);
        assertThat(t.maxFor(IOPMPowerFlags.kIOPMSleep)).isZero();
        assertThat(t.lowestSupplying(kIOPMPowerOn)).isEqualTo(1);
        assertThat(t.lowestSupplying(0)).isZero();
        assertThat(t.initialDeviceState()).isEqualTo(-1);
    }

    @Test
    @DisplayName("PM20: a version 2 table answers in its power order: StateMax/StateMin, fHighestPowerState, the "
            + "parent's limit walking the order down to the order-0 state, a child's request walking it up")
    void aVersion2TableAnswersInItsOrder() {
        // index 0: low power (order 1, needs kIOPMPowerOn); index 1: off (order 0); index 2: on (order 2)
        IOPMPowerState low = new IOPMPowerState(2, IOPMPowerFlags.kIOPMLowPower, IOPMPowerFlags.kIOPMLowPower,
                kIOPMPowerOn, 0, 1, 0, 0, 0, 0, 0, 0);
        IOPMPowerState off = v2(0, 0);
        IOPMPowerState on = new IOPMPowerState(2, kIOPMPowerOn | kIOPMDeviceUsable, kIOPMPowerOn, kIOPMPowerOn, 0, 2,
                0, 0, 0, 0, 0, 0);
        PowerStateTable t = PowerStateTable.validate("Drv", List.of(low, off, on));
        assertThat(t.highest()).isEqualTo(2);
        assertThat(t.lastOrdinal()).isEqualTo(2);
        assertThat(t.max(0, 1)).isZero();          // low (order 1) is above off (order 0)
        assertThat(t.min(0, 1)).isEqualTo(1);
        assertThat(t.above(2, 0)).isTrue();
        assertThat(t.order(7)).isEqualTo(7);       // beyond the table: its own order, as StateOrder has it
        // a parent that supplies nothing: only the off state (index 1, order 0) is powered
        assertThat(t.limit(2, 0)).isEqualTo(1);
        assertThat(t.maxFor(0)).isEqualTo(1);
        assertThat(t.limit(2, kIOPMPowerOn)).isEqualTo(2);
        assertThat(t.limit(0, kIOPMPowerOn)).isZero();
        // a child asking for kIOPMLowPower gets the lowest state in the order that outputs it: low (index 0);
        // asking for a bit no state outputs drops it (fMergedOutputPowerFlags): the off state, index 1
        assertThat(t.lowestSupplying(IOPMPowerFlags.kIOPMLowPower)).isZero();
        assertThat(t.lowestSupplying(IOPMPowerFlags.kIOPMSleep)).isEqualTo(1);
    }

    @Test
    @DisplayName("PM1: fewer than two states is refused (kIOReturnBadArgument)")
    void fewerThanTwoStatesIsRefused() {
        assertThatThrownBy(() -> PowerStateTable.validate("Drv", List.of(ON)))
                .isInstanceOf(PowerTableException.class)
                .hasMessage("Drv power state array: a power state array needs at least 2 states (has 1) — "
                        + "registerPowerDriver returns kIOReturnBadArgument");
    }

    @Test
    @DisplayName("PM1: only state 0's version is checked: above kIOPMPowerStateVersion2 is refused; version 0 and "
            + "mixed versions are accepted")
    void onlyStateZerosVersionIsChecked() {
        IOPMPowerState v3 = new IOPMPowerState(3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> PowerStateTable.validate("Drv", List.of(v3, ON)))
                .hasMessage("Drv power state 0: version 3 is above kIOPMPowerStateVersion2 (2) — registerPowerDriver "
                        + "returns kIOReturnBadArgument");
        IOPMPowerState v0 = new IOPMPowerState(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(PowerStateTable.validate("Drv", List.of(v0, ON)).count()).isEqualTo(2);
        // state 1's own version (3) is not checked; being >= 2 its stateOrder (1) is read
        assertThat(PowerStateTable.validate("Drv", List.of(OFF, new IOPMPowerState(3, kIOPMPowerOn, 0, 0, 0, 1, 0,
                0, 0, 0, 0, 0))).count()).isEqualTo(2);
    }

    @Test
    @DisplayName("PM1: every stateOrder 0..n-1 must be taken (version-2 states give theirs, older ones their "
            + "index); a duplicate or out-of-range order leaves one missing and is refused")
    void version2StateOrderMustBeAPermutation() {
        assertThat(PowerStateTable.validate("Drv", List.of(v2(0, 0), v2(1, kIOPMPowerOn))).count()).isEqualTo(2);
        assertThat(PowerStateTable.validate("Drv", List.of(v2(1, 0), v2(0, kIOPMPowerOn))).count()).isEqualTo(2);
        assertThatThrownBy(() -> PowerStateTable.validate("Drv", List.of(v2(0, 0), v2(0, kIOPMPowerOn))))
                .hasMessage("Drv power state array: no state has stateOrder 1 (power state order missing) — "
                        + "registerPowerDriver returns kIOReturnBadArgument");
        assertThatThrownBy(() -> PowerStateTable.validate("Drv", List.of(v2(0, 0), v2(5, kIOPMPowerOn))))
                .hasMessage("Drv power state array: no state has stateOrder 1 (power state order missing) — "
                        + "registerPowerDriver returns kIOReturnBadArgument");
        // a version 1 state 1 takes order 1: with a version 2 state 0 claiming order 1 too, order 0 is missing
        assertThatThrownBy(() -> PowerStateTable.validate("Drv", List.of(v2(1, 0), ON)))
                .hasMessageContaining("no state has stateOrder 0");
    }

    @Test
    @DisplayName("PM1: what registerPowerDriver does not check is accepted (power need not ascend)")
    void noCheckBeyondXnus() {
        IOPMPowerState hot = new IOPMPowerState(1, 0, 0, 0, 500, 0, 0, 0, 0, 0, 0, 0);
        IOPMPowerState cool = new IOPMPowerState(1, kIOPMPowerOn, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0);
        assertThat(PowerStateTable.validate("Drv", List.of(ON, OFF)).count()).isEqualTo(2);
        assertThat(PowerStateTable.validate("Drv", List.of(hot, cool)).count()).isEqualTo(2);
    }

    @Test
    @DisplayName("PM1: a refused table in a scenario is one power.error line and nothing joins")
    void scenarioTableErrorsAreJournaled() throws Exception {
        var sim = PowerScenarios.run(List.of(PowerScenarios.publish(0, "IOService:/", "bus"),
                "{\"do\":\"power-register\",\"path\":\"IOService:/bus\",\"states\":[{\"capabilityFlags\":2}]}",
                "{\"do\":\"power-register\",\"path\":\"IOService:/bus\","
                        + "\"states\":[{\"capabilityFlags\":\"kIOPMBogus\"},{}]}"));
        assertThat(sim.journal().stream().filter(e -> e.kind().id().equals("power.error"))
                .map(e -> e.details().get("reason")))
                .containsExactly("IOService power state array: a power state array needs at least 2 states (has 1) — "
                        + "registerPowerDriver returns kIOReturnBadArgument",
                        "capabilityFlags: unknown flag kIOPMBogus");
    }
}
