package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A sample Mac: a deterministic, Mac-shaped registry of any size, what the explorer shows when no snapshot can be
 * loaded (the benchmark load, with every kind of property real snapshots hold, is {@code BenchmarkRegistry}): a
 * platform expert, a PCI root with bridges and devices
 * (vendor-id/device-id/class-code as little-endian OSData, as IOPCIFamily publishes them), XHCI controllers with
 * USB devices, storage with BSD names, network interfaces, and power children. Used when no real snapshot can be
 * loaded, by benchmarks (100k entries) and by tests that need a registry without a file.
 */
public final class SampleMacRegistry {
    private SampleMacRegistry() {
    }

    /** A registry with about {@code entries} entries in IOService, a few in IODeviceTree and IOPower. */
    public static IORegistry build(int entries, long seed) {
        Random rnd = new Random(seed);
        IORegistry r = IORegistry.create();
        IORegistryPlane service = r.plane(IORegistryPlane.IOSERVICE);
        IORegistryPlane dt = r.plane(IORegistryPlane.IODEVICETREE);
        IORegistryPlane power = r.plane(IORegistryPlane.IOPOWER);
        r.root().setName("Root");
        r.root().setProperties(OSDictionary.of("IOKitBuildVersion", OSString.of("Darwin Kernel Version 15.0.0"),
                "IORegistryPlanes", OSDictionary.of("IOService", OSString.of("IOService"))));
        IORegistryEntry pe = add(r, service, r.root(), "IOPlatformExpertDevice", "Mac-Sample", null,
                OSDictionary.of("model", data("iMac16,1"), "compatible", data("iMac16,1\0Mac-Sample\0"),
                        "IOPlatformSerialNumber", OSString.of("C02SAMPLE000")));
        r.attach(pe, r.root(), dt);
        pe.setName(dt, "device-tree");
        IORegistryEntry rootDomain = add(r, service, pe, "IOPMrootDomain", "IOPMrootDomain", null,
                OSDictionary.of("SleepSupported", OSBoolean.TRUE, "IOSleepSupported", OSBoolean.TRUE));
        r.attach(rootDomain, r.root(), power);
        IORegistryEntry acpi = add(r, service, pe, "AppleACPIPlatformExpert", "AppleACPIPlatformExpert", null,
                OSDictionary.empty());
        IORegistryEntry pci0 = add(r, service, acpi, "IOPCI2PCIBridge", "PCI0", "0",
                OSDictionary.of("compatible", data("pciclass,060000\0"), "IOName", OSString.of("PCI0")));
        r.attach(pci0, pe, dt);
        int made = r.size();
        int bridge = 0;
        while (made < entries) {
            IORegistryEntry br = add(r, service, pci0, "IOPCI2PCIBridge", "RP0" + (bridge % 10), hex(bridge + 0x1c),
                    pciProps(0x8086, 0xa110 + bridge % 16, 0x060400, "pci-bridge"));
            r.attach(br, pci0, dt);
            r.attach(br, rootDomain, power);
            made++;
            int devices = 1 + rnd.nextInt(6);
            for (int d = 0; d < devices && made < entries; d++) {
                made += device(r, service, br, rnd, bridge, d, Math.min(entries - made, 40));
            }
            bridge++;
        }
        return r;
    }

    private static int device(IORegistry r, IORegistryPlane service, IORegistryEntry parent, Random rnd, int b, int d,
                              int budget) {
        int kind = rnd.nextInt(4);
        String loc = d + ",0";
        switch (kind) {
            case 0 -> {
                IORegistryEntry x = add(r, service, parent, "IOPCIDevice", "XHC" + d, loc,
                        pciProps(0x8086, 0x8cb1, 0x0c0330, "pci8086,8cb1"));
                IORegistryEntry ctl = add(r, service, x, "AppleUSBXHCIPCI", "AppleUSBXHCIPCI", null,
                        OSDictionary.of("kUSBSleepSupported", OSBoolean.TRUE));
                int n = 2;
                for (int p = 0; p < Math.min(budget - 2, 8) / 2; p++) {
                    IORegistryEntry port = add(r, service, ctl, "AppleUSB30XHCIPort", "SS0" + p, "1" + p + "00000",
                            OSDictionary.of("port", OSData.wrap(new byte[]{(byte) (p + 1), 0, 0, 0})));
                    add(r, service, port, "IOUSBHostDevice", "USB Keyboard " + b + "." + d + "." + p,
                            "1" + p + "100000", OSDictionary.of("idVendor", OSNumber.of(0x05ac, 16),
                                    "idProduct", OSNumber.of(0x0250 + p, 16), "USB Product Name",
                                    OSString.of("Keyboard " + p), "sessionID", OSNumber.of64(rnd.nextLong() >>> 8)));
                    n += 2;
                }
                return n;
            }
            case 1 -> {
                IORegistryEntry sata = add(r, service, parent, "IOPCIDevice", "SATA" + d, loc,
                        pciProps(0x8086, 0x8c82, 0x010601, "pci8086,8c82"));
                IORegistryEntry ahci = add(r, service, sata, "AppleAHCI", "AppleAHCI", null, OSDictionary.empty());
                IORegistryEntry media = add(r, service, ahci, "IOMedia", "APPLE SSD " + b + "." + d + " Media", null,
                        OSDictionary.of("BSD Name", OSString.of("disk" + (b * 8 + d)), "Size",
                                OSNumber.of64(1L << (36 + rnd.nextInt(4))), "Whole", OSBoolean.TRUE,
                                "Content", OSString.of("GUID_partition_scheme")));
                add(r, service, media, "IOMediaBSDClient", "IOMediaBSDClient", null, OSDictionary.empty());
                return 4;
            }
            case 2 -> {
                IORegistryEntry gbe = add(r, service, parent, "IOPCIDevice", "GIGE", loc,
                        pciProps(0x14e4, 0x16b4, 0x020000, "pci14e4,16b4"));
                IORegistryEntry drv = add(r, service, gbe, "IOEthernetController", "AppleBCM5701Ethernet", null,
                        OSDictionary.of("IOMACAddress", OSData.wrap(new byte[]{0x0c, 0x4d, (byte) 0xe9, 1,
                                (byte) b, (byte) d})));
                add(r, service, drv, "IOEthernetInterface", "en" + (b % 4), null,
                        OSDictionary.of("BSD Name", OSString.of("en" + b), "IOLinkSpeed",
                                OSNumber.of64(1_000_000_000L)));
                return 3;
            }
            default -> {
                IORegistryEntry hda = add(r, service, parent, "IOPCIDevice", "HDEF", loc,
                        pciProps(0x8086, 0x8ca0, 0x040300, "pci8086,8ca0"));
                add(r, service, hda, "AppleHDAController", "AppleHDAController", null,
                        OSDictionary.of("IOAudioEngineState", OSNumber.of32(1),
                                "layouts", OSArray.of(List.of(OSNumber.of32(1), OSNumber.of32(13)))));
                return 2;
            }
        }
    }

    private static OSDictionary pciProps(int vendor, int device, int classCode, String compatible) {
        return OSDictionary.of("vendor-id", le32(vendor), "device-id", le32(device), "class-code", le32(classCode),
                "compatible", data(compatible + "\0pciclass," + String.format("%06x", classCode) + "\0"),
                "IOPCIExpressLinkStatus", OSNumber.of32(0x1012));
    }

    private static IORegistryEntry add(IORegistry r, IORegistryPlane plane, IORegistryEntry parent, String cls,
                                       String name, String loc, OSDictionary props) {
        IORegistryEntry e = r.createEntry(cls, name);
        e.setLocation(loc);
        e.setProperties(props);
        e.setState(EntryState.settledService(5 + (int) (e.registryEntryID() % 7)));
        r.attach(e, parent, plane);
        return e;
    }

    private static OSData le32(int v) {
        return OSData.wrap(new byte[]{(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }

    private static OSData data(String s) {
        return OSData.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(int v) {
        return Integer.toHexString(v);
    }
}
