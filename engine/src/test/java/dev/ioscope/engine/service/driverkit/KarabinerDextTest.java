package dev.ioscope.engine.service.driverkit;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.explore.EntryKind;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.IOCatalogue;
import dev.ioscope.engine.service.MatchEngine;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.ProviderMatch;
import dev.ioscope.engine.service.family.FamilyMatchers;
import dev.ioscope.engine.service.kext.KextBundle;
import dev.ioscope.engine.service.kext.KextLoader;
import dev.ioscope.engine.sim.Simulation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Karabiner-DriverKit-VirtualHIDDevice dext (corpus kexts/, its source Info.plist.in) on the empty machine:
 * it matches on IOUserResources through IOResourceMatch IOKit, its AppleUserHIDDevice service is named after its
 * IOUserClass and hosted by a new IOUserServer, as macOS 13's registry shows its own dexts
 * (snapshots/Hackintosh-DellADL-macOS13.IOService.txt, IOUserDockChannelSerial).
 */
class KarabinerDextTest {
    static final Path KARABINER = TestData.path("kexts/Karabiner-DriverKit-VirtualHIDDevice/Info.plist.in");
    static final String USER_CLASS = "org_pqrs_Karabiner_DriverKit_VirtualHIDKeyboard";
    static final String SERVER = "org.pqrs.Karabiner-DriverKit-VirtualHIDDevice";

    @Test
    @DisplayName("DK9: IOUserResources stands beside IOResources on the empty machine, publishing IOKit")
    void userResourcesOnEveryBuiltMachine(@TempDir Path dir) throws Exception {
        Simulation sim = DextTestKit.run(dir, List.of(), "");
        IORegistryEntry user = DextTestKit.ofClass(sim, "IOUserResources").get(0);
        IORegistryEntry res = DextTestKit.ofClass(sim, "IOResources").get(0);
        assertThat(DextTestKit.parent(sim, user)).isSameAs(DextTestKit.parent(sim, res));
        assertThat(user.name()).isEqualTo("IOUserResources");
        assertThat(user.property("IOKit")).isEqualTo(OSString.of("IOService"));   // as the macOS 13 dump shows
        // the explorer files it with IOResources
        assertThat(EntryKind.classify(sim.registry().classes(), user, false)).isEqualTo(EntryKind.RESOURCES);
    }

    @Test
    @DisplayName("DK1 DK2 DK4 DK7 DK10: Karabiner's dext matches on IOUserResources and gets its own IOUserServer")
    void karabinerMatchesAndIsHosted(@TempDir Path dir) throws Exception {
        Simulation sim = DextTestKit.run(dir, List.of(KARABINER), "");
        List<IORegistryEntry> services = DextTestKit.ofClass(sim, "AppleUserHIDDevice");
        assertThat(services).hasSize(1);
        IORegistryEntry svc = services.get(0);
        IORegistryEntry user = DextTestKit.parent(sim, svc);
        assertThat(user.className()).isEqualTo("IOUserResources");
        assertThat(svc.name()).isEqualTo(USER_CLASS);
        assertThat(sim.path(svc)).isEqualTo("IOService:/IOUserResources/" + USER_CLASS);
        assertThat(svc.property("IOUserClass")).isEqualTo(OSString.of(USER_CLASS));
        assertThat(svc.property("IOUserServerName")).isEqualTo(OSString.of(SERVER));
        assertThat(svc.property("IOMatchCategory")).isEqualTo(OSString.of(SERVER));   // the plist's category
        // the whole personality, as read from the plist, for re-matching
        KextBundle k = new KextLoader().load(List.of(KARABINER)).get(0);
        OSDictionary personality = (OSDictionary) k.personalities().get(USER_CLASS);
        assertThat(svc.property("IOMatchedPersonality")).isEqualTo(personality);
        assertThat(svc.state().active()).isTrue();
        assertThat(svc.state().matched()).isTrue();
        // one dext personality passed matchPassive on IOUserResources (the dump's IODEXTMatchCount = 1)
        assertThat(user.property("IODEXTMatchCount")).isEqualTo(OSNumber.of32(1));

        List<IORegistryEntry> servers = DextTestKit.ofClass(sim, "IOUserServer");
        assertThat(servers).hasSize(1);
        IORegistryEntry server = servers.get(0);
        long id = svc.registryEntryID();
        assertThat(server.name()).isEqualTo("IOUserServer(" + SERVER + "-0x" + Long.toHexString(id) + ")");
        assertThat(DextTestKit.parent(sim, server)).isSameAs(DextTestKit.parent(sim, user));
        assertThat(server.property("IOUserServerName")).isEqualTo(OSString.of(SERVER));
        assertThat(server.property("IOUserServerTag")).isEqualTo(OSNumber.of64(id));
        assertThat(server.property("IOAssociatedServices")).isEqualTo(OSArray.of(OSNumber.of64(id)));
        // the Start RPC goes to the server before the service counts as started
        List<String> kinds = sim.journal().stream().map(je -> je.kind().id())
                .filter(x -> x.startsWith("driverkit.") || x.equals("service.start")).toList();
        assertThat(kinds).containsSubsequence("driverkit.launch", "driverkit.service-attach", "driverkit.rpc",
                "driverkit.started", "service.start");
        assertThat(DextTestKit.events(sim, "driverkit.rpc").get(0).details()).containsEntry("message",
                "IOService::Start");
    }

    @Test
    @DisplayName("DK3: a dext personality on IOResources fails to start; IOUserResources is the dexts' nub")
    void dextOnIOResourcesIsRefused(@TempDir Path dir) throws Exception {
        Path plist = DextTestKit.dext(dir, "com.example.res", DextTestKit.personality("ResDext", "IOResources", "res",
                "com.example.res", "<key>IOResourceMatch</key><string>IOKit</string>"));
        Simulation sim = DextTestKit.run(dir, List.of(plist), "");
        assertThat(DextTestKit.ofClass(sim, "IOUserService")).isEmpty();
        assertThat(DextTestKit.ofClass(sim, "IOUserServer")).isEmpty();
        assertThat(DextTestKit.events(sim, "service.start-failed")).singleElement()
                .satisfies(e -> assertThat(e.details().get("reason")).contains("IOResources"));
    }

    @Test
    @DisplayName("DK1 DK9: matching explains Karabiner on IOUserResources: IOResourceMatch IOKit, then its start")
    void matchingExplainsTheDext(@TempDir Path dir) throws Exception {
        Simulation sim = DextTestKit.run(dir, List.of(), "");
        IOCatalogue catalogue = new IOCatalogue();
        new KextLoader().load(List.of(KARABINER)).forEach(catalogue::addKext);
        IORegistryEntry user = DextTestKit.ofClass(sim, "IOUserResources").get(0);
        ProviderMatch pm = new MatchEngine(catalogue, FamilyMatchers.standardContext(sim.registry())).match(user);
        MatchingTrace w = pm.winners().get("org.pqrs.Karabiner-DriverKit-VirtualHIDDevice");
        assertThat(w.personality().ioClass()).isEqualTo("AppleUserHIDDevice");
        assertThat(w.explanation()).contains("IOResourceMatch IOKit: IOUserResources publishes IOKit — match");
        assertThat(w.explanation()).anyMatch(l -> l.contains("a dext: the AppleUserHIDDevice service is named "
                + USER_CLASS + " (IOUserClass) and gets its own IOUserServer(" + SERVER + "-0x<entry ID>)"));
        // IOResources itself is no candidate: the personality names IOUserResources
        IORegistryEntry res = DextTestKit.ofClass(sim, "IOResources").get(0);
        assertThat(new MatchEngine(catalogue, FamilyMatchers.standardContext(sim.registry())).match(res).candidates())
                .isEmpty();
    }
}
