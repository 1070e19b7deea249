package dev.ioscope.engine.power;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** PM2/PM17 on a real machine: the MacBookPro15,1 snapshot's own IOPMrootDomain and IORootParent are taken over. */
class PowerSnapshotTest {
    @Test
    void realRootDomainSleepsAndWakesItsNewChild() throws Exception {
        Path dir = Files.createTempDirectory("ioscope-power-snap");
        Path f = dir.resolve("s.json");
        String adp = "IOService:/AppleACPIPlatformExpert/ADP1";
        Files.writeString(f, "{\"snapshot\":\"" + TestData.path("snapshots/MacBookPro15-1.ioreg")
                + "\",\"actions\":[" + PowerScenarios.register(1000, adp, "\"desire\":\"2\"") + ","
                + PowerScenarios.action(1_000_000_000L, "sleep", "") + ","
                + PowerScenarios.action(2_000_000_000L, "wake", "") + "]}");
        Simulation sim = Simulation.of(Scenario.read(f), Map.of(), PluginLoader.builtInExtensions());
        Files.delete(f);
        Files.delete(dir);
        sim.runUntilQuiet();
        List<JournalEvent> j = sim.journal();
        IORegistryPlane power = sim.registry().plane("IOPower");
        PowerManager pm = PowerScenarios.pm(sim);
        IORegistryEntry rd = pm.rootDomain().node().entry();
        assertThat(rd.registryEntryID()).isEqualTo(0x100000160L);   // the snapshot's IOPMrootDomain, not a second one
        assertThat(sim.registry().entries().stream().filter(e -> e.className().equals("IORootParent"))).hasSize(1);
        assertThat(rd.parent(power).registryEntryID()).isEqualTo(0x100000151L);   // its real IOPowerConnection
        IORegistryEntry adp1 = sim.resolve(adp);
        assertThat(adp1.parents(power)).hasSize(1);
        assertThat(adp1.parent(power).className()).isEqualTo("IOPowerConnection");
        assertThat(adp1.parent(power).parent(power)).isSameAs(rd);
        String rdPath = pm.rootDomain().node().path();
        assertThat(j.stream().filter(e -> e.kind().id().equals("power.change-end") && e.entry().equals(rdPath))
                .map(e -> e.details().get("state"))).containsExactly("2", "3");
        assertThat(j.stream().map(je -> je.kind().id())).contains("power.system-asleep", "power.system-awake")
                .doesNotContain("power.error");
        // every key IOScope writes is one the real Mac's IOPowerManagement dictionaries use, as numbers
        Set<String> realKeys = new TreeSet<>();
        IORegistry real = Snapshots
                .load(TestData.path("snapshots/MacBookPro15-1.ioreg")).registry();
        for (IORegistryEntry e : real.entries()) {
            if (e.property("IOPowerManagement") instanceof OSDictionary rd2) {
                realKeys.addAll(rd2.keys());
            }
        }
        assertThat(realKeys).contains("CapabilityFlags", "ChildrenPowerState", "CurrentPowerState",
                "DesiredPowerState", "DevicePowerState", "DriverPowerState", "MaxPowerState", "IdleTimerPeriod",
                "ActivityTickles");
        for (PowerNode n : pm.nodes()) {
            OSDictionary ours = (OSDictionary) n.entry().property("IOPowerManagement");
            assertThat(realKeys).containsAll(ours.keys());
            assertThat(ours.keys()).allSatisfy(k -> assertThat(ours.get(k)).isInstanceOf(OSNumber.class));
        }
        OSDictionary d = (OSDictionary) rd.property("IOPowerManagement");
        assertThat(((OSNumber) d.get("CurrentPowerState")).value()).isEqualTo(3);
        assertThat(((OSNumber) d.get("CapabilityFlags")).value()).isEqualTo(2);
    }
}
