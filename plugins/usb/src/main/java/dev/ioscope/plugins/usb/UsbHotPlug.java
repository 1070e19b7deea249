package dev.ioscope.plugins.usb;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.spi.HotPlugSlot;
import dev.ioscope.engine.spi.PaletteDevice;

import java.util.List;

/**
 * Plugging a USB device into a port of a running machine: the port entry (a root port of the xHCI controller or
 * a hub's port) says where the device sits — its {@code locationID} (the device takes the port's; one nibble per
 * tier below the bus number), its {@code PortNum}, and its speed (a SuperSpeed root port runs at USB 3 speed).
 * The same placement the hub and controller models apply when a machine file lists the device under them.
 */
final class UsbHotPlug {
    static final String BUS = "usb";

    private UsbHotPlug() {
    }

    static final HotPlugSlot.Placement ON_PORT = (device, slotClass, port, provider) -> {
        if (!device.type().equals("usb-device") && !device.type().equals("usb-hub")) {
            throw new IllegalArgumentException("a USB port takes a usb-device or usb-hub, not " + device.type());
        }
        long loc = number(port, "locationID");
        long portNum = number(port, "PortNum");
        if (loc < 0 || portNum < 1) {
            throw new IllegalArgumentException("the port has no locationID/PortNum");
        }
        int tier = 0;
        for (long path = loc & 0xFFFFFF; path != 0; path >>>= 4) {
            tier += (path & 0xF) != 0 ? 1 : 0;
        }
        return UsbModels.at(device, loc, Math.max(1, tier), (int) portNum,
                slotClass.equals("AppleUSB30XHCIPort") ? 3 : 2);
    };

    static List<HotPlugSlot> slots() {
        return List.of(new HotPlugSlot("AppleUSB20XHCIPort", BUS, ON_PORT),
                new HotPlugSlot("AppleUSB30XHCIPort", BUS, ON_PORT),
                new HotPlugSlot("AppleUSB20HubPort", BUS, ON_PORT));
    }

    /** Real descriptors (the same devices the bundled virtual Mac has; docs/machines.md). */
    static List<PaletteDevice> palette() {
        return List.of(
                new PaletteDevice("USB flash drive (SanDisk Ultra)", BUS, """
                        {"type": "usb-device", "device": "120110020000004081078155000101020301",
                         "configuration": "0902200001010080700904000002080650000705810200020007050202000200",
                         "strings": {"1": "SanDisk", "2": "Ultra", "3": "4C530001231120115142"}}"""),
                new PaletteDevice("USB mouse (Logitech)", BUS, """
                        {"type": "usb-device", "device": "12010002000000086d0477c0007201020001",
                         "configuration": "09021900010100a0320904000001030102000705810304000a",
                         "strings": {"1": "Logitech", "2": "USB Optical Mouse"}}"""),
                new PaletteDevice("USB 2.0 hub, 4 ports (VIA Labs)", BUS, """
                        {"type": "usb-hub", "ports": 4, "device": "120110020900014009211728730401020001",
                         "configuration": "09021900010100e0000904000001090000000705810301000c",
                         "strings": {"1": "VIA Labs, Inc.", "2": "USB2.0 Hub"}}"""));
    }

    private static long number(OSDictionary d, String key) {
        return d.get(key) instanceof OSNumber n ? n.value() : -1;
    }
}
