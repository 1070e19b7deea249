package dev.ioscope.plugins.pci;

import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.spi.HotPlugSlot;
import dev.ioscope.engine.spi.PaletteDevice;

import java.util.List;

/**
 * Plugging a card behind a PCI-to-PCI bridge of a running machine (the slot is the IOPCI2PCIBridge driver, whose
 * provider — the bridge's IOPCIDevice nub — says its secondary bus in "bridge-bus-range"): the card sits on that
 * bus, as the bridge model puts the devices a machine file lists behind it.
 */
final class PciHotPlug {
    static final String BUS = "pci";

    private PciHotPlug() {
    }

    static final HotPlugSlot.Placement BEHIND_BRIDGE = (device, slotClass, bridge, nub) -> {
        if (!(nub.get("bridge-bus-range") instanceof OSData range) || range.length() < 4) {
            throw new IllegalArgumentException("the bridge has no bridge-bus-range");
        }
        byte[] b = range.toByteArray();
        int secondary = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
        return PciModels.onBus(device, secondary);
    };

    static HotPlugSlot slot() {
        return new HotPlugSlot("IOPCI2PCIBridge", BUS, BEHIND_BRIDGE);
    }

    /** Cards whose ids the bundled personalities match (pci/Info.plist), so plugging one starts a driver. */
    static List<PaletteDevice> palette() {
        return List.of(
                new PaletteDevice("PCIe audio controller (Intel HDA)", BUS, """
                        {"type": "pci-device", "name": "HDAU", "location": "0", "vendor": "0x8086",
                         "device": "0xa348", "class": "0x040300", "bars": [{"type": "mem64", "size": 16384}]}"""),
                new PaletteDevice("PCIe Wi-Fi card (Broadcom BCM4360, no driver)", BUS, """
                        {"type": "pci-device", "name": "ARPT", "location": "0", "vendor": "0x14e4",
                         "device": "0x43a0", "class": "0x028000", "bars": [{"type": "mem64", "size": 32768}]}"""),
                // a Hackintosh's NIC: no bundled driver; load the IntelMausi kext (the corpus
                // (engine/src/test/resources/real/kexts)) and it matches
                new PaletteDevice("Intel I219-V Ethernet (no driver: load IntelMausi)", BUS, """
                        {"type": "pci-device", "name": "GIGE", "location": "0", "vendor": "0x8086",
                         "device": "0x15b8", "class": "0x020000", "bars": [{"type": "mem32", "size": 131072}]}"""));
    }
}
