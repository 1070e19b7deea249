package dev.ioscope.engine.service.driverkit;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.DextPersonality;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.sim.Simulation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How dext services get their IOUserServer (IOService::startCandidate, IOUserServer::launchUserServer). */
class IOUserServerTest {
    private static final String ONE = "<key>IOUserServerOneProcess</key><true/>";

    private static List<IORegistryEntry> servers(Simulation sim) {
        return DextTestKit.ofClass(sim, "IOUserServer");
    }

    @Test
    @DisplayName("DK7: without IOUserServerOneProcess each service gets its own server, tagged with its entry ID")
    void aServerPerService(@TempDir Path dir) throws Exception {
        Path p = DextTestKit.dext(dir, "com.example.two",
                DextTestKit.personality("DextA", "IOUserResources", "a", "com.example.two", ""),
                DextTestKit.personality("DextB", "IOUserResources", "b", "com.example.two", ""));
        Simulation sim = DextTestKit.run(dir, List.of(p), "");
        List<IORegistryEntry> svcs = DextTestKit.ofClass(sim, "IOUserService");
        assertThat(svcs).extracting(IORegistryEntry::name).containsExactly("DextA", "DextB");
        assertThat(servers(sim)).hasSize(2);
        for (IORegistryEntry svc : svcs) {
            IORegistryEntry server = sim.userServers().serverOf(svc).orElseThrow();
            assertThat(server.property("IOUserServerTag")).isEqualTo(OSNumber.of64(svc.registryEntryID()));
            assertThat(server.property("IOAssociatedServices")).isEqualTo(OSArray.of(OSNumber.of64(
                    svc.registryEntryID())));
        }
    }

    @Test
    @DisplayName("DK5: with IOUserServerOneProcess the services of one IOUserServerName share one server")
    void oneProcessShares(@TempDir Path dir) throws Exception {
        Path p = DextTestKit.dext(dir, "com.example.one",
                DextTestKit.personality("DextA", "IOUserResources", "a", "com.example.server", ONE),
                DextTestKit.personality("DextB", "IOUserResources", "b", "com.example.server",
                        "<key>IOUserServerOneProcess</key><false/>"));   // presence counts, not the value
        Simulation sim = DextTestKit.run(dir, List.of(p), "");
        List<IORegistryEntry> svcs = DextTestKit.ofClass(sim, "IOUserService");
        assertThat(svcs).hasSize(2);
        assertThat(servers(sim)).hasSize(1);
        IORegistryEntry server = servers(sim).get(0);
        // launched for the first service: its tag, both services associated
        assertThat(server.name()).isEqualTo("IOUserServer(com.example.server-0x"
                + Long.toHexString(svcs.get(0).registryEntryID()) + ")");
        assertThat(server.property("IOAssociatedServices")).isEqualTo(OSArray.of(
                OSNumber.of64(svcs.get(0).registryEntryID()), OSNumber.of64(svcs.get(1).registryEntryID())));
        assertThat(DextTestKit.events(sim, "driverkit.reuse")).hasSize(1);
    }

    @Test
    @DisplayName("DK6: IOUserServerOneProcess does not share a server named outside the bundle's organisation")
    void reuseNeedsTheSameOrganization(@TempDir Path dir) throws Exception {
        Path p = DextTestKit.dext(dir, "com.example.one",
                DextTestKit.personality("DextA", "IOUserResources", "a", "org.other.server", ONE),
                DextTestKit.personality("DextB", "IOUserResources", "b", "org.other.server", ONE));
        Simulation sim = DextTestKit.run(dir, List.of(p), "");
        assertThat(servers(sim)).hasSize(2);
        assertThat(DextTestKit.events(sim, "driverkit.no-reuse")).hasSize(2);
        assertThat(DextPersonality.sameOrganization("com.apple.AppleUserHIDDrivers",
                "com.apple.driverkit.AppleUserHIDDrivers")).isTrue();   // the macOS 13 dump's pair
        assertThat(DextPersonality.sameOrganization("com.example", "com.example.server")).isFalse();
        assertThat(DextPersonality.sameOrganization("$(PRODUCT_BUNDLE_IDENTIFIER)", "org.pqrs.x")).isFalse();
    }

    @Test
    @DisplayName("DK4: a non-string IOUserServerName launches no server; the kernel class starts alone")
    void nonStringServerName(@TempDir Path dir) throws Exception {
        Path p = DextTestKit.dext(dir, "com.example.num", "<key>Odd</key><dict>"
                + "<key>IOClass</key><string>IOUserService</string>"
                + "<key>IOProviderClass</key><string>IOUserResources</string>"
                + "<key>IOUserClass</key><string>Odd</string>"
                + "<key>IOUserServerName</key><integer>7</integer></dict>");
        Simulation sim = DextTestKit.run(dir, List.of(p), "");
        List<IORegistryEntry> svcs = DextTestKit.ofClass(sim, "IOUserService");
        assertThat(svcs).hasSize(1);
        assertThat(svcs.get(0).name()).isEqualTo("IOUserService");   // not renamed
        assertThat(servers(sim)).isEmpty();
        assertThat(DextTestKit.events(sim, "driverkit.no-server")).hasSize(1);
    }

    @Test
    @DisplayName("DK8: a server crash terminates its services with rematch, and re-matching launches a new server")
    void crashTerminatesAndRelaunches(@TempDir Path dir) throws Exception {
        Path p = DextTestKit.dext(dir, "com.example.crash",
                DextTestKit.personality("Crashy", "IOUserResources", "c", "com.example.crash", ""));
        Simulation sim = DextTestKit.run(dir, List.of(p),
                "{\"at\": 100000, \"do\": \"dext-crash\", \"server\": \"com.example.crash\"}");
        assertThat(DextTestKit.events(sim, "driverkit.server-died")).hasSize(1);
        assertThat(DextTestKit.events(sim, "driverkit.launch")).hasSize(2);
        List<IORegistryEntry> svcs = DextTestKit.ofClass(sim, "IOUserService");
        assertThat(svcs).hasSize(1);   // the old one detached, a new one started
        IORegistryEntry svc = svcs.get(0);
        assertThat(svc.state().active()).isTrue();
        List<IORegistryEntry> live = servers(sim);
        assertThat(live).hasSize(1);
        assertThat(live.get(0).property("IOUserServerTag")).isEqualTo(OSNumber.of64(svc.registryEntryID()));
        IORegistryEntry user = DextTestKit.parent(sim, svc);
        assertThat(user.property("IORematchCount")).isEqualTo(OSNumber.of32(0));
        assertThat(user.property("IORematchPersonality")).as("taken away by the next matching").isNull();
        assertThat(DextTestKit.events(sim, "service.terminate")).anyMatch(e -> e.details().get("class")
                .equals("IOUserService"));
    }

    @Test
    @DisplayName("DK11: after a crash only the relaunched personality may match, until IORematchCount passes 1000")
    void relaunchFilter() {
        OSDictionary mine = OSDictionary.of("IOClass", OSString.of("IOUserService"), "IOUserServerName",
                OSString.of("a"));
        OSDictionary other = OSDictionary.of("IOClass", OSString.of("IOUserService"), "IOUserServerName",
                OSString.of("b"));
        Personality pm = new Personality("x", "mine", mine, 0);
        Personality po = new Personality("x", "other", other, 1);
        DextRelaunch early = new DextRelaunch(mine, 3);
        assertThat(early.admits(pm)).isTrue();
        assertThat(early.admits(po)).isFalse();
        DextRelaunch late = new DextRelaunch(mine, DextRelaunch.DEXT_RELAUNCH_MAX + 1);
        assertThat(late.admits(pm)).isFalse();
        assertThat(late.admits(po)).isTrue();
        assertThat(new DextRelaunch(mine, DextRelaunch.DEXT_RELAUNCH_MAX).admits(pm)).isTrue();
    }
}
