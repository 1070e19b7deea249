package dev.ioscope.engine.service.bench;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.service.IOCatalogue;
import dev.ioscope.engine.service.Personality;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic synthetic machine for the matching benchmark: a registry of N entries shaped like a real Mac
 * (PCI devices with IDs, ACPI nodes with compatible lists, USB devices and interfaces, HID devices and interfaces,
 * plain services) and a catalogue of P personalities spread over those provider classes, using every family's
 * keys (IOPCIMatch lists, IONameMatch, IOPropertyMatch, USB tuples, DeviceUsagePairs).
 */
public final class SyntheticMachine {
    static final String[] NUB_CLASSES = {"IOPCIDevice", "IOACPIPlatformDevice", "IOUSBHostDevice",
        "IOUSBHostInterface", "IOHIDDevice", "IOHIDInterface", "IOService", "IOResources"};
    // NUB_CLASSES.length - 2: the six nub families; IOService and IOResources are chosen on purpose above.

    public final IORegistry registry = IORegistry.create();
    public final IOCatalogue catalogue = new IOCatalogue();

    public SyntheticMachine(int entries, int personalities, long seed) {
        Random r = new Random(seed);
        IORegistryPlane svc = registry.plane(IORegistryPlane.IOSERVICE);
        IORegistryEntry expert = registry.createEntry("IOPlatformExpertDevice", "Mac");
        registry.attach(expert, registry.root(), svc);
        IORegistryEntry res = registry.createEntry("IOResources", "IOResources");
        res.setProperty("IOKit", OSString.of("IOService"));
        res.setProperty("IOBSD", OSString.of("IOService"));
        registry.attach(res, expert, svc);
        List<IORegistryEntry> parents = new ArrayList<>(List.of(expert));
        for (int i = 2; i < entries; i++) {
            IORegistryEntry parent = parents.get(r.nextInt(parents.size()));
            // About half of a real registry is drivers, user clients and other non-nub objects (subclasses of
            // IOService that no personality names as provider).
            String cls = r.nextBoolean() ? "Driver" + r.nextInt(300) : NUB_CLASSES[r.nextInt(NUB_CLASSES.length - 2)];
            if (cls.startsWith("Driver")) {
                registry.classes().define(cls, "IOService");
            }
            IORegistryEntry e = registry.createEntry(cls, cls.substring(2, 6) + i);
            fill(e, cls, r);
            registry.attach(e, "IOHIDInterface".equals(cls) && "IOHIDDevice".equals(parent.className())
                    ? parent : parent, svc);
            if (parents.size() < 4000) {
                parents.add(e);
            }
        }
        for (int i = 0; i < personalities; i++) {
            // Personalities on plain IOService are rare in real catalogues (every entry is their candidate).
            String on = r.nextInt(100) == 0 ? "IOService" : NUB_CLASSES[r.nextInt(NUB_CLASSES.length - 2)];
            if (r.nextInt(50) == 0) {
                on = "IOResources";
            }
            catalogue.add(new Personality("com.example.k" + (i % 50), "p" + i, personality(on, i, r), i));
        }
    }

    private static void fill(IORegistryEntry e, String cls, Random r) {
        switch (cls) {
            case "IOPCIDevice" -> {
                e.setProperty("vendor-id", le(r.nextBoolean() ? 0x8086 : 0x10ec));
                e.setProperty("device-id", le(0x1500 + r.nextInt(256)));
                e.setProperty("subsystem-vendor-id", le(0x1028));
                e.setProperty("subsystem-id", le(r.nextInt(0x1000)));
                e.setProperty("class-code", le(new int[]{0x020000, 0x0c0330, 0x030000}[r.nextInt(3)]));
            }
            case "IOACPIPlatformDevice" -> e.setProperty("compatible",
                    OSData.wrap(("PNP0" + (300 + r.nextInt(40)) + "\0")
                    .getBytes(StandardCharsets.UTF_8)));
            case "IOUSBHostDevice", "IOUSBHostInterface" -> {
                e.setProperty("idVendor", OSNumber.of32(0x05ac + r.nextInt(4)));
                e.setProperty("idProduct", OSNumber.of32(r.nextInt(64)));
                e.setProperty("bConfigurationValue", OSNumber.of32(1));
                e.setProperty("bInterfaceNumber", OSNumber.of32(r.nextInt(3)));
                e.setProperty("bInterfaceClass", OSNumber.of32(3));
                e.setProperty("bInterfaceSubClass", OSNumber.of32(r.nextInt(2)));
            }
            case "IOHIDDevice" -> {
                e.setProperty("DeviceUsagePairs", OSArray.of(pair(1, 2 + r.nextInt(6)), pair(12, 1)));
                e.setProperty("VendorID", OSNumber.of32(1452));
                e.setProperty("HIDDefaultBehavior", OSString.of(""));
            }
            default -> e.setProperty("Feature" + r.nextInt(20), OSBoolean.TRUE);
        }
    }

    private static OSDictionary personality(String on, int i, Random r) {
        OSDictionary.Builder b = OSDictionary.builder();
        b.put("CFBundleIdentifier", OSString.of("com.example.k" + (i % 50)));
        b.put("IOClass", OSString.of("Driver" + i));
        b.put("IOProviderClass", OSString.of(on));
        b.put("IOProbeScore", OSNumber.of32(r.nextInt(5000)));
        if (r.nextInt(4) == 0) {
            b.put("IOMatchCategory", OSString.of("Cat" + r.nextInt(8)));
        }
        switch (on) {
            case "IOPCIDevice" -> {
                StringBuilder ids = new StringBuilder();
                for (int k = 0; k < 1 + r.nextInt(30); k++) {
                    ids.append(String.format("0x%04x%04x ", 0x1500 + r.nextInt(256),
                            r.nextBoolean() ? 0x8086 : 0x10ec));
                }
                b.put(r.nextInt(5) == 0 ? "IOPCIClassMatch" : "IOPCIMatch", OSString.of(ids.toString().strip()));
            }
            case "IOACPIPlatformDevice" -> b.put("IONameMatch", OSArray.of(OSString.of("PNP0" + (300 + r.nextInt(40))),
                    OSString.of("PNP0" + (300 + r.nextInt(40)))));
            case "IOUSBHostDevice" -> {
                b.put("idVendor", OSNumber.of32(0x05ac + r.nextInt(4)));
                b.put("idProduct", OSNumber.of32(r.nextInt(64)));
            }
            case "IOUSBHostInterface" -> {
                b.put("bInterfaceClass", OSNumber.of32(3));
                b.put("bInterfaceSubClass", OSNumber.of32(r.nextInt(2)));
            }
            case "IOHIDDevice", "IOHIDInterface" -> {
                b.put("DeviceUsagePairs", OSArray.of(pair(1, 2 + r.nextInt(6))));
                b.put("HIDDefaultBehavior", OSString.of(""));
            }
            case "IOResources" -> b.put("IOResourceMatch", OSString.of(r.nextBoolean() ? "IOKit" : "IOBSD"));
            default -> b.put("IOPropertyMatch", OSDictionary.of("Feature" + r.nextInt(20), OSBoolean.TRUE));
        }
        return b.build();
    }

    private static OSDictionary pair(int page, int usage) {
        return OSDictionary.of("DeviceUsagePage", OSNumber.of32(page), "DeviceUsage", OSNumber.of32(usage));
    }

    private static OSData le(int v) {
        return OSData.wrap(new byte[]{(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }
}
