package dev.ioscope.engine.service.conformance;

import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.Machine;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.Personality;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/iokit-rules.md, "USB family" (USB1–USB3). */
class UsbRulesTest {
    private final Machine m = new Machine();
    private final IORegistryEntry dev = m.nub(m.expert, "IOUSBHostDevice", "Keyboard", "idVendor", 0x05ac,
            "idProduct", 0x0340, "bcdDevice", 0x0625, "bDeviceClass", 0, "bDeviceSubClass", 0);
    private final IORegistryEntry iface = m.nub(dev, "IOUSBHostInterface", "IOUSBHostInterface@0",
            "idVendor", 0x05ac, "idProduct", 0x0340, "bcdDevice", 0x0625, "bConfigurationValue", 1,
            "bInterfaceNumber", 0, "bInterfaceClass", 3, "bInterfaceSubClass", 1, "bInterfaceProtocol", 1);

    private MatchingTrace on(IORegistryEntry n, Object... keys) {
        Object[] all = new Object[keys.length + 4];
        all[0] = "IOProviderClass";
        all[1] = n.className();
        all[2] = "IOClass";
        all[3] = "D";
        System.arraycopy(keys, 0, all, 4, keys.length);
        Personality p = m.add("p" + m.catalogue.size(), all);
        return m.explain(n, p);
    }

    @Test
    @DisplayName("USB1: a personality must name a complete Common Class tuple")
    void usb1Tuples() {
        assertThat(on(dev, "idVendor", 0x05ac, "idProduct", 0x0340).passiveMatch()).isTrue();
        assertThat(on(dev, "idVendor", 0x05ac).reasons().get(0)).contains("no complete USB Common Class tuple");
        assertThat(on(iface, "bInterfaceClass", 3, "bInterfaceSubClass", 1, "bInterfaceProtocol", 1).passiveMatch())
                .isTrue();
        assertThat(on(iface, "idVendor", 0x05ac, "idProduct", 0x0340).passiveMatch())
                .as("an interface tuple needs bConfigurationValue+bInterfaceNumber").isFalse();
    }

    @Test
    @DisplayName("USB2: every USB key must equal; * is a wildcard; bcdDevice ranges; idProductArray")
    void usb2Values() {
        assertThat(on(dev, "idVendor", 0x05ac, "idProduct", 0x0341).passiveMatch()).isFalse();
        assertThat(on(dev, "idVendor", 0x05ac, "idProduct", "*").passiveMatch()).isTrue();
        assertThat(on(dev, "idVendor", 0x05ac, "idProduct", 0x0340, "bcdDeviceLow", 0x0600, "bcdDeviceHigh", 0x0700)
                .passiveMatch()).isTrue();
        assertThat(on(dev, "idVendor", 0x05ac, "idProduct", 0x0340, "bcdDeviceLow", 0x0700).passiveMatch()).isFalse();
        assertThat(on(dev, "idVendor", 0x05ac, "idProductArray", new Object[]{0x0200, 0x0340}).passiveMatch()).isTrue();
    }

    @Test
    @DisplayName("USB3: the score rises by 1000 per matched USB key")
    void usb3Score() {
        assertThat(on(iface, "idVendor", 0x05ac, "idProduct", 0x0340, "bConfigurationValue", 1, "bInterfaceNumber", 0)
                .score()).isEqualTo(4000);
        assertThat(on(iface, "bInterfaceClass", 3, "bInterfaceSubClass", 1).score()).isEqualTo(2000);
    }
}
