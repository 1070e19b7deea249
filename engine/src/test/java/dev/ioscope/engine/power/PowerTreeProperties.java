package dev.ioscope.engine.power;

import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Replay;
import dev.ioscope.engine.sim.Simulation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random power trees and random requests, tickles, idle timers, slow and silent drivers, sleeps and wakes:
 * (1) over the whole journal, no device is ever physically in a state needing more than its parent's
 * physical state supplies (rule PM3); (2) stepping back and forth through power transitions is exact.
 */
class PowerTreeProperties {
    /** A 3-state device whose middle state needs only kIOPMLowPower from its parent. */
    static final String LOW_DEVICE = "[{\"capabilityFlags\":0,\"outputPowerCharacter\":0,\"inputPowerRequirement\":0},"
            + "{\"capabilityFlags\":\"kIOPMLowPower\",\"outputPowerCharacter\":\"kIOPMLowPower\","
            + "\"inputPowerRequirement\":\"kIOPMLowPower\"},"
            + "{\"capabilityFlags\":\"kIOPMPowerOn|kIOPMDeviceUsable\","
            + "\"outputPowerCharacter\":\"kIOPMPowerOn|kIOPMLowPower\","
            + "\"inputPowerRequirement\":\"kIOPMPowerOn\"}]";

    /** Devices d0..d{n-1}; device i's provider is an earlier device or the platform expert. */
    @Provide
    Arbitrary<List<String>> scenarios() {
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 7);
        return size.flatMap(n -> {
            Arbitrary<List<Integer>> parents = Arbitraries.integers().between(-1, n).list().ofSize(n);
            Arbitrary<List<String>> drivers = driver().list().ofSize(n);
            Arbitrary<List<String>> acts = act(n).list().ofMinSize(1).ofMaxSize(14);
            return Combinators.combine(parents, drivers, acts).as((ps, ds, as) -> build(n, ps, ds, as));
        });
    }

    private static final Pattern TARGET = Pattern.compile(",\"k\":(\\d+)");

    private static List<String> build(int n, List<Integer> parents, List<String> drivers, List<String> acts) {
        List<String> out = new ArrayList<>();
        String[] path = new String[n];
        for (int i = 0; i < n; i++) {
            int p = parents.get(i);
            String parent = p >= 0 && p < i ? path[p] : "IOService:/";
            path[i] = parent + (parent.endsWith("/") ? "" : "/") + "d" + i;
            out.add(PowerScenarios.publish(0, parent, "d" + i));
        }
        for (int i = 0; i < n; i++) {
            String table = i % 2 == 0 ? PowerScenarios.DEVICE : LOW_DEVICE;
            out.add("{\"at\":10000,\"do\":\"power-register\",\"path\":\"" + path[i] + "\",\"states\":" + table + ","
                    + drivers.get(i) + "}");
        }
        for (String a : acts) {
            // the generated ",\"k\":K" picks the service the action is for; the scenario itself takes no such field
            Matcher k = TARGET.matcher(a);
            int i = k.find() ? Integer.parseInt(k.group(1)) % n : 0;
            out.add(k.replaceFirst("").replace("PATH", path[i]));
        }
        return out;
    }

    private static Arbitrary<String> driver() {
        Arbitrary<String> desire = Arbitraries.of("0", "1", "2");
        Arbitrary<String> budget = Arbitraries.of("0", "0", "50000", "250000");
        Arbitrary<String> ack = Arbitraries.of("-1", "10000", "120000", "400000");
        Arbitrary<String> idle = Arbitraries.of("", "", ",\"idleTimerPeriod\":\"1\"");
        Arbitrary<String> interest = Arbitraries.of("", "", ",\"interested\":\"W\"",
                ",\"interested\":\"W:50000:-1,V:30000:10000\"");
        return Combinators.combine(desire, budget, ack, idle, interest).as((d, b, a, i, w) -> "\"desire\":\"" + d
                + "\",\"setPowerStateUs\":\"" + b + "\",\"ackUs\":\"" + a + "\"" + i + w);
    }

    private static Arbitrary<String> act(int n) {
        Arbitrary<Long> at = Arbitraries.longs().between(20_000, 3_000_000_000L);
        Arbitrary<String> state = Arbitraries.of("0", "1", "2");
        Arbitrary<Integer> ks = Arbitraries.integers().between(0, n);
        Arbitrary<String> request = Combinators.combine(at, state, Arbitraries.of("driver", "priv"), ks)
                .as((t, s, via, k) -> "{\"at\":" + t + ",\"do\":\"request\",\"path\":\"PATH\",\"state\":\"" + s
                        + "\",\"via\":\"" + via + "\",\"k\":" + k + "}");
        Arbitrary<String> tickle = Combinators.combine(at, state, ks)
                .as((t, s, kk) -> "{\"at\":" + t + ",\"do\":\"tickle\",\"path\":\"PATH\",\"state\":\"" + s
                        + "\",\"k\":" + kk + "}");
        Arbitrary<String> sleep = at.map(t -> "{\"at\":" + t + ",\"do\":\"sleep\"}");
        Arbitrary<String> wake = at.map(t -> "{\"at\":" + t + ",\"do\":\"wake\"}");
        return Arbitraries.frequencyOf(Tuple.of(4, request), Tuple.of(3, tickle),
                Tuple.of(2, sleep), Tuple.of(2, wake));
    }

    @Property(tries = 150)
    void noChildEverNeedsMoreThanItsParentSupplies(@ForAll("scenarios") List<String> actions) throws Exception {
        Simulation sim = PowerScenarios.run(actions);
        PowerManager pm = PowerScenarios.pm(sim);
        Map<String, PowerNode> byPath = new HashMap<>();
        pm.nodes().forEach(n -> byPath.put(n.path(), n));
        Map<String, String> parentOf = new HashMap<>();
        Map<String, Integer> physical = new HashMap<>();
        int checks = 0;
        for (JournalEvent e : sim.journal()) {
            switch (e.kind().id()) {
                case "power.join" -> parentOf.put(e.entry(), e.details().get("parent"));
                case "power.register-driver" -> physical.put(e.entry(), Integer.parseInt(e.details().get("initial")));
                case "power.set-power-state" -> {
                    physical.put(e.entry(), Integer.parseInt(e.details().get("to")));
                    // after every physical change, every link of the tree must hold
                    for (var link : parentOf.entrySet()) {
                        PowerNode child = byPath.get(link.getKey());
                        PowerNode parent = byPath.get(link.getValue());
                        Integer cs = physical.get(link.getKey());
                        Integer ps = link.getValue().equals("IORootParent") ? Integer.valueOf(1)
                                : physical.get(link.getValue());
                        if (child == null || parent == null || cs == null || ps == null) {
                            continue;
                        }
                        int supply = parent.table().get(ps).outputPowerCharacter();
                        assertThat(child.table().get(cs).poweredBy(supply))
                                .as("%s at %d: %s in state %d needs 0x%x, %s in state %d supplies 0x%x",
                                        e.line(), e.t(),
                                        link.getKey(), cs, child.table().get(cs).inputPowerRequirement(),
                                        link.getValue(), ps, supply)
                                .isTrue();
                        checks++;
                    }
                }
                default -> {
                }
            }
        }
        assertThat(sim.journal().stream().map(je -> je.kind().id())).doesNotContain("power.error");
        Statistics.label("links checked").collect(checks == 0 ? "none" : "some");
        assertThat(pm.activeChanges()).isZero();
    }

    @Property(tries = 30)
    void steppingBackThroughPowerTransitionsIsExact(@ForAll("scenarios") List<String> actions,
                                                   @ForAll @IntRange(min = 5, max = 200) int forward,
                                                   @ForAll @IntRange(min = 1, max = 100) int back) throws Exception {
        Replay r = PowerScenarios.replay(actions);
        for (int i = 0; i < forward && r.step(); i++) {
            // forward
        }
        long pos = r.position();
        List<JournalEvent> before = r.journal();
        Map<String, OSObject> pmBefore = powerProperties(r.simulation());
        r.stepBack(back);
        assertThat(r.journal()).isEqualTo(before.subList(0, r.journal().size()));
        while (r.position() < pos && r.step()) {
            // forward again
        }
        assertThat(r.journal()).isEqualTo(before);
        assertThat(powerProperties(r.simulation())).isEqualTo(pmBefore);
    }

    /** Every entry's IOPowerManagement dictionary, by IOService path. */
    private static Map<String, OSObject> powerProperties(Simulation sim) {
        Map<String, OSObject> out = new HashMap<>();
        PowerManager pm = PowerScenarios.pm(sim);
        for (PowerNode n : pm.nodes()) {
            out.put(n.path(), n.entry().property("IOPowerManagement"));
        }
        return out;
    }
}
