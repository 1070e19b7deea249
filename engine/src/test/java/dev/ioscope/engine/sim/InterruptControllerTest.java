package dev.ioscope.engine.sim;

import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interrupt controllers, one rule each (docs/iokit-rules.md, "Interrupt controllers"). Nubs carry the
 * properties real ones do (MacBookPro8-1.IOService.txt): {@code IOInterruptControllers = ("io-apic-0")} and
 * {@code IOInterruptSpecifiers = (<1000000007000000>)}, the I/O APIC's vector 0x10.
 */
class InterruptControllerTest {
    static final String APIC = "{\"at\":0,\"do\":\"register-interrupt-controller\",\"name\":\"io-apic-0\","
            + "\"vectors\":24%s}";
    static final String NUB = "{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\",\"name\":\"widget\","
            + "\"location\":\"%s\",\"properties\":{\"IOInterruptControllers\":[\"io-apic-0\"],"
            + "\"IOInterruptSpecifiers\":[{\"data\":\"%s\"}]}}";

    static Simulation run(Path dir, String... actions) throws Exception {
        Simulation sim = Simulation.of(Scenario.read(SimulationTest.scenario(dir, String.join(",", actions))),
                Map.of(), PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        return sim;
    }

    static String at(long t, String json) {
        return "{\"at\":" + t + "," + json + "}";
    }

    static String source(String nub, String more) {
        return "\"do\":\"add-interrupt-source\",\"path\":\"IOService:/widget@" + nub + "/Flaky\"" + more;
    }

    static String raise(String controller, int vector) {
        return "\"do\":\"raise-interrupt\",\"controller\":\"" + controller + "\",\"vector\":" + vector;
    }

    static List<String> kinds(Simulation sim, String... prefixes) {
        List<String> out = new ArrayList<>();
        for (JournalEvent e : sim.journal()) {
            for (String p : prefixes) {
                if (e.kind().id().startsWith(p)) {
                    out.add(e.t() + " " + e.kind().id() + " " + e.entry() + " " + e.details());
                }
            }
        }
        return out;
    }

    /** "t kind" and, where the event has it, " key=value". */
    static List<String> brief(Simulation sim, String key, String... kinds) {
        List<String> out = new ArrayList<>();
        for (JournalEvent e : sim.journal()) {
            if (List.of(kinds).contains(e.kind().id())) {
                String v = e.details().get(key);
                out.add(e.t() + " " + e.kind().id() + (v == null ? "" : " " + key + "=" + v));
            }
        }
        return out;
    }

    /** A bare machine with no scenario: nubs and controllers made in Java. */
    static Simulation bare(Path dir) throws Exception {
        return run(dir, "{\"at\":0,\"do\":\"advance\"}");
    }

    static IORegistryEntry nub(Simulation sim, String controllers, String specifier) {
        IORegistryEntry n = sim.registry().createEntry("IOService", "nub");
        if (controllers != null) {
            n.setProperty(InterruptControllers.kIOInterruptControllersKey, OSArray.of(OSString.of(controllers)));
        }
        if (specifier != null) {
            n.setProperty(InterruptControllers.kIOInterruptSpecifiersKey, OSArray.of(OSData.ofHex(specifier)));
        }
        return n;
    }

    static InterruptControllers.Handler counting(String name, List<String> seen) {
        return new InterruptControllers.Handler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void interruptOccurred(IORegistryEntry nub, int source) {
                seen.add(name);
            }
        };
    }

    @Test
    @DisplayName("IC1: controllers are found by the name they registered under; a later one of that name replaces")
    void ic1ControllersByName(@TempDir Path dir) throws Exception {
        Simulation sim = bare(dir);
        InterruptControllers ic = sim.interrupts();
        IOInterruptController first = ic.registerInterruptController("io-apic-0", null, 24, Set.of(), false);
        assertThat(ic.controller("io-apic-0")).isSameAs(first);
        IOInterruptController second = ic.registerInterruptController("io-apic-0", null, 24, Set.of(), false);
        assertThat(ic.controller("io-apic-0")).isSameAs(second);
        assertThat(ic.controller("IOPlatformInterruptController")).isNull();
        assertThat(kinds(sim, "interrupt.controller")).hasSize(2).allMatch(l -> l.contains("vectors=24"));
    }

    @Test
    @DisplayName("IC2: a specifier's first 32 bits, little-endian, are the vector; the real shapes resolve")
    void ic2SpecifierIsTheVector(@TempDir Path dir) throws Exception {
        // <1000000007000000> (io-apic-0, the second word 7 is the APIC's flags) → 0x10 = 16;
        // <0800000000000100> (IOPCIMessagedInterruptController, MSI) → 8; <00030000> (a CPU's) → 0x300 = 768
        assertThat(InterruptControllers.specifierVector(nub(bare(dir), "x", "1000000007000000"), 0)).isEqualTo(16);
        assertThat(InterruptControllers.specifierVector(nub(bare(dir), "x", "0800000000000100"), 0)).isEqualTo(8);
        assertThat(InterruptControllers.specifierVector(nub(bare(dir), "x", "00030000"), 0)).isEqualTo(768);
        assertThat(InterruptControllers.specifierVector(nub(bare(dir), "x", "0003"), 0)).isEqualTo(-1);
        Simulation sim = bare(dir);
        InterruptControllers ic = sim.interrupts();
        ic.registerInterruptController("io-apic-0", null, 24, Set.of(), false);
        int[] result = new int[1];
        ic.registerInterrupt(nub(sim, null, null), 0, counting("h", new ArrayList<>()), (r, t) -> result[0] = r);
        assertThat(result[0]).isEqualTo(IOReturn.kIOReturnNoResources);          // no IOInterruptControllers
        IORegistryEntry wired = nub(sim, "io-apic-0", "1000000007000000");
        ic.registerInterrupt(wired, 1, counting("h", new ArrayList<>()), (r, t) -> result[0] = r);
        assertThat(result[0]).isEqualTo(IOReturn.kIOReturnNoInterrupt);          // index past the array
        ic.registerInterrupt(wired, 0, counting("h", new ArrayList<>()), (r, t) -> result[0] = r);
        assertThat(result[0]).isEqualTo(IOReturn.kIOReturnSuccess);
        assertThat(ic.tree().get(0).vectors()).singleElement().extracting(InterruptTree.Vector::number)
                .isEqualTo(16);
    }

    @Test
    @DisplayName("IC3: enable before registerInterrupt is kIOReturnNoInterrupt; register waits for its controller")
    void ic3LookupWithoutResolveAndWaitingForTheController(@TempDir Path dir) throws Exception {
        Simulation sim = bare(dir);
        InterruptControllers ic = sim.interrupts();
        IORegistryEntry n = nub(sim, "io-apic-0", "1000000007000000");
        assertThat(ic.enableInterrupt(n, 0)).isEqualTo(IOReturn.kIOReturnNoInterrupt);
        assertThat(ic.disableInterrupt(n, 0)).isEqualTo(IOReturn.kIOReturnNoInterrupt);
        List<Integer> results = new ArrayList<>();
        ic.registerInterrupt(n, 0, counting("h", new ArrayList<>()), (r, t) -> results.add(r));
        assertThat(results).isEmpty();   // asleep in lookUpInterruptController
        assertThat(kinds(sim, "interrupt.wait-controller")).singleElement().asString().contains("controller=io-apic-0");
        ic.registerInterruptController("io-apic-0", null, 24, Set.of(), false);
        assertThat(results).containsExactly(IOReturn.kIOReturnSuccess);
        assertThat(ic.enableInterrupt(n, 0)).isEqualTo(IOReturn.kIOReturnSuccess);
    }

    @Test
    @DisplayName("IC4: a registered vector starts disabled: nothing arrives until enable; an unshareable vector has "
            + "one handler")
    void ic4RegisteredVectorStartsDisabled(@TempDir Path dir) throws Exception {
        Simulation sim = run(dir, String.format(APIC, ""), String.format(NUB, "1", "1000000007000000"),
                String.format(NUB, "2", "1000000007000000"),
                at(5000, source("1", ",\"enable\":false")), at(5000, source("2", "")),
                at(6000, raise("io-apic-0", 16)));
        assertThat(kinds(sim, "interrupt.register")).extracting(l -> l.replaceAll(".*result=", ""))
                .containsExactly("kIOReturnSuccess}", "kIOReturnNoResources}");
        assertThat(kinds(sim, "interrupt.masked", "interrupt.action")).singleElement().asString()
                .contains("interrupt.masked");
    }

    @Test
    @DisplayName("IC5, U1: disable is not counted; one enable undoes many, after an OSSynchronizeIO barrier")
    void ic5EnableAndDisableAreNotCounted(@TempDir Path dir) throws Exception {
        Simulation sim = bare(dir);
        InterruptControllers ic = sim.interrupts();
        ic.registerInterruptController("io-apic-0", null, 24, Set.of(), false);
        IORegistryEntry n = nub(sim, "io-apic-0", "1000000007000000");
        List<String> seen = new ArrayList<>();
        ic.registerInterrupt(n, 0, counting("h", seen), (r, t) -> { });
        assertThat(ic.enableInterrupt(n, 0)).isEqualTo(IOReturn.kIOReturnSuccess);
        ic.disableInterrupt(n, 0);
        ic.disableInterrupt(n, 0);
        ic.enableInterrupt(n, 0);
        ic.raise(n, 0);
        assertThat(seen).containsExactly("h");
        // the hardware enable (the first) is preceded by the barrier; the later soft enable needs none
        assertThat(kinds(sim, "os.synchronize-io")).singleElement().asString().contains("vector 16");
    }

    @Test
    @DisplayName("IC6, IN2: spurious on a free vector; while disabled one assertion is held and delivered on enable")
    void ic6AssertionWhileDisabledIsHeldPending(@TempDir Path dir) throws Exception {
        Simulation sim = bare(dir);
        InterruptControllers ic = sim.interrupts();
        ic.registerInterruptController("io-apic-0", null, 24, Set.of(), false);
        IORegistryEntry n = nub(sim, "io-apic-0", "1000000007000000");
        List<String> seen = new ArrayList<>();
        ic.raiseVector("io-apic-0", 16);
        assertThat(kinds(sim, "interrupt.spurious")).hasSize(1);
        ic.registerInterrupt(n, 0, counting("h", seen), (r, t) -> { });
        ic.raise(n, 0);
        ic.raise(n, 0);
        assertThat(seen).isEmpty();
        assertThat(kinds(sim, "interrupt.masked")).hasSize(2);
        ic.enableInterrupt(n, 0);
        assertThat(seen).containsExactly("h");
        assertThat(kinds(sim, "interrupt.dispatch")).singleElement().asString().contains("pending=true");
    }

    @Test
    @DisplayName("IC7: a second handler on a shareable vector breaks it out into an IOSharedInterruptController")
    void ic7SecondHandlerBreaksOutASharedController(@TempDir Path dir) throws Exception {
        Simulation sim = run(dir, String.format(APIC, ",\"shareable\":true"),
                String.format(NUB, "1", "1000000007000000"), String.format(NUB, "2", "1000000007000000"),
                at(5000, source("1", "")), at(5000, source("2", "")), at(6000, raise("io-apic-0", 16)));
        assertThat(kinds(sim, "interrupt.share")).singleElement().asString()
                .contains("vector=16", "moved=IOService:/widget@1#0");
        // both handlers run, in sub-vector order: the first one moved to sub-vector 0
        assertThat(kinds(sim, "interrupt.dispatch")).filteredOn(l -> l.contains("subvector"))
                .extracting(l -> l.replaceAll(".*subvector=(\\d).*", "$1")).containsExactly("0", "1");
        assertThat(kinds(sim, "interrupt.action")).hasSize(2);
        InterruptTree.Vector v = sim.interrupts().tree().get(0).vectors().get(0);
        assertThat(v.shared()).isTrue();
        assertThat(v.handlers()).extracting(InterruptTree.Handler::nub)
                .containsExactly("IOService:/widget@1", "IOService:/widget@2");
    }

    @Test
    @DisplayName("IC8: one disabled handler on a shared line misses the interrupt, then holds the line off for all")
    void ic8SharedLineIsEnabledOnlyWhileEveryHandlerIs(@TempDir Path dir) throws Exception {
        Simulation sim = run(dir, String.format(APIC, ",\"shareable\":true"),
                String.format(NUB, "1", "1000000007000000"), String.format(NUB, "2", "1000000007000000"),
                at(5000, source("1", "")), at(5000, source("2", ",\"enable\":false")),
                at(6000, raise("io-apic-0", 16)), at(7000, raise("io-apic-0", 16)),
                at(8000, "\"do\":\"enable-interrupt\",\"path\":\"IOService:/widget@2/Flaky\",\"source\":\"irq0\""));
        // 6000: sub-vector 0 runs, 1 is skipped (lost to it), then the parent vector is masked;
        // 7000: masked, held pending; 8000: the last handler enables, the parent is enabled, the pending one runs both
        assertThat(brief(sim, "subvector", "interrupt.dispatch", "interrupt.skip", "interrupt.masked"))
                .containsExactly("6000 interrupt.dispatch", "6000 interrupt.dispatch subvector=0",
                        "6000 interrupt.skip subvector=1", "7000 interrupt.masked",
                        "8000 interrupt.dispatch", "8000 interrupt.dispatch subvector=0",
                        "8000 interrupt.dispatch subvector=1");
    }

    @Test
    @DisplayName("IC9: a level line is masked until its action ran; a filter answering false leaves no work and no "
            + "mask")
    void ic9LevelAutoDisableAndFilter(@TempDir Path dir) throws Exception {
        Simulation sim = run(dir, String.format(APIC, ",\"level\":[16]"),
                String.format(NUB, "1", "1000000007000000"), String.format(NUB, "2", "1100000007000000"),
                at(5000, source("1", ",\"filter\":\"accept\"")), at(5000, source("2", ",\"filter\":\"reject\"")),
                at(6000, raise("io-apic-0", 16)), at(6000, raise("io-apic-0", 16)),
                at(7000, raise("io-apic-0", 17)), at(7000, raise("io-apic-0", 17)));
        // level (vector 16): the second assertion finds the line masked by the first; the action re-enables it and
        // the held one runs: two actions of one interrupt each, not one action of two as on an edge line
        assertThat(brief(sim, "count", "interrupt.masked", "interrupt.action"))
                .containsExactly("6000 interrupt.masked", "6000 interrupt.action count=1",
                        "6000 interrupt.action count=1");
        // the rejecting filter saw both assertions on vector 17, neither was masked nor reached the work loop
        assertThat(kinds(sim, "interrupt.filter")).filteredOn(l -> l.startsWith("7000"))
                .hasSize(2).allMatch(l -> l.contains("result=false"));
        assertThat(sim.interrupts().tree().get(0).vectors()).extracting(InterruptTree.Vector::type)
                .containsExactly("level", "edge");
    }
}
