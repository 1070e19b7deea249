package dev.ioscope.engine.power;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static dev.ioscope.engine.power.PowerScenarios.action;
import static dev.ioscope.engine.power.PowerScenarios.publish;
import static dev.ioscope.engine.power.PowerScenarios.register;
import static dev.ioscope.engine.power.PowerScenarios.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance: one rule of docs/iokit-rules.md "## Power management" (P-numbers) per test. */
class PowerRulesTest {
    static final String BUS = "IOService:/bus";
    static final String DEV = "IOService:/bus/dev";
    static final String ROOT = "IOService:/IOPMrootDomain";
    static final long SLEEP_AT = 2_000_000_000L;
    static final long WAKE_AT = 3_000_000_000L;

    /** bus (driver desire 0) with dev under it; dev asks for state 2 at 1 ms. */
    static List<String> tree(String devExtra) {
        List<String> a = new ArrayList<>(List.of(publish(0, "IOService:/", "bus"), publish(0, BUS, "dev"),
                register(10_000, BUS, "\"desire\":\"0\""),
                register(10_000, DEV, "\"desire\":\"0\"" + (devExtra.isEmpty() ? "" : "," + devExtra)),
                action(1_000_000, "request", "\"path\":\"" + DEV + "\",\"state\":\"2\"")));
        return a;
    }

    static int index(List<JournalEvent> j, String kind, String entry, Predicate<JournalEvent> more) {
        for (JournalEvent e : j) {
            if (e.kind().equals(kind) && e.entry().equals(entry) && more.test(e)) {
                return (int) e.seq();
            }
        }
        return -1;
    }

    static int index(List<JournalEvent> j, String kind, String entry) {
        return index(j, kind, entry, e -> true);
    }

    static String msg(JournalEvent e) {
        return e.details().get("message");
    }

    static JournalEvent at(List<JournalEvent> j, int i) {
        return j.get(i);
    }

    /** P3: a child's request raises its parent first; the child is held at what the parent supplies until then. */
    @Test
    void parentPowersUpBeforeChild() throws Exception {
        List<JournalEvent> j = run(tree("")).journal();
        int clamp = index(j, "power.clamp", DEV);
        int busUp = index(j, "power.set-power-state", BUS, e -> e.details().get("to").equals("2"));
        int busEnd = index(j, "power.change-end", BUS, e -> e.details().get("state").equals("2"));
        int devUp = index(j, "power.set-power-state", DEV, e -> e.details().get("to").equals("2"));
        assertThat(clamp).isPositive();
        assertThat(at(j, clamp).details()).containsEntry("desired", "2").containsEntry("allowed", "0");
        assertThat(busUp).isGreaterThan(clamp);
        assertThat(busEnd).isGreaterThan(busUp);
        assertThat(devUp).isGreaterThan(busEnd);
    }

    /** P4: while the root domain sleeps it supplies only kIOPMSleep: a request for a powered state is clamped. */
    @Test
    void childDesireIsClampedByParentOutput() throws Exception {
        List<String> a = tree("");
        a.add(action(SLEEP_AT, "sleep", ""));
        a.add(action(SLEEP_AT + 500_000_000L, "request", "\"path\":\"" + DEV + "\",\"state\":\"2\",\"via\":\"priv\""));
        Simulation sim = run(a);
        List<JournalEvent> j = sim.journal();
        int asleep = index(j, "power.system-asleep", "IOService:/IOPMrootDomain");
        int clamp = index(j, "power.clamp", BUS, e -> e.t() >= SLEEP_AT);
        assertThat(clamp).isPositive().isLessThan(asleep);
        assertThat(at(j, clamp).details()).containsEntry("desired", "2").containsEntry("allowed", "0");
        assertThat(j.stream().filter(e -> e.seq() > asleep && e.kind().equals("power.set-power-state"))).isEmpty();
        PowerNode dev = PowerScenarios.pm(sim).node(sim.resolve(DEV));
        assertThat(dev.currentPowerState()).isZero();
        OSDictionary d = (OSDictionary) dev.entry().property("IOPowerManagement");
        assertThat(((OSNumber) d.get("DevicePowerState")).value()).isEqualTo(2);   // the request is kept ...
        assertThat(((OSNumber) d.get("CurrentPowerState")).value()).isZero();      // ... but not granted
    }

    /** P6: setPowerState's return is a budget in µs; no acknowledgeSetPowerState within it → ack time-out. */
    @Test
    void missingAcknowledgementTimesOut() throws Exception {
        List<JournalEvent> j = run(tree("\"setPowerStateUs\":\"150000\",\"ackUs\":\"-1\"")).journal();
        int set = index(j, "power.set-power-state", DEV, e -> e.details().get("to").equals("2"));
        int timeout = index(j, "power.ack-timeout", DEV);
        assertThat(at(j, set).details()).containsEntry("returned", "150000");
        // the ack timer ticks every 100 ms; 150 ms of budget = 150000 / 100000 + 1 = 2 ticks
        assertThat(at(j, timeout).t() - at(j, set).t()).isEqualTo(200_000_000L);
        assertThat(at(j, timeout).details().get("message"))
                .isEqualTo("IOService::setPowerState(IOService:/bus/dev, 0 -> 2) timed out after 200 ms");
        // ackTimerTick marks the tardy driver
        assertThat(run(tree("\"setPowerStateUs\":\"150000\",\"ackUs\":\"-1\"")).resolve(DEV)
                .property("IOPMTardyAckSetPowerState")).isEqualTo(dev.ioscope.engine.os.OSBoolean.TRUE);
        assertThat(index(j, "power.change-end", DEV)).isGreaterThan(timeout);
    }

    /** P6: an acknowledgement after the budget but before the ack timer fires is late, yet completes the change. */
    @Test
    void lateAcknowledgementIsReportedAndAccepted() throws Exception {
        List<JournalEvent> j = run(tree("\"setPowerStateUs\":\"100000\",\"ackUs\":\"150000\"")).journal();
        int set = index(j, "power.set-power-state", DEV, e -> e.details().get("to").equals("2"));
        int ack = index(j, "power.ack", DEV);
        assertThat(at(j, ack).t() - at(j, set).t()).isEqualTo(150_000_000L);
        assertThat(at(j, ack).details()).containsEntry("late", "true").doesNotContainKey("ignored");
        assertThat(index(j, "power.ack-timeout", DEV)).isEqualTo(-1);
    }

    /** P7: the idle timer lowers the device desire one state per period without activity; a tickle restarts it. */
    @Test
    void idleTimerDropsOneStatePerQuietPeriod() throws Exception {
        List<String> a = new ArrayList<>(List.of(publish(0, "IOService:/", "bus"), publish(0, BUS, "dev"),
                register(10_000, BUS, "\"desire\":\"0\""),
                register(10_000, DEV, "\"desire\":\"0\",\"idleTimerPeriodMs\":\"1000\""),
                action(1_000_000, "tickle", "\"path\":\"" + DEV + "\""),
                action(601_000_000, "tickle", "\"path\":\"" + DEV + "\"")));
        Simulation sim = run(a);
        List<JournalEvent> j = sim.journal();
        List<JournalEvent> idle = j.stream().filter(e -> e.kind().equals("power.idle-timer")).toList();
        // the second tickle (at 601 ms) pushes the first drop to 1601 ms; the next comes a period later
        assertThat(idle).extracting(JournalEvent::t).containsExactly(1_601_000_000L, 2_601_000_000L);
        assertThat(idle).extracting(e -> e.details().get("desire")).containsExactly("1", "0");
        assertThat(j.stream().filter(e -> e.kind().equals("power.change-end") && e.entry().equals(DEV))
                .map(e -> e.details().get("state"))).containsExactly("2", "1", "0");
        OSDictionary pmDict = (OSDictionary) sim.resolve(DEV).property("IOPowerManagement");
        assertThat(((OSNumber) pmDict.get("IdleTimerPeriod")).value()).isEqualTo(1000);
        assertThat(((OSNumber) pmDict.get("ActivityTickles")).value()).isEqualTo(2);
    }

    /** P9: CanSystemSleep to every client, then WillSleep; devices go down children first, the root domain last. */
    @Test
    void sleepGoesChildrenFirst() throws Exception {
        List<String> a = tree("");
        a.add(action(SLEEP_AT, "sleep", ""));
        List<JournalEvent> j = run(a).journal();
        int lastCan = -1;
        int firstWill = Integer.MAX_VALUE;
        for (JournalEvent e : j) {
            if ("kIOMessageCanSystemSleep".equals(e.details().get("message")) && e.kind().equals("power.message")) {
                lastCan = (int) e.seq();
            }
            if ("kIOMessageSystemWillSleep".equals(e.details().get("message"))) {
                firstWill = Math.min(firstWill, (int) e.seq());
            }
        }
        assertThat(lastCan).isPositive().isLessThan(firstWill);
        int dev = index(j, "power.set-power-state", DEV, e -> e.details().get("to").equals("0") && e.t() >= SLEEP_AT);
        int bus = index(j, "power.set-power-state", BUS, e -> e.details().get("to").equals("0") && e.t() >= SLEEP_AT);
        int root = index(j, "power.set-power-state", ROOT, e -> e.details().get("to").equals("2"));
        assertThat(firstWill).isLessThan(dev);
        assertThat(dev).isLessThan(bus);
        assertThat(bus).isLessThan(root);
        assertThat(index(j, "power.system-asleep", "IOService:/IOPMrootDomain")).isGreaterThan(root);
    }

    /** P10: wake: WillPowerOn first, the root domain up, then parents before children, HasPoweredOn last. */
    @Test
    void wakeGoesParentsFirst() throws Exception {
        List<String> a = tree("");
        a.add(action(SLEEP_AT, "sleep", ""));
        a.add(action(WAKE_AT, "wake", ""));
        List<JournalEvent> j = run(a).journal();
        int willOn = index(j, "power.message", DEV, e -> msg(e).equals("kIOMessageSystemWillPowerOn"));
        int root = index(j, "power.set-power-state", ROOT, e -> e.details().get("to").equals("3"));
        int bus = index(j, "power.set-power-state", BUS, e -> e.t() >= WAKE_AT);
        int dev = index(j, "power.set-power-state", DEV, e -> e.t() >= WAKE_AT);
        int devEnd = index(j, "power.change-end", DEV, e -> e.t() >= WAKE_AT);
        int hasOn = index(j, "power.message", BUS, e -> msg(e).equals("kIOMessageSystemHasPoweredOn"));
        assertThat(willOn).isPositive().isLessThan(root);
        assertThat(root).isLessThan(bus);
        assertThat(bus).isLessThan(dev);
        assertThat(devEnd).isLessThan(hasOn);
        assertThat(at(j, dev).details()).containsEntry("to", "2");
    }

    /** P11: one veto to kIOMessageCanSystemSleep cancels sleep: WillNotSleep to every client, no device changes. */
    @Test
    void vetoCancelsSleep() throws Exception {
        List<String> a = tree("\"vetoSleep\":\"true\"");
        a.add(action(SLEEP_AT, "sleep", ""));
        Simulation sim = run(a);
        List<JournalEvent> j = sim.journal();
        assertThat(index(j, "power.veto", DEV)).isPositive();
        assertThat(index(j, "power.message", BUS, e -> msg(e).equals("kIOMessageSystemWillNotSleep")))
                .isPositive();
        assertThat(j.stream().filter(e -> e.t() >= SLEEP_AT).map(JournalEvent::kind))
                .doesNotContain("power.set-power-state", "power.system-asleep")
                .contains("power.sleep-cancelled");
        assertThat(j.stream().filter(e -> "kIOMessageSystemWillSleep".equals(e.details().get("message")))).isEmpty();
        assertThat(PowerScenarios.pm(sim).rootDomain().systemState()).isEqualTo(RootDomain.SystemState.AWAKE);
    }

    /** P11: a client that acknowledges kIOMessageSystemWillSleep late delays the root domain's drop. */
    @Test
    void slowSleepAcknowledgementDelaysSleep() throws Exception {
        List<String> a = tree("\"sleepAckUs\":\"5000\"");
        a.add(action(SLEEP_AT, "sleep", ""));
        List<JournalEvent> j = run(a).journal();
        int ack = index(j, "power.client-ack", DEV);
        int rootBegin = index(j, "power.change-begin", "IOService:/IOPMrootDomain", e -> e.t() >= SLEEP_AT);
        assertThat(at(j, ack).t()).isEqualTo(SLEEP_AT + 5_000_000L);
        assertThat(at(j, rootBegin).t()).isEqualTo(SLEEP_AT + 5_000_000L + PowerManager.STEP_NS);
    }

    /** P11: a client that never answers kIOMessageSystemWillSleep holds sleep back only up to the 30 s limit. */
    @Test
    void silentSleepClientTimesOut() throws Exception {
        List<String> a = tree("\"sleepAckUs\":\"90000000\"");
        a.add(action(SLEEP_AT, "sleep", ""));
        List<JournalEvent> j = run(a).journal();
        int timeout = index(j, "power.client-ack-timeout", DEV);
        assertThat(at(j, timeout).t()).isEqualTo(SLEEP_AT + 30_000_000_000L);
        assertThat(at(j, timeout).details().get("reason"))
                .isEqualTo("PM priority notification timeout");
        assertThat(index(j, "power.system-asleep", ROOT)).isGreaterThan(timeout);
    }

    /** P8: interested drivers hear powerStateWillChangeTo before setPowerState and powerStateDidChangeTo after. */
    @Test
    void interestedDriversBracketTheChange() throws Exception {
        List<JournalEvent> j = run(tree("\"interested\":\"Watcher\"")).journal();
        int will = index(j, "power.will-change", DEV);
        int set = index(j, "power.set-power-state", DEV, e -> e.details().get("to").equals("2"));
        int did = index(j, "power.did-change", DEV);
        assertThat(will).isPositive().isLessThan(set);
        assertThat(did).isGreaterThan(set);
        assertThat(at(j, will).details()).containsEntry("driver", "Watcher").containsEntry("to", "2");
    }

    /** P8: an interested driver that asks for time and never acknowledges holds the change until its ack timer. */
    @Test
    void silentInterestedDriverTimesOut() throws Exception {
        List<JournalEvent> j = run(tree("\"interested\":\"Slow:250000:-1,Quick:50000:20000\"")).journal();
        int will = index(j, "power.will-change", DEV, e -> e.details().get("driver").equals("Slow"));
        int quick = index(j, "power.interest-ack", DEV);
        int timeout = index(j, "power.interest-timeout", DEV);
        int set = index(j, "power.set-power-state", DEV, e -> e.details().get("to").equals("2"));
        assertThat(at(j, will).details()).containsEntry("returned", "250000");
        assertThat(at(j, quick).details()).containsEntry("driver", "Quick").containsEntry("late", "false");
        assertThat(at(j, quick).t() - at(j, will).t()).isEqualTo(20_000_000L);
        // 250 ms asked: 250000 / 100000 + 1 = 3 ticks of the 100 ms ack timer
        assertThat(at(j, timeout).t() - at(j, will).t()).isEqualTo(300_000_000L);
        assertThat(at(j, timeout).details().get("message"))
                .isEqualTo("Slow::powerStateWillChangeTo(Slow, IOService:/bus/dev, 0 -> 2) timed out after 300 ms");
        assertThat(set).isGreaterThan(timeout);
    }

    /** P2: the IOPower plane links parent and child through IOPowerConnection entries, as a real registry does. */
    @Test
    void powerPlaneHasConnectionsAndRealShapedProperties() throws Exception {
        Simulation sim = run(tree(""));
        IORegistryPlane power = sim.registry().plane("IOPower");
        IORegistryEntry rootParent = sim.registry().root().children(power).get(0);
        assertThat(rootParent.className()).isEqualTo("IORootParent");
        IORegistryEntry conn = rootParent.children(power).get(0);
        assertThat(conn.className()).isEqualTo("IOPowerConnection");
        IORegistryEntry rd = conn.children(power).get(0);
        assertThat(rd.className()).isEqualTo("IOPMrootDomain");
        IORegistryEntry busConn = rd.children(power).get(0);
        assertThat(busConn.className()).isEqualTo("IOPowerConnection");
        IORegistryEntry bus = busConn.children(power).get(0);
        assertThat(bus).isSameAs(sim.resolve(BUS));
        assertThat(bus.children(power).get(0).children(power).get(0)).isSameAs(sim.resolve(DEV));
        // the real MacBookPro15,1 IOPMrootDomain: CapabilityFlags=2 (kIOPMPowerOn), CurrentPowerState=3,
        // MaxPowerState=3
        OSDictionary pmDict = (OSDictionary) rd.property("IOPowerManagement");
        assertThat(((OSNumber) pmDict.get("CapabilityFlags")).value()).isEqualTo(2);
        assertThat(((OSNumber) pmDict.get("CurrentPowerState")).value()).isEqualTo(3);
        assertThat(((OSNumber) pmDict.get("MaxPowerState")).value()).isEqualTo(3);
        OSDictionary devDict = (OSDictionary) sim.resolve(DEV).property("IOPowerManagement");
        assertThat(devDict.keys()).containsExactly("CapabilityFlags", "ChildrenPowerState", "CurrentPowerState",
                "DriverPowerState", "MaxPowerState");
        assertThat(((OSNumber) devDict.get("CapabilityFlags")).value())
                .isEqualTo(IOPMPowerFlags.kIOPMPowerOn | IOPMPowerFlags.kIOPMDeviceUsable);
        OSDictionary busDict = (OSDictionary) bus.property("IOPowerManagement");
        assertThat(((OSNumber) busDict.get("ChildrenPowerState")).value()).isEqualTo(2);
    }

    /** P2: PMstop takes the service out of the power tree: its IOPowerConnection goes, the parent may lower. */
    @Test
    void pmStopLeavesTheTree() throws Exception {
        List<String> a = tree("");
        a.add(action(5_000_000_000L, "power-stop", "\"path\":\"" + DEV + "\""));
        Simulation sim = run(a);
        IORegistryPlane power = sim.registry().plane("IOPower");
        IORegistryEntry bus = sim.resolve(BUS);
        assertThat(bus.children(power)).isEmpty();
        assertThat(sim.resolve(DEV).property("IOPowerManagement")).isNull();
        assertThat(PowerScenarios.pm(sim).node(bus).currentPowerState()).isZero();
    }

    /** P5/P12: a bad action is journaled as power.error and the run goes on. */
    @Test
    void badActionsAreJournaled() throws Exception {
        List<String> a = tree("");
        a.add(action(5_000_000, "request", "\"path\":\"" + DEV + "\",\"state\":\"7\""));
        a.add(action(5_000_000, "tickle", "\"path\":\"IOService:/nothing\""));
        List<JournalEvent> j = run(a).journal();
        List<String> reasons = j.stream().filter(e -> e.kind().equals("power.error"))
                .map(e -> e.details().get("reason")).toList();
        assertThat(reasons).containsExactly("IOService:/bus/dev: power state 7 is not in 0..2",
                "no entry at IOService:/nothing");
    }
}
