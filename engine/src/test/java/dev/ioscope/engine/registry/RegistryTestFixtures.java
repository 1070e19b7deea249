package dev.ioscope.engine.registry;

import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;

import java.nio.charset.StandardCharsets;

/** A small registry shaped like a real Mac's, with two planes, a multi-parent entry and device-tree aliases. */
public final class RegistryTestFixtures {
    public final IORegistry reg = IORegistry.create();
    public final IORegistryPlane service = reg.plane(IORegistryPlane.IOSERVICE);
    public final IORegistryPlane dt = reg.plane(IORegistryPlane.IODEVICETREE);
    public final IORegistryEntry expert;
    public final IORegistryEntry pci0;
    public final IORegistryEntry gfx;
    public final IORegistryEntry xhc;
    public final IORegistryEntry shared;
    public final IORegistryEntry resources;
    public final IORegistryEntry aliases;

    public RegistryTestFixtures() {
        expert = reg.createEntry("MacBookPro15,1", "MacBookPro15,1");
        expert.setClassName("IOPlatformExpertDevice");
        expert.setName(dt, "device-tree");
        reg.attach(expert, reg.root(), service);
        reg.attach(expert, reg.root(), dt);
        IORegistryEntry acpi = reg.createEntry("AppleACPIPlatformExpert", "AppleACPIPlatformExpert");
        reg.attach(acpi, expert, service);
        pci0 = reg.createEntry("AppleACPIPCI", "PCI0");
        pci0.setLocation("0");
        reg.attach(pci0, acpi, service);
        reg.attach(pci0, expert, dt);
        gfx = reg.createEntry("IOPCIDevice", "GFX0");
        gfx.setLocation("2");
        gfx.setProperty("vendor-id", OSData.wrap(new byte[]{(byte) 0x86, (byte) 0x80, 0, 0}));
        gfx.setProperty("IOPCIExpressLinkStatus", OSNumber.of32(0x1043));
        reg.attach(gfx, pci0, service);
        reg.attach(gfx, pci0, dt);
        xhc = reg.createEntry("IOPCIDevice", "XHC1");
        xhc.setLocation("14");
        reg.attach(xhc, pci0, service);
        shared = reg.createEntry("IOHIDInterface", "shared");
        reg.attach(shared, gfx, service);
        reg.attach(shared, xhc, service);
        IORegistryEntry below = reg.createEntry("IOHIDEventDriver", "IOHIDEventDriver");
        reg.attach(below, shared, service);
        resources = reg.createEntry("IOResources", "IOResources");
        resources.setProperty("IOKit", OSString.of("IOService"));
        reg.attach(resources, reg.root(), service);
        aliases = reg.createEntry("IOService", "aliases");
        aliases.setProperty("gfx", OSData.wrap("/PCI0@0/GFX0@2\0".getBytes(StandardCharsets.UTF_8)));
        reg.attach(aliases, expert, dt);
        // IODeviceTree: the aliases node is a child of the device-tree root entry.
    }
}
