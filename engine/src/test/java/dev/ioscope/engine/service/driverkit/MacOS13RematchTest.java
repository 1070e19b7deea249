package dev.ioscope.engine.service.driverkit;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.service.DextPersonality;
import dev.ioscope.engine.service.IOCatalogue;
import dev.ioscope.engine.service.MatchContext;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.ProviderMatch;
import dev.ioscope.engine.service.RematchCheck;
import dev.ioscope.engine.service.family.FamilyMatchers;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real macOS 13 dump (snapshots/Hackintosh-DellADL-macOS13.IOService.txt): its dext services keep their
 * whole personality in IOMatchedPersonality. Recovered from there, stripped and re-matched, they must land where
 * macOS put them: AppleUserHIDEventService (user class AppleUserHIDEventDriver) on the keyboard's IOHIDInterface, and
 * IOUserService (IOUserDockChannelSerial) on IOUserResources.
 */
class MacOS13RematchTest {
    static Snapshot dump() throws Exception {
        return Snapshots.load(TestData.path("snapshots/Hackintosh-DellADL-macOS13.IOService.txt"));
    }

    @Test
    @DisplayName("DK2: the macOS 13 dump's IOMatchedPersonality values give back its two dext personalities")
    void recoversTheDextPersonalities() throws Exception {
        List<Personality> ps = MatchedPersonalities.of(dump().registry());
        // checked by hand in the dump: AppleUserHIDEventDriver (twice the same personality) and
        // IOUserDockChannelSerial
        assertThat(ps).extracting(Personality::name).containsExactly("AppleUserHIDEventDriver",
                "IOUserDockChannelSerial");
        assertThat(ps).extracting(Personality::ioClass).containsExactly("AppleUserHIDEventService", "IOUserService");
        assertThat(ps).extracting(Personality::providerClass).containsExactly("IOHIDInterface", "IOUserResources");
        assertThat(ps).extracting(Personality::bundle).containsExactly("com.apple.AppleUserHIDDrivers",
                "com.apple.DriverKit-IOUserDockChannelSerial");
        assertThat(ps).allMatch(DextPersonality::isDext);
    }

    @Test
    @DisplayName("DK9 DK1: stripped and re-matched, the macOS 13 dexts land on the same nubs as in the dump")
    void rematchPutsTheDextsBack() throws Exception {
        Snapshot s = dump();
        IOCatalogue catalogue = new IOCatalogue();
        MatchedPersonalities.of(s.registry()).forEach(catalogue::add);
        MatchContext ctx = FamilyMatchers.standardContext(s.registry());
        List<ProviderMatch> out = new ArrayList<>();
        RematchCheck.Result r = RematchCheck.run(catalogue, ctx, out);
        // checked by hand: one AppleUserHIDEventService (id 0x1000004e1, printed twice under the keyboard) and
        // IOUserService; the pointing device's IOHIDInterface has no dext in the dump
        assertThat(r.expected()).extracting(RematchCheck.Attachment::className)
                .containsExactly("AppleUserHIDEventService", "IOUserService");
        assertThat(r.expected().get(0).providerPath()).endsWith("/IOHIDKeyboardEventDevice/IOHIDInterface");
        assertThat(r.expected()).anyMatch(a -> a.className().equals("IOUserService")
                && a.providerPath().endsWith("/IOUserResources"));
        assertThat(r.missing()).isEmpty();
        assertThat(r.extra()).isEmpty();
        assertThat(r.agreement()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("DK8: on the macOS 13 dump, IOUserDockChannelSerial's server dying takes its service down")
    void crashOnTheDump(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("s.json");
        Files.writeString(s, "{\"snapshot\": \"" + TestData.path(
                "snapshots/Hackintosh-DellADL-macOS13.IOService.txt").toString().replace("\\", "\\\\")
                + "\", \"actions\": [{\"at\": 1000, \"do\": \"dext-crash\", "
                + "\"server\": \"com.apple.IOUserDockChannelSerial\"}]}");
        Simulation sim = Simulation.of(Scenario.read(s), Map.of(), PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        assertThat(DextTestKit.events(sim, "driverkit.server-died")).singleElement().satisfies(e ->
                assertThat(e.details()).containsEntry("server",
                        "IOUserServer(com.apple.IOUserDockChannelSerial-0x1000004a1)"));
        // the dump's IOAssociatedServices = (4294968481) = 0x1000004a1, the IOUserService
        assertThat(DextTestKit.events(sim, "service.stop")).anyMatch(e -> e.entry().equals(
                "IOService:/IOUserResources/IOUserDockChannelSerial"));
        assertThat(sim.registry().entry(0x1000004a1L).orElseThrow().inPlane(
                sim.registry().plane(IORegistryPlane.IOSERVICE))).isFalse();
        assertThat(sim.userServers().servers("com.apple.IOUserDockChannelSerial")).isEmpty();
        // the other dext's server lives on
        assertThat(sim.userServers().servers("com.apple.driverkit.AppleUserHIDDrivers")).hasSize(1);
    }
}
