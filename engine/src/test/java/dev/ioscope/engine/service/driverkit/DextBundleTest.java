package dev.ioscope.engine.service.driverkit;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.service.DextPersonality;
import dev.ioscope.engine.service.IOCatalogue;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.kext.KextBundle;
import dev.ioscope.engine.service.kext.KextLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** .dext bundles load wherever kexts do; their personalities are dext personalities by IOUserServerName. */
class DextBundleTest {
    @Test
    @DisplayName("DK1: .dext bundles (Contents/Info.plist or flat) load as kexts do; IOUserServerName marks the dext")
    void dextBundlesLoad(@TempDir Path dir) throws Exception {
        Path deep = dir.resolve("Karabiner-DriverKit-VirtualHIDDevice.dext/Contents/Info.plist");
        Files.createDirectories(deep.getParent());
        Files.copy(KarabinerDextTest.KARABINER, deep);
        Path flat = dir.resolve("Flat.dext/Info.plist");
        Files.createDirectories(flat.getParent());
        Files.copy(KarabinerDextTest.KARABINER, flat);

        List<KextBundle> found = new KextLoader().load(List.of(dir));
        assertThat(found).extracting(KextBundle::infoPlist).containsExactly(flat, deep);
        // the product name comes from the bundle's folder, as for a .kext (rule C3)
        assertThat(found.get(1).info().get("CFBundleName"))
                .isEqualTo(OSString.of("Karabiner-DriverKit-VirtualHIDDevice"));
        assertThat(found.get(0).info().get("CFBundleName")).isEqualTo(OSString.of("Flat"));
        // the bundle identifier is an Xcode build setting the source plist does not define: kept, with a warning
        assertThat(found.get(1).bundleId()).isEqualTo("$(PRODUCT_BUNDLE_IDENTIFIER)");
        assertThat(found.get(1).warnings()).anyMatch(w -> w.contains("PRODUCT_BUNDLE_IDENTIFIER"));

        IOCatalogue catalogue = new IOCatalogue();
        catalogue.addKext(found.get(1));
        Personality p = catalogue.personalities().get(0);
        assertThat(DextPersonality.isDext(p)).isTrue();
        assertThat(p.providerClass()).isEqualTo("IOUserResources");
        assertThat(p.ioClass()).isEqualTo("AppleUserHIDDevice");
        Personality kext = new Personality("k", "k", OSDictionary.of("IOClass",
                OSString.of("IOService")), 0);
        assertThat(DextPersonality.isDext(kext)).isFalse();
    }
}
