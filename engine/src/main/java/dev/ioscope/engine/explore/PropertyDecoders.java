package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Human readings of property values whose encoding I/O Kit fixes by key: IOPCIFamily's little-endian 32-bit
 * OSData ids ({@code vendor-id}, {@code device-id}, {@code class-code}...), Open Firmware string lists
 * ({@code compatible}, {@code name}, {@code model}), display EDID blocks, and raw USB descriptors.
 */
public final class PropertyDecoders {
    /** IOPCIFamily publishes config-space ids as 4-byte little-endian OSData (IOPCIDevice nub properties). */
    private static final Set<String> PCI_IDS = Set.of("vendor-id", "device-id", "subsystem-vendor-id", "subsystem-id",
            "revision-id", "IOPCIExpressASPMDefault");
    /** Open Firmware string properties: NUL-terminated strings, several for {@code compatible}. */
    private static final Set<String> STRING_LISTS = Set.of("compatible", "name", "model", "device_type",
            "AAPL,slot-name", "IONameMatch", "target-type", "manufacturer", "platform-name");
    private static final Map<Integer, String> VENDORS = Map.ofEntries(Map.entry(0x8086, "Intel"),
            Map.entry(0x106b, "Apple"), Map.entry(0x05ac, "Apple"), Map.entry(0x1002, "AMD/ATI"),
            Map.entry(0x1022, "AMD"), Map.entry(0x10de, "NVIDIA"), Map.entry(0x14e4, "Broadcom"),
            Map.entry(0x10ec, "Realtek"), Map.entry(0x168c, "Qualcomm Atheros"), Map.entry(0x144d, "Samsung"),
            Map.entry(0x1b4b, "Marvell"), Map.entry(0x1912, "Renesas"), Map.entry(0x1b21, "ASMedia"),
            Map.entry(0x15ad, "VMware"), Map.entry(0x1af4, "Red Hat (virtio)"), Map.entry(0x046d, "Logitech"),
            Map.entry(0x0bda, "Realtek"), Map.entry(0x8087, "Intel"), Map.entry(0x1d6b, "Linux Foundation"));

    private PropertyDecoders() {
    }

    /** A decoded reading of {@code value} under {@code key}, if the key's encoding is known and the bytes fit it. */
    public static Optional<String> decode(String key, OSObject value) {
        if (value instanceof OSData d) {
            return decodeData(key, d);
        }
        if (value instanceof OSNumber n && key.equals("idVendor")) {
            // a USB device's idVendor: the USB-IF's numbering, not PCI's (0x0781 is SanDisk on USB)
            return Optional.of(hexAndDecimal(n.value()) + UsbVendorIds.name((int) n.value()).map(s -> " " + s)
                    .orElse(""));
        }
        if (value instanceof OSNumber n && key.equals("vendor-id")) {
            return Optional.of(hexAndDecimal(n.value()) + vendorSuffix((int) n.value()));
        }
        return Optional.empty();
    }

    private static Optional<String> decodeData(String key, OSData d) {
        if (PCI_IDS.contains(key) && d.length() >= 1 && d.length() <= 8) {
            long v = d.littleEndian(d.length());
            String vendor = key.endsWith("vendor-id") ? vendorSuffix((int) v) : "";
            return Optional.of(hexAndDecimal(v) + vendor);
        }
        if (key.equals("class-code") && d.length() == 4) {
            return Optional.of(PciClassCodes.describe((int) d.littleEndian(4)));
        }
        if (STRING_LISTS.contains(key) || key.startsWith("AAPL,")) {
            String s = HexDump.quotedStrings(d);
            if (s != null) {
                return Optional.of(s);
            }
        }
        if (key.toUpperCase(Locale.ROOT).contains("EDID") || Edid.looksLikeEdid(d)) {
            Optional<String> edid = Edid.summary(d);
            if (edid.isPresent()) {
                return edid;
            }
        }
        if (key.contains("Descriptor") || key.contains("descriptor")) {
            return UsbDescriptors.describe(d);
        }
        return Optional.empty();
    }

    /** {@code 0x8086 (32902)}. */
    public static String hexAndDecimal(long v) {
        return "0x" + Long.toHexString(v) + " (" + Long.toUnsignedString(v) + ")";
    }

    /** The vendor's name for a PCI or USB vendor id, if it is a common one. */
    public static Optional<String> vendorName(int id) {
        return Optional.ofNullable(VENDORS.get(id));
    }

    private static String vendorSuffix(int id) {
        return vendorName(id).map(n -> " " + n).orElse("");
    }
}
