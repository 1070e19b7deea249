package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

/** A hand-built registry small enough to check every expectation by eye. */
final class TinyRegistry {
    final IORegistry r = IORegistry.create();
    final IORegistryPlane service = r.plane("IOService");
    final IORegistryPlane dt = r.plane("IODeviceTree");
    final IORegistryEntry pe;
    final IORegistryEntry pci0;
    final IORegistryEntry gfx;
    final IORegistryEntry xhc;
    final IORegistryEntry media;

    TinyRegistry() {
        pe = add(0x100000110L, "IOPlatformExpertDevice", "J137AP", null, r.root(), OSDictionary.of(
                "model", OSData.wrap("iMac16,1\0".getBytes())));
        r.attach(pe, r.root(), dt);
        pe.setName(dt, "device-tree");
        pci0 = add(0x100000120L, "IOPCI2PCIBridge", "PCI0", "0", pe, OSDictionary.empty());
        r.attach(pci0, pe, dt);
        gfx = add(0x100000130L, "IOAGPDevice", "IGPU", "2", pci0, OSDictionary.of(
                "vendor-id", OSData.ofHex("86800000"), "device-id", OSData.ofHex("26160000"),
                "AAPL,ig-platform-id", OSData.ofHex("02001616")));
        xhc = add(0x100000140L, "IOPCIDevice", "XHC1", "14", pci0, OSDictionary.of(
                "class-code", OSData.ofHex("30030c00"), "IOPCIExpressLinkStatus", OSNumber.of32(0x1012)));
        media = add(0x100000150L, "IOMedia", "APPLE SSD Media", null, xhc, OSDictionary.of(
                "BSD Name", OSString.of("disk0"), "Content Hint", OSString.of("GUID_partition_scheme")));
    }

    IORegistryEntry add(long id, String cls, String name, String loc, IORegistryEntry parent, OSDictionary props) {
        IORegistryEntry e = r.createEntry(id, cls, name);
        e.setLocation(loc);
        e.setProperties(props);
        e.setState(EntryState.settledService(3));
        r.attach(e, parent, service);
        return e;
    }
}
