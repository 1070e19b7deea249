package dev.ioscope.engine.explore;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** USB vendor names against what real USB devices call their vendor (the corpus's "USB Vendor Name" strings). */
class UsbVendorIdsTest {
    @Test
    void everyNamedVendorOfARealDeviceAgreesWithTheDevicesOwnVendorString() throws Exception {
        List<String> checked = new ArrayList<>();
        for (String file : List.of("MacBookPro8-1.IOService.txt", "iMac16-1.ioreg",
                "Hackintosh-DellADL-macOS13.IOService.txt")) {
            for (IORegistryEntry e : Snapshots.load(TestData.path("snapshots/" + file)).registry().entries()) {
                if (e.properties().get("idVendor") instanceof OSNumber id
                        && e.properties().get("USB Vendor Name") instanceof OSString vendor) {
                    var ours = UsbVendorIds.name((int) id.value());
                    // CN…: a serial number, not a name. Apple's Bluetooth parts are Broadcom's, and each labels the
                    // other: Broadcom's id 0x0a5c says "Apple Inc." (BRCM2070 Hub), Apple's 0x05ac "Broadcom Corp."
                    // (the iMac's Bluetooth USB Host Controller)
                    boolean bluetooth = id.value() == 0x0a5c || vendor.value().startsWith("Broadcom");
                    if (ours.isPresent() && !vendor.value().startsWith("CN") && !bluetooth) {
                        String first = ours.get().split(" ")[0].toLowerCase(Locale.ROOT);
                        assertThat(vendor.value().toLowerCase(Locale.ROOT)).as(file + " " + e.name()).contains(first);
                        checked.add(ours.get());
                    }
                }
            }
        }
        assertThat(checked).contains("Apple", "Wacom");
    }

    @Test
    void idVendorIsDecodedWithTheUsbNumberingNotPcis() {
        // 0x0781 is SanDisk on USB; 0x8086 is Intel's PCI id and has no USB meaning here
        assertThat(PropertyDecoders.decode("idVendor", OSNumber.of(0x0781, 16))).get().asString().endsWith(" SanDisk");
        assertThat(PropertyDecoders.decode("idVendor", OSNumber.of(0x05ac, 16))).get().asString().endsWith(" Apple");
        assertThat(UsbVendorIds.name(0x1234)).isEmpty();
    }
}
