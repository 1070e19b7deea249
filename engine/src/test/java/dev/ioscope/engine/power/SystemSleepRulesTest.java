package dev.ioscope.engine.power;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Simulation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ioscope.engine.power.PowerRulesTest.BUS;
import static dev.ioscope.engine.power.PowerRulesTest.DEV;
import static dev.ioscope.engine.power.PowerRulesTest.ROOT;
import static dev.ioscope.engine.power.PowerRulesTest.SLEEP_AT;
import static dev.ioscope.engine.power.PowerRulesTest.WAKE_AT;
import static dev.ioscope.engine.power.PowerRulesTest.at;
import static dev.ioscope.engine.power.PowerRulesTest.index;
import static dev.ioscope.engine.power.PowerRulesTest.tree;
import static dev.ioscope.engine.power.PowerScenarios.action;
import static dev.ioscope.engine.power.PowerScenarios.run;
import static org.assertj.core.api.Assertions.assertThat;

/** PM13–PM17: system sleep and wake through the root domain (IOPMrootDomain.cpp, IOServicePM.cpp). */
class SystemSleepRulesTest {
    static String client(String name, String interest, String extra) {
        return action(5_000, "sleep-interest", "\"client\":\"" + name + "\",\"interest\":\"" + interest + "\""
                + (extra.isEmpty() ? "" : "," + extra));
    }

    /** The tree of PowerRulesTest with one client of each interest (a kernel one registered by the bus). */
    static List<String> withClients(String appExtra, String... more) {
        List<String> a = tree("");
        a.add(client("Prio", "priority", "\"path\":\"" + BUS + "\""));
        a.add(client("App", "app", appExtra));
        a.add(client("Kext", "general", ""));
        a.addAll(List.of(more));
        return a;
    }

    /** "message client" pairs of the power.message events, in journal order. */
    static List<String> messages(List<JournalEvent> j) {
        return j.stream().filter(e -> e.kind().id().equals("power.message"))
                .map(e -> e.details().get("message").replace("kIOMessage", "") + " " + e.details().get("client"))
                .toList();
    }

    @Test
    @DisplayName("PM13: sleep/wake messages go to registered clients only — a power-managed service that did not "
            + "register hears none")
    void onlyRegisteredClientsHearSleep() throws Exception {
        List<JournalEvent> j = run(withClients("", action(SLEEP_AT, "sleep", ""))).journal();
        assertThat(j.stream().filter(e -> e.kind().id().equals("power.message")).map(JournalEvent::entry))
                .containsOnly(BUS, ROOT).doesNotContain(DEV);
        assertThat(messages(j)).contains("SystemWillSleep Prio", "SystemWillSleep App", "SystemWillSleep Kext");
    }

    @Test
    @DisplayName("PM15: idle sleep: CanSystemSleep to application and general clients, WillSleep to them, then "
            + "WillSleep to priority clients, then the tree goes down leaves first and the root domain last")
    void idleSleepOrder() throws Exception {
        List<JournalEvent> j = run(withClients("", action(SLEEP_AT, "sleep", "\"reason\":\"idle\""))).journal();
        assertThat(messages(j)).containsExactly("CanSystemSleep App", "CanSystemSleep Kext", "SystemWillSleep App",
                "SystemWillSleep Kext", "SystemWillSleep Prio");
        int lastMessage = index(j, "power.message", BUS);
        int dev = index(j, "power.set-power-state", DEV, e -> e.t() >= SLEEP_AT);
        int bus = index(j, "power.set-power-state", BUS, e -> e.t() >= SLEEP_AT);
        int root = index(j, "power.set-power-state", ROOT, e -> e.details().get("to").equals("2"));
        assertThat(lastMessage).isLessThan(dev);
        assertThat(dev).isLessThan(bus);
        assertThat(bus).isLessThan(root);
        assertThat(index(j, "power.system-asleep", ROOT)).isGreaterThan(root);
        assertThat(at(j, index(j, "power.system-sleep", ROOT)).details()).containsEntry("reason", "idle")
                .containsEntry("value", "105");
    }

    @Test
    @DisplayName("PM14: only idle sleep asks: a veto to kIOMessageCanSystemSleep cancels it with "
            + "kIOMessageSystemWillNotSleep, and no device changes")
    void vetoCancelsIdleSleep() throws Exception {
        Simulation sim = run(withClients("\"veto\":\"true\"", action(SLEEP_AT, "sleep", "\"reason\":\"idle\"")));
        List<JournalEvent> j = sim.journal();
        assertThat(messages(j)).containsExactly("CanSystemSleep App", "CanSystemSleep Kext",
                "SystemWillNotSleep App", "SystemWillNotSleep Kext");
        assertThat(at(j, index(j, "power.veto", ROOT)).details()).containsEntry("client", "App");
        assertThat(j.stream().filter(e -> e.t() >= SLEEP_AT).map(je -> je.kind().id()))
                .doesNotContain("power.set-power-state", "power.system-asleep").contains("power.sleep-cancelled");
        assertThat(PowerScenarios.pm(sim).rootDomain().systemState()).isEqualTo(RootDomain.SystemState.AWAKE);
    }

    @Test
    @DisplayName("PM14: a user- or clamshell-requested sleep is a demand sleep: no kIOMessageCanSystemSleep, "
            + "a would-be veto changes nothing")
    void demandSleepCannotBeVetoed() throws Exception {
        for (String reason : List.of("user", "clamshell")) {
            Simulation sim = run(withClients("\"veto\":\"true\"",
                    action(SLEEP_AT, "sleep", "\"reason\":\"" + reason + "\"")));
            List<JournalEvent> j = sim.journal();
            assertThat(messages(j)).as(reason).containsExactly("SystemWillSleep App", "SystemWillSleep Kext",
                    "SystemWillSleep Prio");
            assertThat(j.stream().map(je -> je.kind().id())).as(reason).doesNotContain("power.veto")
                    .contains("power.system-asleep");
        }
    }

    @Test
    @DisplayName("PM15: a late acknowledgement of kIOMessageSystemWillSleep delays the next phase; a silent "
            + "client is waited for 30 s (kWillSleepMaxTimeReq), then counts as approving")
    void slowAndSilentClients() throws Exception {
        List<JournalEvent> j = run(withClients("\"ackUs\":\"5000\"", action(SLEEP_AT, "sleep", ""))).journal();
        int ack = index(j, "power.client-ack", ROOT);
        int prio = index(j, "power.message", BUS, e -> e.t() >= SLEEP_AT);
        assertThat(at(j, ack).t()).isEqualTo(SLEEP_AT + 5_000_000L);
        assertThat(at(j, prio).t()).isEqualTo(SLEEP_AT + 5_000_000L + PowerManager.STEP_NS);
        List<JournalEvent> silent = run(withClients("\"ackUs\":\"90000000\"", action(SLEEP_AT, "sleep", "")))
                .journal();
        int timeout = index(silent, "power.client-ack-timeout", ROOT);
        assertThat(at(silent, timeout).t()).isEqualTo(SLEEP_AT + 30_000_000_000L);
        assertThat(index(silent, "power.system-asleep", ROOT)).isGreaterThan(timeout);
    }

    @Test
    @DisplayName("PM16: a driver assertion (kIOPMDriverAssertionPreventSystemIdleSleepBit) holds off idle sleep "
            + "but not a user sleep; released, idle sleep goes ahead")
    void assertionsPreventIdleSleepOnly() throws Exception {
        List<String> a = withClients("",
                action(1_000_000_000L, "assertion-create", "\"id\":\"a1\",\"path\":\"" + DEV + "\""),
                action(SLEEP_AT, "sleep", "\"reason\":\"idle\""),
                action(SLEEP_AT + 100_000_000L, "assertion-release", "\"id\":\"a1\""),
                action(SLEEP_AT + 200_000_000L, "sleep", "\"reason\":\"idle\""));
        List<JournalEvent> j = run(a).journal();
        int prevented = index(j, "power.sleep-prevented", ROOT);
        assertThat(at(j, prevented).t()).isEqualTo(SLEEP_AT);
        assertThat(at(j, prevented).details()).containsEntry("first", "a1").containsEntry("owner", DEV);
        assertThat(index(j, "power.message", ROOT, e -> e.t() >= SLEEP_AT)).isGreaterThan(prevented);
        assertThat(at(j, index(j, "power.message", ROOT, e -> e.t() >= SLEEP_AT)).t())
                .isEqualTo(SLEEP_AT + 200_000_000L);
        assertThat(at(j, index(j, "power.request", ROOT, e -> "driver".equals(e.details().get("client"))))
                .details()).containsEntry("state", "3");
        List<String> user = new ArrayList<>(tree(""));
        user.add(action(1_000_000_000L, "assertion-create", "\"id\":\"a1\",\"path\":\"" + DEV
                + "\",\"bits\":\"kIOPMDriverAssertionCPUBit\""));
        user.add(action(SLEEP_AT, "sleep", "\"reason\":\"user\""));
        List<JournalEvent> u = run(user).journal();
        assertThat(u.stream().map(je -> je.kind().id())).contains("power.system-asleep")
                .doesNotContain("power.sleep-prevented");
    }

    @Test
    @DisplayName("PM17: wake: WillPowerOn to priority, application and general clients, the root domain up, "
            + "parents before children, HasPoweredOn once the tree has settled")
    void wakeOrder() throws Exception {
        List<JournalEvent> j = run(withClients("", action(SLEEP_AT, "sleep", ""), action(WAKE_AT, "wake", "")))
                .journal();
        List<JournalEvent> w = j.stream().filter(e -> e.t() >= WAKE_AT).toList();
        assertThat(messages(w)).containsExactly("SystemWillPowerOn Prio", "SystemWillPowerOn App",
                "SystemWillPowerOn Kext", "SystemHasPoweredOn Prio", "SystemHasPoweredOn App",
                "SystemHasPoweredOn Kext");
        int willOn = index(j, "power.message", BUS, e -> e.t() >= WAKE_AT);
        int root = index(j, "power.set-power-state", ROOT, e -> e.details().get("to").equals("3"));
        int bus = index(j, "power.set-power-state", BUS, e -> e.t() >= WAKE_AT);
        int dev = index(j, "power.set-power-state", DEV, e -> e.t() >= WAKE_AT);
        int devEnd = index(j, "power.change-end", DEV, e -> e.t() >= WAKE_AT);
        int hasOn = index(j, "power.message", BUS, e -> e.t() >= WAKE_AT
                && e.details().get("message").equals("kIOMessageSystemHasPoweredOn"));
        assertThat(willOn).isLessThan(root);
        assertThat(root).isLessThan(bus);
        assertThat(bus).isLessThan(dev);
        assertThat(devEnd).isLessThan(hasOn);
        assertThat(at(j, dev).details()).containsEntry("to", "2");
    }
}
