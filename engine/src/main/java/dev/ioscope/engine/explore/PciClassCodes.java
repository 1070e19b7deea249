package dev.ioscope.engine.explore;

import java.util.Map;

/** PCI class codes (base class, subclass, programming interface) as the PCI-SIG code and ID assignment names them. */
final class PciClassCodes {
    private static final String[] BASE = {"Unclassified", "Mass storage", "Network", "Display", "Multimedia",
            "Memory", "Bridge", "Communication", "System peripheral", "Input", "Docking station", "Processor",
            "Serial bus", "Wireless", "Intelligent I/O", "Satellite", "Encryption", "Signal processing"};
    private static final Map<Integer, String> SUB = Map.ofEntries(
            Map.entry(0x0101, "IDE"), Map.entry(0x0104, "RAID"), Map.entry(0x0106, "SATA"),
            Map.entry(0x010601, "SATA AHCI"), Map.entry(0x0108, "NVM"), Map.entry(0x010802, "NVMe"),
            Map.entry(0x0200, "Ethernet"), Map.entry(0x0280, "Other network (Wi-Fi)"),
            Map.entry(0x0300, "VGA"), Map.entry(0x0380, "Other display"),
            Map.entry(0x0401, "Audio"), Map.entry(0x0403, "HD Audio"),
            Map.entry(0x0600, "Host bridge"), Map.entry(0x0601, "ISA bridge"), Map.entry(0x0604, "PCI-to-PCI bridge"),
            Map.entry(0x0680, "Other bridge"), Map.entry(0x0780, "Other communication (MEI)"),
            Map.entry(0x0c03, "USB"), Map.entry(0x0c0300, "USB UHCI"), Map.entry(0x0c0310, "USB OHCI"),
            Map.entry(0x0c0320, "USB EHCI"), Map.entry(0x0c0330, "USB XHCI"), Map.entry(0x0c05, "SMBus"),
            Map.entry(0x0c80, "Other serial bus"), Map.entry(0x0c0a, "Thunderbolt"),
                    Map.entry(0x0d80, "Other wireless"),
            Map.entry(0x1180, "Signal processing controller"));

    private PciClassCodes() {
    }

    /** {@code 0x0c0330 Serial bus / USB XHCI}. */
    static String describe(int code) {
        int base = (code >> 16) & 0xff;
        String b = base < BASE.length ? BASE[base] : "class " + Integer.toHexString(base);
        String sub = SUB.getOrDefault(code & 0xffffff, SUB.get((code >> 8) & 0xffff));
        return String.format("0x%06x %s", code & 0xffffff, sub == null ? b : b + " / " + sub);
    }
}
