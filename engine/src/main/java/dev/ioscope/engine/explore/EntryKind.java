package dev.ioscope.engine.explore;

import dev.ioscope.engine.registry.ClassCatalogue;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.List;
import java.util.Locale;

/**
 * The family of hardware an entry belongs to, for an icon in the tree. Decided by class conformance first
 * (OSDynamicCast to the family's base class through the class catalogue), then by words in the class name for
 * the many vendor classes a catalogue cannot know (AppleUSB…, …HDA…, …Ethernet…).
 */
public enum EntryKind {
    ROOT, PLATFORM, CPU, PCI, USB, STORAGE, NETWORK, DISPLAY, AUDIO, INPUT, POWER, USER_CLIENT, RESOURCES, OTHER;

    private record Rule(EntryKind kind, List<String> bases, List<String> words) {
    }

    /** First match wins: the specific families before the buses that carry them (a NIC is an IOPCIDevice's child). */
    private static final List<Rule> RULES = List.of(
            new Rule(USER_CLIENT, List.of("IOUserClient"), List.of("userclient")),
            new Rule(RESOURCES, List.of("IOResources", "IOUserResources"), List.of()),
            new Rule(CPU, List.of("IOCPU", "IOCPUInterruptController"), List.of("cpu", "processor")),
            new Rule(STORAGE, List.of("IOStorage", "IOBlockStorageDevice", "IOMedia", "IOAHCIPort",
                    "IONVMeController"), List.of("ahci", "nvme", "storage", "media", "disk", "sata", "scsi")),
            new Rule(NETWORK, List.of("IONetworkController", "IONetworkInterface", "IO80211Controller"),
                    List.of("ethernet", "80211", "airport", "wlan", "network", "bluetooth")),
            new Rule(DISPLAY, List.of("IOFramebuffer", "IODisplay", "IOAccelerator", "IOGraphicsDevice"),
                    List.of("framebuffer", "display", "gpu", "graphics", "accel", "backlight")),
            new Rule(AUDIO, List.of("IOAudioDevice", "IOAudioEngine"), List.of("audio", "hda", "sound")),
            new Rule(INPUT, List.of("IOHIDevice", "IOHIDInterface", "IOHIDEventService"),
                    List.of("hid", "keyboard", "mouse", "trackpad", "ps2")),
            new Rule(USB, List.of("IOUSBHostDevice", "IOUSBHostInterface", "IOUSBDevice", "IOUSBHostController",
                    "AppleUSBHostPort"), List.of("usb", "xhci", "ehci")),
            new Rule(PCI, List.of("IOPCIDevice", "IOPCIBridge"), List.of("pci")),
            new Rule(POWER, List.of("IOPMrootDomain", "IOPMPowerSource", "IOPowerConnection"),
                    List.of("power", "battery", "smc", "pmu")),
            new Rule(PLATFORM, List.of("IOPlatformExpert", "IOPlatformExpertDevice", "IOPlatformDevice",
                    "IOACPIPlatformDevice"), List.of("acpi", "platform")));

    public static EntryKind classify(ClassCatalogue classes, IORegistryEntry e, boolean isRoot) {
        if (isRoot) {
            return ROOT;
        }
        for (Rule r : RULES) {
            for (String base : r.bases) {
                if (classes.conformsTo(e, base)) {
                    return r.kind;
                }
            }
        }
        String cls = e.className().toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            for (String w : r.words) {
                if (cls.contains(w)) {
                    return r.kind;
                }
            }
        }
        return OTHER;
    }
}
