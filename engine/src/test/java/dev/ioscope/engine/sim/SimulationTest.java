package dev.ioscope.engine.sim;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationTest {
    static final String KEXT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <plist version="1.0"><dict>
              <key>CFBundleIdentifier</key><string>com.example.flaky</string>
              <key>IOKitPersonalities</key><dict>
                <key>Flaky</key><dict><key>IOClass</key><string>Flaky</string>
                  <key>IOProviderClass</key><string>IOService</string>
                  <key>IONameMatch</key><string>widget</string><key>IOProbeScore</key><integer>900</integer></dict>
                <key>Thrower</key><dict><key>IOClass</key><string>Thrower</string>
                  <key>IOProviderClass</key><string>IOService</string>
                  <key>IONameMatch</key><string>widget</string><key>IOProbeScore</key><integer>500</integer></dict>
                <key>Solid</key><dict><key>IOClass</key><string>Solid</string>
                  <key>IOProviderClass</key><string>IOService</string>
                  <key>IONameMatch</key><string>widget</string><key>IOProbeScore</key><integer>100</integer></dict>
                <key>Other</key><dict><key>IOClass</key><string>Other</string>
                  <key>IOProviderClass</key><string>IOService</string>
                  <key>IONameMatch</key><string>gadget</string></dict>
              </dict></dict></plist>
            """;

    static Path scenario(Path dir, String actions) throws Exception {
        Files.writeString(dir.resolve("Info.plist"), KEXT);
        Files.writeString(dir.resolve("s.json"), "{\"kexts\":[\"Info.plist\"],\"actions\":[" + actions + "]}");
        return dir.resolve("s.json");
    }

    static final Map<String, DriverBehavior> BEHAVIORS = Map.of(
            "Flaky", ctx -> false,
            "Thrower", ctx -> {
                throw new IllegalStateException("boom");
            });

    static List<String> kinds(List<JournalEvent> j, String prefix) {
        return j.stream().filter(e -> e.kind().id().startsWith(prefix)).map(e -> e.kind().id() + " " + e.details()
                .getOrDefault("class", "")).toList();
    }

    @Test
    void startFailureFallsBackToTheNextCandidateAndAThrowingPluginIsAFailedStart(@TempDir Path dir) throws Exception {
        Scenario s = Scenario.read(scenario(dir, "{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\","
                + "\"class\":\"IOService\",\"name\":\"widget\"}"));
        Simulation sim = Simulation.of(s, BEHAVIORS, PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        List<JournalEvent> j = sim.journal();
        // rule S4: Flaky (900) fails, Thrower (500) throws, Solid (100) starts; Other never matched.
        assertThat(kinds(j, "service.start")).containsExactly("service.start-failed Flaky",
                "service.start-failed Thrower", "service.start Solid");
        assertThat(j.stream().filter(e -> e.kind().id().equals("service.start-failed"))
                .map(e -> e.details().get("reason")))
                .containsExactly("start returned false", "start threw java.lang.IllegalStateException: boom");
        assertThat(j).anyMatch(e -> e.kind().id().equals("match.reject")
                && e.details().get("personality").equals("Other")
                && e.details().get("reason").startsWith("IONameMatch gadget"));
        IORegistryEntry widget = sim.registry().entries().stream().filter(e -> e.name().equals("widget")).findFirst()
                .orElseThrow();
        assertThat(widget.state().registered()).isTrue();
        assertThat(widget.state().matched()).isTrue();
        assertThat(widget.state().busyState()).isZero();
        assertThat(widget.children(sim.registry().plane("IOService"))).extracting(IORegistryEntry::className)
                .containsExactly("Solid");
        // virtual time: publish at 1000, matching 1 µs later, start 1 µs after that
        assertThat(j.stream().filter(e -> e.kind().id().equals("service.start")).findFirst().orElseThrow().t())
                .isEqualTo(3000);
    }

    @Test
    void s4TwoMatchingRoundsOnOneNubStartItsCategoryOnce(@TempDir Path dir) throws Exception {
        // registerService twice at once: both rounds judge the candidates before either starts; the second finds
        // the category held by the first one's driver when its turn to start comes (copyClientWithCategory)
        Scenario s = Scenario.read(scenario(dir, "{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\","
                + "\"class\":\"IOService\",\"name\":\"widget\"},"
                + "{\"at\":1000,\"do\":\"register\",\"path\":\"IOService:/widget\"}"));
        Simulation sim = Simulation.of(s, BEHAVIORS, PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        List<JournalEvent> j = sim.journal();
        assertThat(j.stream().filter(e -> e.kind().id().equals("match.begin") && e.entry().equals("IOService:/widget")))
                .hasSize(2);
        assertThat(kinds(j, "service.start")).containsExactly("service.start-failed Flaky",
                "service.start-failed Thrower", "service.start Solid");
        assertThat(j).anyMatch(e -> e.kind().id().equals("match.category-taken"));
        IORegistryEntry widget = sim.registry().entries().stream().filter(e -> e.name().equals("widget")).findFirst()
                .orElseThrow();
        assertThat(widget.children(sim.registry().plane("IOService"))).extracting(IORegistryEntry::className)
                .containsExactly("Solid");
    }

    @Test
    void terminatePhasesRunInOrderAndStateFlagsFollow(@TempDir Path dir) throws Exception {
        Scenario s = Scenario.read(scenario(dir, "{\"at\":0,\"do\":\"publish\",\"parent\":\"IOService:/\","
                + "\"name\":\"widget\"},{\"at\":50000,\"do\":\"terminate\",\"path\":\"IOService:/widget\"},"
                + "{\"at\":10,\"do\":\"add-notification\",\"type\":\"terminated\","
                + "\"matching\":{\"IONameMatch\":\"widget\"}}"));
        Simulation sim = Simulation.of(s, Map.of(), PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        List<String> k = sim.journal().stream().filter(e -> e.t() >= 50000).map(e -> e.kind().id() + " "
                + e.entry().replace("IOService:/", "")).toList();
        // terminatePhase1 invokes the terminated notifiers as the service goes inactive (L1, N4)
        assertThat(k).containsSubsequence("service.terminate widget", "notify.deliver widget",
                "service.terminate widget/Flaky",
                "service.will-terminate widget", "service.will-terminate widget/Flaky",
                "service.did-terminate widget/Flaky", "service.did-terminate widget",
                "service.stop widget/Flaky", "registry.detach widget/Flaky", "service.stop widget",
                "registry.detach widget");
        assertThat(sim.registry().entries()).filteredOn(e -> e.name().equals("widget"))
                .allSatisfy(e -> assertThat(e.state().active()).isFalse());
    }

    @Test
    void realKextOnAPublishedPciNub(@TempDir Path dir) throws Exception {
        Path kext = TestData.path("kexts/IntelMausi");
        Files.writeString(dir.resolve("s.json"), "{\"kexts\":[\"" + kext.toString().replace("\\", "\\\\") + "\"],"
                + "\"actions\":[{\"at\":0,\"do\":\"add-notification\",\"type\":\"matched\",\"matching\":"
                + "{\"IOProviderClass\":\"IOPCIDevice\"}},{\"at\":5000,\"do\":\"publish\",\"parent\":\"IOService:/\","
                + "\"class\":\"IOPCIDevice\",\"name\":\"ethernet\","
                + "\"properties\":{\"vendor-id\":{\"data\":\"86800000\"},"
                + "\"device-id\":{\"data\":\"b8150000\"}}}]}");
        Simulation sim = Simulation.of(Scenario.read(dir.resolve("s.json")), Map.of(),
                PluginLoader.builtInExtensions());
        assertThat(sim.runUntil(e -> e.kind().id().equals("service.start"))).isTrue();
        JournalEvent start = sim.journal().stream().filter(e -> e.kind().id().equals("service.start")).findFirst()
                .orElseThrow();
        assertThat(start.details()).containsEntry("class", "IntelMausi").containsEntry("passive", "true");
        IORegistryEntry driver = sim.registry().entries().stream().filter(e -> e.className().equals("IntelMausi"))
                .findFirst().orElseThrow();
        // S5: the passive instance carries its personality's properties
        assertThat(driver.property("Driver Parameters")).isNotNull();
        sim.runUntilQuiet();
        assertThat(sim.journal()).anyMatch(e -> e.kind().id().equals("notify.deliver")
                && e.entry().equals("IOService:/ethernet"));
    }

    @Test
    void realSnapshotTerminateAndRematch(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.json"), "{\"snapshot\":\"" + TestData.path(
                "snapshots/Hackintosh-DellADL-macOS13.IOService.txt").toString().replace("\\", "\\\\")
                + "\",\"kexts\":[\"" + TestData.path("kexts/VoodooPS2").toString().replace("\\", "\\\\") + "\"],"
                + "\"actions\":[{\"at\":100000,\"do\":\"terminate\","
                + "\"path\":\"IOService:/AppleACPIPlatformExpert/PS2K/ps2controller\"},"
                + "{\"at\":200000,\"do\":\"register\",\"path\":\"IOService:/AppleACPIPlatformExpert/PS2K\"}]}");
        Simulation sim = Simulation.of(Scenario.read(dir.resolve("s.json")), Map.of(),
                PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        List<JournalEvent> j = sim.journal();
        // Loading the kexts re-matches PS2K, but the snapshot's AppleACPIPS2Nub holds the default category.
        assertThat(j).anyMatch(e -> e.t() < 100000 && e.kind().id().equals("match.category-taken")
                && e.entry().equals("IOService:/AppleACPIPlatformExpert/PS2K"));
        // Terminating the nub driver takes its whole chain down (keyboard and mouse drivers included) ...
        assertThat(j).anyMatch(e -> e.kind().id().equals("service.stop")
                && e.details().get("class").equals("ApplePS2Keyboard"));
        // ... and registering PS2K again starts a passive AppleACPIPS2Nub in its place.
        assertThat(j).filteredOn(e -> e.t() >= 200000 && e.kind().id().equals("service.start"))
                .extracting(e -> e.details().get("class")).containsExactly("AppleACPIPS2Nub");
    }
}
