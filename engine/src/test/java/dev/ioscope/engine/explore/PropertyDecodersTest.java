package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyDecodersTest {
    @Test
    void pciIdsAreLittleEndianOSData() {
        assertThat(PropertyDecoders.decode("vendor-id", OSData.ofHex("86800000"))).contains("0x8086 (32902) Intel");
        assertThat(PropertyDecoders.decode("device-id", OSData.ofHex("12190000"))).contains("0x1912 (6418)");
        assertThat(PropertyDecoders.decode("class-code", OSData.ofHex("30030c00")))
                .contains("0x0c0330 Serial bus / USB XHCI");
        assertThat(PropertyDecoders.decode("class-code", OSData.ofHex("00040600")))
                .contains("0x060400 Bridge / PCI-to-PCI bridge");
        assertThat(PropertyDecoders.decode("idVendor", OSNumber.of(0x05ac, 16))).contains("0x5ac (1452) Apple");
    }

    @Test
    void compatibleIsAStringList() {
        assertThat(PropertyDecoders.decode("compatible", OSData.wrap("pci8086,1912\0pciclass,030000\0".getBytes())))
                .contains("\"pci8086,1912\", \"pciclass,030000\"");
        assertThat(PropertyDecoders.decode("compatible", OSData.ofHex("00ff"))).isEmpty();
    }

    @Test
    void edidSummary() {
        byte[] e = new byte[128];
        byte[] header = {0, -1, -1, -1, -1, -1, -1, 0};
        System.arraycopy(header, 0, e, 0, 8);
        e[8] = 0x06; // "APP" = 00001 10000 10000 -> 0x0610
        e[9] = 0x10;
        e[10] = 0x22;
        e[11] = (byte) 0xae;
        e[16] = 40;
        e[17] = 25; // 2015
        e[18] = 1;
        e[19] = 4;
        e[21] = 60;
        e[22] = 34;
        e[54] = 1; // non-zero pixel clock: a detailed timing
        e[56] = 0x00;
        e[58] = 0x40; // h active 0x400 = 1024
        e[59] = 0x00;
        e[61] = 0x30; // v active 0x300 = 768
        assertThat(PropertyDecoders.decode("IODisplayEDID", OSData.wrap(e)))
                .contains("APP ae22, 2015 week 40, EDID 1.4, 60x34 cm, 1024x768 preferred");
    }

    @Test
    void usbDeviceAndConfigurationDescriptors() {
        // A full-speed Apple keyboard's device descriptor (USB 2.0 spec table 9-8).
        var dev = OSData.ofHex("12010002000000084c0550020100010203 01".replace(" ", "").substring(0, 34) + "01");
        assertThat(PropertyDecoders.decode("Device Descriptor", dev)).get().asString()
                .startsWith("device: USB 2.00, class 00/00/00, vendor 0x054c, product 0x0250");
        var cfg = OSData.ofHex("0902190001010080320904000001030101000705810308000a");
        assertThat(PropertyDecoders.decode("Configuration Descriptor", cfg)).contains(
                "configuration 1: 1 interface(s), bus-powered, 100 mA; interface 0 alt 0 class 03/01/01;"
                        + " ep 0x81 in interrupt 8");
    }

    @Test
    void valueTextShowsNumbersInDecimalAndHex() {
        assertThat(ValueText.of(OSNumber.of32(0x1012))).isEqualTo("4114 (0x1012)");
        assertThat(ValueText.of(OSNumber.of32(-100))).isEqualTo("4294967196 (0xffffff9c)");
        assertThat(ValueText.of(OSData.wrap("iMac16,1\0".getBytes()))).isEqualTo("<694d616331362c3100>  \"iMac16,1\"");
    }
}
