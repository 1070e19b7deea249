package dev.ioscope.engine.power;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ioscope.engine.power.IOPMPowerFlags.kIOPMDeviceUsable;
import static dev.ioscope.engine.power.IOPMPowerFlags.kIOPMPowerOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** P1: registerPowerDriver's checks of a power state array (docs/iokit-rules.md "## Power management"). */
class PowerStateTableTest {
    static final IOPMPowerState OFF = IOPMPowerState.of(0, 0, 0);
    static final IOPMPowerState ON = IOPMPowerState.of(kIOPMPowerOn | kIOPMDeviceUsable, kIOPMPowerOn, kIOPMPowerOn);

    static IOPMPowerState v2(int order, int flags) {
        return new IOPMPowerState(2, flags, 0, 0, 0, order, 0, 0, 0, 0, 0, 0);
    }

    @Test
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
    void fewerThanTwoStatesIsRefused() {
        assertThatThrownBy(() -> PowerStateTable.validate("Drv", List.of(ON)))
                .isInstanceOf(PowerTableException.class)
                .hasMessage("Drv power state array: a power state array needs at least 2 states (has 1) — "
                        + "registerPowerDriver returns kIOReturnBadArgument");
    }

    @Test
    void unknownVersionIsRefused() {
        IOPMPowerState v3 = new IOPMPowerState(3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> PowerStateTable.validate("Drv", List.of(v3, ON)))
                .hasMessage("Drv power state 0: version 3 is neither kIOPMPowerStateVersion1 (1) nor "
                        + "kIOPMPowerStateVersion2 (2)");
        assertThatThrownBy(() -> PowerStateTable.validate("Drv", List.of(OFF, v2(1, kIOPMPowerOn))))
                .hasMessage("Drv power state 1: version 2 differs from state 0's 1");
    }

    @Test
    void version2StateOrderMustBeAPermutation() {
        assertThat(PowerStateTable.validate("Drv", List.of(v2(0, 0), v2(1, kIOPMPowerOn))).count()).isEqualTo(2);
        assertThatThrownBy(() -> PowerStateTable.validate("Drv", List.of(v2(0, 0), v2(0, kIOPMPowerOn))))
                .hasMessage("Drv power state 1: stateOrder 0 is not a unique value in 0..1");
        assertThatThrownBy(() -> PowerStateTable.validate("Drv", List.of(v2(0, 0), v2(5, kIOPMPowerOn))))
                .hasMessage("Drv power state 1: stateOrder 5 is not a unique value in 0..1");
    }

    @Test
    void powerMustAscend() {
        assertThatThrownBy(() -> PowerStateTable.validate("Drv", List.of(ON, OFF)))
                .isInstanceOf(PowerTableException.class)
                .hasMessage("Drv power state 1: power states ascend: state 0 is kIOPMPowerOn but state 1 is not")
                .extracting(e -> ((PowerTableException) e).state()).isEqualTo(1);
        IOPMPowerState hot = new IOPMPowerState(1, 0, 0, 0, 500, 0, 0, 0, 0, 0, 0, 0);
        IOPMPowerState cool = new IOPMPowerState(1, kIOPMPowerOn, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> PowerStateTable.validate("Drv", List.of(hot, cool)))
                .hasMessage("Drv power state 1: power states ascend: staticPower 100 is below state 0's 500");
    }

    @Test
    void scenarioTableErrorsAreJournaled() throws Exception {
        var sim = PowerScenarios.run(List.of(PowerScenarios.publish(0, "IOService:/", "bus"),
                "{\"do\":\"power-register\",\"path\":\"IOService:/bus\",\"states\":[{\"capabilityFlags\":2}]}",
                "{\"do\":\"power-register\",\"path\":\"IOService:/bus\","
                        + "\"states\":[{\"capabilityFlags\":\"kIOPMBogus\"},{}]}"));
        assertThat(sim.journal().stream().filter(e -> e.kind().equals("power.error"))
                .map(e -> e.details().get("reason")))
                .containsExactly("IOService power state array: a power state array needs at least 2 states (has 1) — "
                        + "registerPowerDriver returns kIOReturnBadArgument",
                        "capabilityFlags: unknown flag kIOPMBogus");
    }
}
