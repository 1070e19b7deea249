package dev.ioscope.engine.sim;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.registry.IOKitDiagnostics;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulated machine's live IOKitDiagnostics (rule DG3). */
class LiveDiagnosticsTest {
    static final String PUBLISH = "{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\","
            + "\"class\":\"IOPCIDevice\",\"name\":\"widget\"}";
    static final String TERMINATE = "{\"at\":50000,\"do\":\"terminate\",\"path\":\"IOService:/widget\"}";

    static IOKitDiagnostics atRoot(Simulation sim) {
        return IOKitDiagnostics.of(sim.registry()).orElseThrow();
    }

    @Test
    @DisplayName("DG3: an empty machine counts its own objects, and the counts move as drivers come and go")
    void countsMoveWithTheLifeCycle(@TempDir Path dir) throws Exception {
        Simulation sim = Simulation.of(Scenario.read(SimulationTest.scenario(dir, PUBLISH + "," + TERMINATE)),
                Map.of(), PluginLoader.builtInExtensions());
        // before anything runs: the root, the platform expert device, IOResources, IOUserResources
        assertThat(atRoot(sim).instances("IOResources")).contains(1L);
        assertThat(atRoot(sim).instances("IOPCIDevice")).isEmpty();
        assertThat(sim.runUntil(e -> e.kind() == JournalKind.SERVICE_START)).isTrue();
        IOKitDiagnostics started = atRoot(sim);
        assertThat(started.instances("IOPCIDevice")).contains(1L);
        assertThat(started.instances("Flaky")).contains(1L);     // the driver that started on the widget (passive here)
        // IOService: no plain IOService object; each direct subclass with instances counts 1
        // (Flaky, unknown to the catalogue, counts as a direct IOService subclass: every driver class is one)
        long subclasses = started.classes().stream().filter(c -> c.instances() > 0
                && sim.registry().classes().superClass(c.className()).orElse("IOService").equals("IOService")
                && !List.of("IOService", "IORegistryEntry", "OSObject").contains(c.className())).count();
        assertThat(started.instances("IOService")).contains(subclasses);
        // by hand: IOPlatformExpertDevice, IOResources, IOUserResources, IOPCIDevice, Flaky
        assertThat(subclasses).isEqualTo(5);
        assertThat(sim.diagnostics()).isEqualTo(started);
        sim.runUntilQuiet();
        IOKitDiagnostics after = atRoot(sim);
        assertThat(after.instances("IOPCIDevice")).contains(0L);
        assertThat(after.instances("Flaky")).contains(0L);
        assertThat(after.instances("IOService")).contains(subclasses - 2);
    }

    @Test
    @DisplayName("DG3: a machine from a real snapshot starts from its figures and counts from there")
    void snapshotMachineStartsFromTheRealFigures(@TempDir Path dir) throws Exception {
        Path snap = TestData.path("snapshots/MacBookPro8-1.IOService.txt");
        Files.writeString(dir.resolve("s.json"), "{\"snapshot\":\"" + snap.toString().replace("\\", "/")
                + "\",\"actions\":[" + PUBLISH.replace("IOService:/", "IOService:/MacBookPro8,1") + "]}");
        Simulation sim = Simulation.of(Scenario.read(dir.resolve("s.json")), Map.of(),
                PluginLoader.builtInExtensions());
        assertThat(atRoot(sim).instances("IOPCIDevice")).contains(27L);
        assertThat(atRoot(sim).figureMap()).containsEntry("Instance allocation", 5_252_992L);
        sim.runUntilQuiet();
        IOKitDiagnostics d = atRoot(sim);
        assertThat(d.instances("IOPCIDevice")).contains(28L);
        assertThat(d.instances("IOService")).contains(138L);     // IOPCIDevice had instances already
        assertThat(d.instances("OSArray")).contains(5845L);      // not modelled: kept as the kernel said
        assertThat(d.figureMap()).containsEntry("Instance allocation", 5_252_992L);
        assertThat(d.classes()).hasSize(910);
    }

    @Test
    @DisplayName("DG3: stepping back and forward again gives the same counts (replay)")
    void replayGivesTheSameCounts(@TempDir Path dir) throws Exception {
        Scenario s = Scenario.read(SimulationTest.scenario(dir, PUBLISH + "," + TERMINATE));
        Simulation a = Simulation.of(s, Map.of(), PluginLoader.builtInExtensions());
        a.runUntil(e -> e.kind() == JournalKind.SERVICE_START);
        Simulation b = Simulation.of(s, Map.of(), PluginLoader.builtInExtensions());
        b.runUntil(e -> e.kind() == JournalKind.SERVICE_START);
        assertThat(b.diagnostics()).isEqualTo(a.diagnostics());
        assertThat(List.of(a.diagnostics().classes().size())).containsExactly(b.diagnostics().classes().size());
    }
}
