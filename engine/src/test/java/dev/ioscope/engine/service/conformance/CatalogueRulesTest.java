package dev.ioscope.engine.service.conformance;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.IOCatalogue;
import dev.ioscope.engine.service.Machine;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.kext.KextBundle;
import dev.ioscope.engine.service.kext.KextLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/iokit-rules.md, "Catalogue" (C1–C3). */
class CatalogueRulesTest {
    @Test
    @DisplayName("C1: personalities are kept by IOProviderClass, in file order, owned by their CFBundleIdentifier")
    void c1ByProviderClass() throws Exception {
        KextBundle hid = new KextLoader().loadPlist(TestData.path("kexts/IOHIDFamily/Info-IOHIDFamily.plist"));
        IOCatalogue cat = new IOCatalogue();
        cat.addKext(hid);
        // Counted by hand in the plist: 7 personalities, 2 of them on IOResources.
        assertThat(cat.size()).isEqualTo(7);
        Machine m = new Machine();
        List<Personality> onResources = cat.candidatesFor(m.resources, m.reg.classes());
        assertThat(onResources).extracting(Personality::name).containsExactly("IOHIDResource", "IOHIDSystem");
        assertThat(onResources.get(0).bundle()).isEqualTo("com.apple.iokit.IOHIDFamily");
    }

    @Test
    @DisplayName("C2: candidates come from the class chain, leaf class first, up to IOService")
    void c2ChainLeafFirst() {
        Machine m = new Machine();
        Personality onService = m.add("svc", "IOProviderClass", "IOService", "IOClass", "A");
        Personality onPlatform = m.add("plat", "IOProviderClass", "IOPlatformDevice", "IOClass", "B");
        Personality onAcpi = m.add("acpi", "IOProviderClass", "IOACPIPlatformDevice", "IOClass", "C");
        m.add("other", "IOProviderClass", "IOPCIDevice", "IOClass", "D");
        IORegistryEntry n = m.nub(m.expert, "IOACPIPlatformDevice", "n");
        assertThat(m.catalogue.candidatesFor(n, m.reg.classes())).containsExactly(onAcpi, onPlatform, onService);
    }

    @Test
    @DisplayName("C3: Xcode placeholders resolve from the plist's keys and file name, or stay literal with a warning")
    void c3Placeholders() throws Exception {
        KextBundle lilu = new KextLoader().loadPlist(TestData.path("kexts/Lilu/Info.plist"));
        // IOClass is $(PRODUCT_NAME:rfc1034identifier); PRODUCT_NAME comes from the folder name "Lilu".
        OSDictionary p = (OSDictionary) lilu.personalities().valueAt(0);
        assertThat(p.get("IOClass")).hasToString("\"Lilu\"");
        assertThat(lilu.warnings()).anyMatch(w -> w.contains("took \"Lilu\" from the file name"));
        // CFBundleIdentifier is $(PRODUCT_BUNDLE_IDENTIFIER), which nothing defines: kept literally, with a warning.
        assertThat(lilu.bundleId()).isEqualTo("$(PRODUCT_BUNDLE_IDENTIFIER)");
        assertThat(lilu.warnings()).anyMatch(w -> w.contains("$(PRODUCT_BUNDLE_IDENTIFIER)")
                && w.contains("literally"));
        KextBundle mausi = new KextLoader().loadPlist(TestData.path("kexts/IntelMausi/IntelMausiEthernet-Info.plist"));
        assertThat(mausi.bundleId()).isEqualTo("as.acidanthera.mieze.IntelMausiEthernet");
    }
}
