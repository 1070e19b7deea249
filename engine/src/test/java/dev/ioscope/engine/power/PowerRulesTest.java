package dev.ioscope.engine.power;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Simulation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static dev.ioscope.engine.power.PowerScenarios.action;
import static dev.ioscope.engine.power.PowerScenarios.publish;
import static dev.ioscope.engine.power.PowerScenarios.register;
import static dev.ioscope.engine.power.PowerScenarios.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance: rules of docs/iokit-rules.md "## Power management" (PM ids in each @DisplayName). */
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
            if (e.kind().id().equals(kind) && e.entry().equals(entry) && more.test(e)) {
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

    static List<JournalEvent> after(List<JournalEvent> j, long t) {
        return j.stream().filter(e -> e.t() >= t).toList();
    }

    static List<String> states(List<JournalEvent> j, String kind, String entry, String key) {
        return j.stream().filter(e -> e.kind().id().equals(kind) && e.entry().equals(entry))
                .map(e -> e.details().get(key)).toList();
    }

    @Test
    @DisplayName("PM3: a child's request raises its parent first; the child waits at what the parent supplies")
    void parentPowersUpBeforeChild() throws Exception {
        List<JournalEvent> j = run(tree("")).journal();
        int clamp = index(j, "power.clamp", DEV, e -> e.t() >= 1_000_000);
        int busUp = index(j, "power.set-power-state", BUS, e -> e.t() >= 1_000_000);
        int busEnd = index(j, "power.change-end", BUS, e -> e.t() >= 1_000_000);
        int devUp = index(j, "power.set-power-state", DEV, e -> e.details().get("to").equals("2"));
        assertThat(clamp).isPositive();
        assertThat(at(j, clamp).details()).containsEntry("desired", "2").containsEntry("allowed", "0");
        assertThat(at(j, busUp).details()).containsEntry("from", "0").containsEntry("to", "2");
        assertThat(busUp).isGreaterThan(clamp);
        assertThat(busEnd).isGreaterThan(busUp);
        assertThat(devUp).isGreaterThan(busEnd);
    }

    @Test
    @DisplayName("PM18: while the root domain sleeps it supplies only kIOPMSleep: a request is kept but clamped")
    void childDesireIsClampedByParentOutput() throws Exception {
        List<String> a = tree("");
        a.add(action(SLEEP_AT, "sleep", ""));
        a.add(action(SLEEP_AT + 500_000_000L, "request", "\"path\":\"" + DEV + "\",\"state\":\"2\",\"via\":\"priv\""));
        Simulation sim = run(a);
        List<JournalEvent> j = sim.journal();
        int asleep = index(j, "power.system-asleep", ROOT);
        int clamp = index(j, "power.clamp", BUS, e -> e.t() >= SLEEP_AT);
        assertThat(clamp).isPositive().isLessThan(asleep);
        assertThat(at(j, clamp).details()).containsEntry("desired", "2").containsEntry("allowed", "0");
        assertThat(j.stream().filter(e -> e.seq() > asleep && e.kind().id().equals("power.set-power-state"))).isEmpty();
        PowerNode dev = PowerScenarios.pm(sim).node(sim.resolve(DEV));
        assertThat(dev.currentPowerState()).isZero();
        OSDictionary d = (OSDictionary) dev.entry().property("IOPowerManagement");
        assertThat(((OSNumber) d.get("DevicePowerState")).value()).isEqualTo(2);   // the request is kept ...
        assertThat(((OSNumber) d.get("CurrentPowerState")).value()).isZero();      // ... but not granted
    }

    @Test
    @DisplayName("PM6: the initial power change always happens, to the highest state the parent powers, "
            + "before a request made with registerPowerDriver takes effect")
    void initialPowerChangeComesFirst() throws Exception {
        List<JournalEvent> j = run(List.of(publish(0, "IOService:/", "bus"),
                register(10_000, BUS, "\"desire\":\"1\""))).journal();
        // registerPowerDriver: 0 -> 2 (initialPowerStateForDomainState of the root domain's kIOPMPowerOn), and
        // only then changePowerStateTo(1)
        assertThat(states(j, "power.set-power-state", BUS, "to")).containsExactly("2", "1");
        assertThat(index(j, "power.change-begin", BUS)).isEqualTo(
                index(j, "power.change-begin", BUS, e -> "true".equals(e.details().get("initial"))));
        int request = index(j, "power.request", BUS);
        int initialSet = index(j, "power.set-power-state", BUS);
        assertThat(request).isLessThan(initialSet);   // asked during the initial change, served after it
    }

    @Test
    @DisplayName("PM6: the initial change happens even to the state the service is in (setPowerState 0 -> 0), "
            + "and a kIOPMInitialDeviceState target skips setPowerState")
    void initialChangeIsNeverRedundant() throws Exception {
        String offOnly = "[{\"capabilityFlags\":0},{\"capabilityFlags\":\"kIOPMPowerOn\","
                + "\"inputPowerRequirement\":\"kIOPMPowerOn|kIOPMRestart|0x100000\"}]";
        String initialOn = "[{\"capabilityFlags\":0},{\"capabilityFlags\":\"kIOPMPowerOn|kIOPMInitialDeviceState\","
                + "\"inputPowerRequirement\":\"kIOPMPowerOn\"}]";
        List<JournalEvent> j = run(List.of(publish(0, "IOService:/", "a"), publish(0, "IOService:/", "b"),
                "{\"at\":10000,\"do\":\"power-register\",\"path\":\"IOService:/a\",\"states\":" + offOnly + "}",
                "{\"at\":10000,\"do\":\"power-register\",\"path\":\"IOService:/b\",\"states\":" + initialOn
                        + "}")).journal();
        // a's state 1 needs a bit the root domain never supplies: the initial change is 0 -> 0, still made
        JournalEvent a = j.get(index(j, "power.set-power-state", "IOService:/a"));
        assertThat(a.details()).containsEntry("from", "0").containsEntry("to", "0").doesNotContainKey("skipped");
        JournalEvent b = j.get(index(j, "power.set-power-state", "IOService:/b"));
        assertThat(b.details()).containsEntry("to", "1").containsEntry("skipped", "kIOPMInitialDeviceState");
    }

    @Test
    @DisplayName("PM5: the desire is the highest power client's; a parent that asks for nothing follows its "
            + "children down")
    void parentThatAsksForNothingFollowsItsChildren() throws Exception {
        List<String> a = new ArrayList<>(List.of(publish(0, "IOService:/", "bus"), publish(0, BUS, "dev"),
                "{\"at\":10000,\"do\":\"power-register\",\"path\":\"" + BUS + "\",\"states\":"
                        + PowerScenarios.DEVICE + "}",
                register(10_000, DEV, "\"desire\":\"2\""),
                action(1_000_000_000L, "request", "\"path\":\"" + DEV + "\",\"state\":\"0\"")));
        Simulation sim = run(a);
        List<JournalEvent> j = sim.journal();
        // the bus (no request of its own) is held at 2 by its child, and goes to 0 when the child does
        assertThat(states(after(j, 1_000_000_000L), "power.change-end", BUS, "state")).containsExactly("0");
        int devDown = index(j, "power.change-end", DEV, e -> e.t() >= 1_000_000_000L);
        int busDown = index(j, "power.change-begin", BUS, e -> e.t() >= 1_000_000_000L);
        assertThat(devDown).isLessThan(busDown);
        OSDictionary d = (OSDictionary) sim.resolve(BUS).property("IOPowerManagement");
        assertThat(d.get("DriverPowerState")).isNull();
        assertThat(((OSNumber) d.get("ChildrenPowerState")).value()).isZero();
    }

    @Test
    @DisplayName("PM4: lowering, the parent tells its interested drivers first, then its children change down, "
            + "then its own setPowerState")
    void powerDownOrder() throws Exception {
        List<String> a = new ArrayList<>(List.of(publish(0, "IOService:/", "bus"), publish(0, BUS, "dev"),
                register(10_000, BUS, "\"desire\":\"2\",\"interested\":\"BusWatcher\""),
                register(10_000, DEV, "\"desire\":\"2\",\"interested\":\"DevWatcher\""),
                action(1_000_000_000L, "power-override", "\"path\":\"" + BUS + "\",\"on\":\"true\"")));
        List<JournalEvent> j = after(run(a).journal(), 1_000_000_000L);
        List<String> seq = j.stream().filter(e -> e.kind().id().equals("power.will-change")
                        || e.kind().id().equals("power.did-change") || e.kind().id().equals("power.set-power-state"))
                .map(e -> e.kind().id().substring(6) + " " + e.entry().substring(e.entry().lastIndexOf('/') + 1))
                .toList();
        assertThat(seq).containsExactly("will-change bus", "will-change dev", "set-power-state dev",
                "did-change dev", "set-power-state bus", "did-change bus");
    }

    @Test
    @DisplayName("PM8: a parent rising never forces a child down; a child follows up only as far as it wants")
    void parentRisingNeverLowersAChild() throws Exception {
        // the bus powers its children (kIOPMPowerOn) in both of its on states
        String busStates = "[{\"capabilityFlags\":0},{\"capabilityFlags\":\"kIOPMPowerOn\",\"outputPowerCharacter\":"
                + "\"kIOPMPowerOn\",\"inputPowerRequirement\":\"kIOPMPowerOn\"},{\"capabilityFlags\":\"kIOPMPowerOn\","
                + "\"outputPowerCharacter\":\"kIOPMPowerOn\",\"inputPowerRequirement\":\"kIOPMPowerOn\"}]";
        List<String> a = new ArrayList<>(List.of(publish(0, "IOService:/", "bus"), publish(0, BUS, "dev"),
                "{\"at\":10000,\"do\":\"power-register\",\"path\":\"" + BUS + "\",\"desire\":1,\"states\":"
                        + busStates + "}",
                "{\"at\":1000000000,\"do\":\"power-register\",\"path\":\"" + DEV + "\",\"states\":"
                        + PowerScenarios.DEVICE + "}",
                action(2_000_000_000L, "request", "\"path\":\"" + BUS + "\",\"state\":\"2\"")));
        Simulation sim = run(a);
        List<JournalEvent> j = sim.journal();
        // dev's initial change takes it to 2 (no request of its own: desire 0, yet nothing lowers it)
        assertThat(states(j, "power.change-end", DEV, "state")).containsExactly("2");
        assertThat(states(after(j, 2_000_000_000L), "power.change-end", BUS, "state")).containsExactly("2");
        assertThat(PowerScenarios.pm(sim).node(sim.resolve(DEV)).currentPowerState()).isEqualTo(2);
    }

    @Test
    @DisplayName("PM2: the IOPower plane links parent and child through IOPowerConnection entries, as a real "
            + "registry does")
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

    @Test
    @DisplayName("PM2: PMstop takes the service out of the power tree: its IOPowerConnection goes, the parent "
            + "may lower")
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

    @Test
    @DisplayName("PM19: a bad power action is journaled as power.error and the run goes on")
    void badActionsAreJournaled() throws Exception {
        List<String> a = tree("");
        a.add(action(5_000_000, "request", "\"path\":\"" + DEV + "\",\"state\":\"-1\""));
        a.add(action(5_000_000, "tickle", "\"path\":\"IOService:/nothing\""));
        List<JournalEvent> j = run(a).journal();
        List<String> reasons = j.stream().filter(e -> e.kind().id().equals("power.error"))
                .map(e -> e.details().get("reason")).toList();
        assertThat(reasons).containsExactly("IOService:/bus/dev: power state -1 is above UINT_MAX — "
                + "requestPowerState returns kIOReturnBadArgument",
                "no entry at IOService:/nothing");
    }
}
