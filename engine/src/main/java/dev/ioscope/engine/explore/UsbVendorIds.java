package dev.ioscope.engine.explore;

import java.util.Map;
import java.util.Optional;

/**
 * Names of common USB vendor ids ({@code idVendor}, assigned by the USB-IF), for the inspector's Decoded column as
 * PCI vendor ids have theirs. A small table of vendors met on Macs and their peripherals; the ids and names are
 * those of the linux-usb.org usb.ids list (http://www.linux-usb.org/usb.ids), shortened to the company's name.
 */
public final class UsbVendorIds {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x03f0, "HP"), Map.entry(0x0409, "NEC"), Map.entry(0x040a, "Kodak"),
            Map.entry(0x041e, "Creative Technology"), Map.entry(0x0424, "Microchip (SMSC)"), Map.entry(0x043e, "LG"),
            Map.entry(0x045e, "Microsoft"), Map.entry(0x046d, "Logitech"), Map.entry(0x04a9, "Canon"),
            Map.entry(0x04b8, "Seiko Epson"), Map.entry(0x04ca, "Lite-On"), Map.entry(0x04cc, "ST-Ericsson"),
            Map.entry(0x04e8, "Samsung"), Map.entry(0x04f2, "Chicony"), Map.entry(0x050d, "Belkin"),
            Map.entry(0x054c, "Sony"), Map.entry(0x056a, "Wacom"), Map.entry(0x05ac, "Apple"),
            Map.entry(0x05e3, "Genesys Logic"), Map.entry(0x0781, "SanDisk"), Map.entry(0x0930, "Toshiba"),
            Map.entry(0x0951, "Kingston"), Map.entry(0x0a5c, "Broadcom"), Map.entry(0x0b05, "ASUS"),
            Map.entry(0x0bc2, "Seagate"), Map.entry(0x0bda, "Realtek"), Map.entry(0x0cf3, "Qualcomm Atheros"),
            Map.entry(0x0d8c, "C-Media"), Map.entry(0x1058, "Western Digital"), Map.entry(0x10c4, "Silicon Labs"),
            Map.entry(0x1199, "Sierra Wireless"), Map.entry(0x12d1, "Huawei"), Map.entry(0x1395, "Sennheiser"),
            Map.entry(0x1532, "Razer"), Map.entry(0x17ef, "Lenovo"), Map.entry(0x1a40, "Terminus Technology"),
            Map.entry(0x1a86, "QinHeng Electronics"), Map.entry(0x1b1c, "Corsair"),
                    Map.entry(0x1d6b, "Linux Foundation"),
            Map.entry(0x1e7d, "ROCCAT"), Map.entry(0x2109, "VIA Labs"), Map.entry(0x2188, "CalDigit"),
            Map.entry(0x2357, "TP-Link"), Map.entry(0x8087, "Intel"), Map.entry(0x0403, "FTDI"),
            Map.entry(0x067b, "Prolific"), Map.entry(0x0b95, "ASIX"), Map.entry(0x2001, "D-Link"),
            Map.entry(0x0e8d, "MediaTek"), Map.entry(0x18d1, "Google"), Map.entry(0x22b8, "Motorola"),
            Map.entry(0x2a70, "OnePlus"), Map.entry(0x0fce, "Sony Ericsson"), Map.entry(0x1050, "Yubico"),
            Map.entry(0x0c45, "Microdia"), Map.entry(0x174c, "ASMedia"), Map.entry(0x152d, "JMicron"),
            Map.entry(0x2537, "Norelsys"), Map.entry(0x090c, "Silicon Motion"), Map.entry(0x13fe, "Kingston (Phison)"));

    private UsbVendorIds() {
    }

    /** The vendor's name for a USB vendor id, if it is in the table. */
    public static Optional<String> name(int idVendor) {
        return Optional.ofNullable(NAMES.get(idVendor & 0xffff));
    }
}
