package dev.ioscope.plugins.sensors;

import dev.ioscope.engine.machine.Machine;
import dev.ioscope.engine.machine.MachineReader;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.power.PowerManager;
import dev.ioscope.engine.power.SleepReason;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.report.IOReportHub;
import dev.ioscope.engine.report.IOReportSample;
import dev.ioscope.engine.report.IOReportSubscription;
import dev.ioscope.engine.report.ReportChannel;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.userclient.UserClientAction;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.SimulationAccess;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.plugins.platform.PlatformFamily;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenario: the SMC boots under the platform expert, answers key reads through AppleSMCClient selector 2. */
class SensorsFamilyTest {
    static final String MACHINE = """
            {"platform": {"type": "platform", "cpus": 1, "children": [{"type": "smc", "fans": 2}]}}""";

    record Booted(Machine machine, SensorsFamily family) {
        AppleSMC smc() {
            return family.controllers().get(0);
        }
    }

    static Booted boot(String json) throws SnapshotException {
        SensorsFamily sensors = new SensorsFamily();
        Machine m = Machine.boot(MachineReader.read(json.getBytes(StandardCharsets.UTF_8), "smc.json"),
                Contributions.of(List.of(new PlatformFamily(), sensors)));
        return new Booted(m, sensors);
    }

    /** Runs scenario actions on the booted machine (at now + at) and returns the userclient.call events. */
    static List<JournalEvent> scenario(Machine m, List<Scenario.Action> actions) {
        int from = m.simulation().journalSize();
        for (Scenario.Action a : actions) {
            SimulationAccess.schedule(m.simulation(), a.at(m.simulation().scheduler().now() + a.at()));
        }
        m.runUntilQuiet();
        return m.simulation().journalFrom(from).stream().filter(e -> e.kind().id().startsWith("userclient.")
                || e.kind().id().equals("scenario.error")).toList();
    }

    static Scenario.Action open(String path) {
        return new Scenario.Action(0, new UserClientAction.Open(path, null, "smc"));
    }

    static Scenario.Action call(long at, String selector, String struct) {
        return new Scenario.Action(at, new UserClientAction.Call("smc", null, JsonValue.of(selector), null, struct,
                null, null, null, null));
    }

    static Scenario.Action readKey(long at, String key, int size) {
        return call(at, "2", HexFormat.of().formatHex(SmcParamStruct.request(key, SmcParamStruct.kSMCReadKey, size,
                0)));
    }

    static ByteBuffer out(JournalEvent call) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(call.details().get("structOutput")))
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void theSmcMatchesItsAcpiNubAndOffersItsUserClient() throws Exception {
        Booted b = boot(MACHINE);
        IORegistryEntry smc = b.smc().entry();
        assertThat(smc.className()).isEqualTo("AppleSMC");
        assertThat(smc.property("IOUserClientClass")).isEqualTo(OSString.of("AppleSMCClient"));
        assertThat(b.machine().problems()).isEmpty();
        // #KEY, FNum, F0Ac, F0Mn, F1Ac, F1Mn, TA0P, TC0P
        assertThat(b.smc().keys().keys()).extracting(SmcKeys.KeyInfo::key)
                .containsExactly("#KEY", "FNum", "F0Ac", "F0Mn", "F1Ac", "F1Mn", "TA0P", "TC0P");
    }

    @Test
    void aScenarioReadsKeysThroughSelector2() throws Exception {
        Booted b = boot(MACHINE);
        String path = b.machine().simulation().path(b.smc().entry());
        List<JournalEvent> ev = scenario(b.machine(), List.of(
                open(path),
                call(0, "2", HexFormat.of().formatHex(SmcParamStruct.request("TC0P", SmcParamStruct.kSMCGetKeyInfo,
                        0, 0))),
                readKey(0, "TC0P", 2),
                readKey(0, "FNum", 1),
                readKey(0, "XXXX", 2),
                new Scenario.Action(0, new UserClientAction.Close("smc"))));
        assertThat(ev).extracting(je -> je.kind().id()).containsExactly("userclient.open", "userclient.call",
                "userclient.call", "userclient.call", "userclient.call", "userclient.close");
        assertThat(ev.get(0).details().get("result")).isEqualTo("kIOReturnSuccess");
        ByteBuffer info = out(ev.get(1));
        assertThat(info.getInt(SmcParamStruct.KEY_INFO_SIZE)).isEqualTo(2);
        assertThat(SmcKeys.fourCC(info.getInt(SmcParamStruct.KEY_INFO_TYPE))).isEqualTo("sp78");
        ByteBuffer temp = out(ev.get(2));
        assertThat(ev.get(2).details().get("result")).isEqualTo("kIOReturnSuccess");
        assertThat(temp.get(SmcParamStruct.RESULT)).isEqualTo((byte) SmcParamStruct.kSMCSuccess);
        // sp78 big-endian in bytes[]: the temperature at the call's virtual time, between 44.5 and 70.5 °C
        int sp78 = (temp.get(SmcParamStruct.BYTES) & 0xff) << 8 | temp.get(SmcParamStruct.BYTES + 1) & 0xff;
        assertThat(sp78).isEqualTo((int) b.smc().keys().cpuTemp256(ev.get(2).t()));
        assertThat(sp78 / 256.0).isBetween(44.5, 70.5);
        assertThat(out(ev.get(3)).get(SmcParamStruct.BYTES)).isEqualTo((byte) 2);            // FNum = 2 fans
        assertThat(out(ev.get(4)).get(SmcParamStruct.RESULT) & 0xff).isEqualTo(SmcParamStruct.kSMCKeyNotFound);
    }

    @Test
    void valuesEvolveOnVirtualTime() throws Exception {
        SmcKeys k = new SmcKeys(2, 25);
        // by hand: t = 0 → 45 °C - 0.5 wobble = 11392/256; t = 1 s → +250/256 warm-up, wobble back to -0.5
        assertThat(k.cpuTemp256(0)).isEqualTo(45 * 256 - 128);
        assertThat(k.cpuTemp256(500_000_000L)).isEqualTo(45 * 256 + 125 + 128);
        assertThat(k.cpuTemp256(1_000_000_000L)).isEqualTo(45 * 256 + 250 - 128);
        // after ~30 s the warm-up is capped at +25 °C and the fans have spun up (70 °C-ish → 1200 + 20·200 rpm)
        long hot = 60_000_000_000L;
        assertThat(k.cpuTemp256(hot)).isEqualTo(70 * 256 - 128);
        assertThat(k.fanRpm(0, hot)).isEqualTo(1200 + (20 * 256 - 128) * 200 / 256);
        assertThat(k.fanRpm(1, hot)).isEqualTo(k.fanRpm(0, hot) + 37);
        assertThat(k.read("F0Ac", hot)).containsExactly((byte) ((k.fanRpm(0, hot) * 4) >> 8),
                (byte) (k.fanRpm(0, hot) * 4));

        // through the user client: a read 20 s later answers a hotter CPU
        Booted b = boot(MACHINE);
        String path = b.machine().simulation().path(b.smc().entry());
        List<JournalEvent> ev = scenario(b.machine(), List.of(open(path),
                readKey(0, "TC0P", 2), readKey(20_000_000_000L, "TC0P", 2), readKey(20_000_000_000L, "F0Ac", 2)));
        int early = out(ev.get(1)).getShort(SmcParamStruct.BYTES) ;
        assertThat(Short.reverseBytes((short) early) < Short.reverseBytes(out(ev.get(2)).getShort(
                SmcParamStruct.BYTES))).isTrue();
        int fpe2 = Short.toUnsignedInt(Short.reverseBytes(out(ev.get(3)).getShort(SmcParamStruct.BYTES)));
        assertThat(fpe2 / 4).isEqualTo((int) k.fanRpm(0, ev.get(3).t())).isGreaterThan(1200);
    }

    @Test
    void twoRunsGiveTheSameAnswers() throws Exception {
        assertThat(run()).isEqualTo(run());
    }

    private static List<String> run() throws Exception {
        Booted b = boot(MACHINE);
        String path = b.machine().simulation().path(b.smc().entry());
        List<Scenario.Action> actions = new ArrayList<>(List.of(open(path)));
        for (int i = 0; i < 10; i++) {
            actions.add(readKey(i * 777_000_000L, i % 2 == 0 ? "TC0P" : "F1Ac", 2));
        }
        return scenario(b.machine(), actions).stream().map(e -> e.t() + " " + e.details()).toList();
    }

    @Test
    void thePowerStateChannelFollowsSleepAndWake() throws Exception {
        Booted b = boot(MACHINE);
        Machine m = b.machine();
        PowerManager pm = m.simulation().extension(PowerManager.class);
        assertThat(pm.node(b.smc().entry())).isNotNull();
        List<ReportChannel> chans = IOReportSubscription.copyChannelsInGroup(hub(b), AppleSMC.GROUP,
                null);
        assertThat(chans).singleElement().extracting(ReportChannel::name).isEqualTo("SMC Power State");
        ReportChannel ch = chans.get(0);
        try (IOReportSubscription sub = IOReportSubscription.create(hub(b), chans,
                () -> m.simulation().scheduler().now())) {
            IOReportSample s0 = sub.sample();
            assertThat(s0.stateCount(ch)).isEqualTo(3);
            pm.rootDomain().sleep(SleepReason.SOFTWARE);
            m.runUntilQuiet();
            assertThat(pm.node(b.smc().entry()).currentPowerState()).isZero();
            pm.rootDomain().wake();
            m.runUntilQuiet();
            IOReportSample d = IOReportSubscription.delta(s0, sub.sample());
            assertThat(d.stateInTransitions(ch, 0)).isEqualTo(1);      // ON → OFF once
            assertThat(d.stateInTransitions(ch, 2)).isEqualTo(1);      // and back ON
        }
    }

    @Test
    void aBadFanCountIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> boot(MACHINE.replace("\"fans\": 2", "\"fans\": 12")))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("fans");
    }

    private static IOReportHub hub(Booted b) {
        return b.machine().simulation().reportHub();
    }
}
