package dev.ioscope.engine.sim;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulated machine's root lists its planes in IORegistryPlanes (rule RG1). */
class RootPlanesTest {
    private static OSDictionary planesAtRoot(Simulation sim) {
        return (OSDictionary) sim.registry().root().property(RootPlanes.KEY);
    }

    @Test
    @DisplayName("RG1: a machine built from nothing lists every plane made, each serialized as its name")
    void aMachineFromNothingListsItsPlanes(@TempDir Path dir) throws Exception {
        Simulation sim = Simulation.of(Scenario.read(SimulationTest.scenario(dir, LiveDiagnosticsTest.PUBLISH)),
                Map.of(), PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        OSDictionary planes = planesAtRoot(sim);
        assertThat(planes.keys()).containsExactlyInAnyOrderElementsOf(
                sim.registry().planes().stream().map(IORegistryPlane::name).toList());
        assertThat(planes.keys()).contains(IORegistryPlane.IOSERVICE);
        planes.forEach((name, value) -> assertThat(value).isEqualTo(OSString.of(name)));
    }

    @Test
    @DisplayName("RG1: a machine from a real snapshot keeps the planes its root lists")
    void aMachineFromARealSnapshotKeepsItsListing(@TempDir Path dir) throws Exception {
        Path snap = TestData.path("snapshots/MacBookPro8-1.IOService.txt");
        OSDictionary real = (OSDictionary) Snapshots.load(snap).registry().root().property(RootPlanes.KEY);
        // by hand, from the file (ioreg -l prints the root's properties): six planes, IOFireWire among them
        assertThat(real.keys()).containsExactlyInAnyOrder("IOACPIPlane", "IOPower", "IODeviceTree", "IOService",
                "IOFireWire", "IOUSB");
        Files.writeString(dir.resolve("s.json"), "{\"snapshot\":\"" + snap.toString().replace("\\", "/")
                + "\",\"actions\":[]}");
        Simulation sim = Simulation.of(Scenario.read(dir.resolve("s.json")), Map.of(),
                PluginLoader.builtInExtensions());
        sim.step();
        assertThat(planesAtRoot(sim).isEqualTo(real)).isTrue();
    }
}
