package dev.ioscope.engine.service.driverkit;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Simulation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening a dext's service: the IOUserUserClient its UserClientProperties describe (Karabiner's, for real). */
class DextUserClientTest {
    private static final String SVC = "IOService:/IOUserResources/" + KarabinerDextTest.USER_CLASS;

    @Test
    @DisplayName("DK12 DK13: Karabiner's user client opens as an IOUserUserClient named after its IOUserClass")
    void karabinerUserClientOpens(@TempDir Path dir) throws Exception {
        Simulation sim = DextTestKit.run(dir, List.of(KarabinerDextTest.KARABINER),
                "{\"at\": 100000, \"do\": \"open\", \"path\": \"" + SVC + "\", \"as\": \"k\"},"
                        + "{\"at\": 200000, \"do\": \"call\", \"connection\": \"k\", \"selector\": 0}");
        List<JournalEvent> open = DextTestKit.events(sim, "userclient.open");
        assertThat(open).singleElement().satisfies(e -> assertThat(e.details()).containsEntry("result",
                "kIOReturnSuccess").containsEntry("class", "IOUserUserClient"));
        List<IORegistryEntry> ucs = DextTestKit.ofClass(sim, "IOUserUserClient");
        assertThat(ucs).hasSize(1);
        IORegistryEntry uc = ucs.get(0);
        assertThat(uc.name()).isEqualTo("org_pqrs_Karabiner_DriverKit_VirtualHIDDevice_UserClient");
        assertThat(sim.path(DextTestKit.parent(sim, uc))).isEqualTo(SVC);
        // the nested per-device dictionaries come with the UserClientProperties
        assertThat(uc.property("VirtualHIDKeyboardProperties")).isInstanceOf(OSDictionary.class);
        assertThat(uc.property("IOUserClass")).isEqualTo(OSString.of(
                "org_pqrs_Karabiner_DriverKit_VirtualHIDDevice_UserClient"));
        // nobody emulates the user class: DriverKit's base ExternalMethod answers kIOReturnUnsupported
        assertThat(DextTestKit.events(sim, "userclient.call")).singleElement().satisfies(e ->
                assertThat(e.details()).containsEntry("result", "kIOReturnUnsupported"));
    }

    @Test
    @DisplayName("DK12: a UserClientProperties IOClass other than IOUserUserClient is refused: kIOReturnUnsupported")
    void otherClassRefused(@TempDir Path dir) throws Exception {
        Path p = DextTestKit.dext(dir, "com.example.uc", DextTestKit.personality("UcDext", "IOUserResources", "u",
                "com.example.uc", "<key>UserClientProperties</key><dict><key>IOClass</key><string>IOUserClient"
                        + "</string><key>IOUserClass</key><string>UcClient</string></dict>"));
        Simulation sim = DextTestKit.run(dir, List.of(p),
                "{\"at\": 100000, \"do\": \"open\", \"path\": \"IOService:/IOUserResources/UcDext\"}");
        assertThat(DextTestKit.events(sim, "userclient.open")).singleElement().satisfies(e ->
                assertThat(e.details()).containsEntry("result", "kIOReturnUnsupported"));
    }
}
