package dev.ioscope.plugins.usb;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioscope.engine.machine.Machine;
import dev.ioscope.engine.machine.MachineReader;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.engine.spi.DeviceSpec;
import dev.ioscope.plugins.pci.PciFamily;
import dev.ioscope.plugins.platform.PlatformFamily;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenario: xHCI enumeration, devices and interfaces from descriptor bytes, drivers, attach/detach on a port. */
class UsbFamilyTest {
    /** SanDisk Ultra (0781:5581): device descriptor and its configuration (one bulk-only mass-storage interface). */
    static final String FLASH_DEVICE = "12011002000000408107815500010102" + "0301";
    static final String FLASH_CONFIG = "09022000010100807009040000020806500007058102000200" + "07050202000200";
    /** Logitech mouse (046d:c077): one HID boot-mouse interface, one interrupt IN endpoint. */
    static final String MOUSE_DEVICE = "120100020000000" + "86d0477c00072010200" + "01";
    static final String MOUSE_CONFIG = "09021900010100a032" + "0904000001030102000705810304000a";

    static final String MACHINE = """
            {"platform": {"type": "platform", "cpus": 1, "children": [{"type": "pci-host-bridge", "children": [
              {"type": "usb-xhci", "name": "XHC1", "location": "14", "vendor": "0x8086", "device": "0xa36d",
               "bars": [{"type": "mem64", "size": 65536}], "usb2-ports": 2, "usb3-ports": 2, "children": [
                {"type": "usb-device", "port": "HS01", "device": "%s", "configuration": "%s",
                 "strings": {"1": "Logitech", "2": "USB Optical Mouse"}},
                {"type": "usb-hub", "port": "HS02", "ports": 2,
                 "device": "12011002090001400921172873040102" + "0001",
                 "configuration": "0902190001010" + "0e0000904000001090000000705810301000c",
                 "children": [{"type": "usb-device", "port": 2, "device": "%s", "configuration": "%s",
                   "strings": {"1": "SanDisk", "2": "Ultra", "3": "4C530001"}}]}]}]}]}}"""
            .formatted(MOUSE_DEVICE, MOUSE_CONFIG, FLASH_DEVICE, FLASH_CONFIG)
            .replace("\" + \"", "");

    static Machine boot() throws SnapshotException {
        return Machine.boot(MachineReader.read(MACHINE.getBytes(StandardCharsets.UTF_8), "usb.json"),
                Contributions.of(List.of(new PlatformFamily(), new PciFamily(), new UsbFamily())));
    }

    static List<IORegistryEntry> active(Machine m, String cls) {
        return m.registry().entries().stream().filter(e -> e.className().equals(cls) && e.state().active()
                && e.inPlane(m.registry().plane(IORegistryPlane.IOSERVICE))).toList();
    }

    static IORegistryEntry named(Machine m, String name) {
        return m.registry().entries().stream().filter(e -> e.name().equals(name) && e.state().active()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void descriptorsParseFromTheirBytes() {
        Descriptors.Device d = Descriptors.device(Descriptors.hex(FLASH_DEVICE));
        assertThat(d.idVendor()).isEqualTo(0x0781);
        assertThat(d.idProduct()).isEqualTo(0x5581);
        assertThat(d.bcdUSB()).isEqualTo(0x0210);
        assertThat(d.bMaxPacketSize0()).isEqualTo(64);
        Descriptors.Configuration c = Descriptors.configuration(Descriptors.hex(FLASH_CONFIG));
        assertThat(c.bConfigurationValue()).isEqualTo(1);
        assertThat(c.bMaxPower()).isEqualTo(0x70);
        assertThat(c.interfaces()).hasSize(1);
        Descriptors.Interface i = c.interfaces().get(0);
        assertThat(List.of(i.bInterfaceClass(), i.bInterfaceSubClass(), i.bInterfaceProtocol()))
                .containsExactly(8, 6, 80);
        assertThat(i.endpoints()).extracting(Descriptors.Endpoint::bEndpointAddress).containsExactly(0x81, 0x02);
        assertThat(i.endpoints()).extracting(Descriptors.Endpoint::wMaxPacketSize).containsExactly(512, 512);
        assertThatThrownBy(() -> Descriptors.configuration(Descriptors.hex("0902ff00010100807009")))
                .hasMessageContaining("wTotalLength");
    }

    @Test
    void theControllerPublishesPortsAndDevicesWithTheirLocationIDs() throws Exception {
        Machine m = boot();
        assertThat(active(m, "AppleIntelCNLUSBXHCI")).hasSize(1);
        assertThat(active(m, "AppleUSB20XHCIPort")).extracting(e -> e.name() + "@" + e.location())
                .containsExactly("HS01@14100000", "HS02@14200000");
        assertThat(active(m, "AppleUSB30XHCIPort")).extracting(e -> e.name() + "@" + e.location())
                .containsExactly("SS01@14300000", "SS02@14400000");
        IORegistryEntry mouse = named(m, "USB Optical Mouse");
        assertThat(mouse.className()).isEqualTo("IOUSBHostDevice");
        assertThat(mouse.property("idVendor")).isEqualTo(OSNumber.of32(0x046d));
        assertThat(mouse.property("locationID")).isEqualTo(OSNumber.of32(0x14100000));
        assertThat(mouse.property("USB Vendor Name")).isEqualTo(OSString.of("Logitech"));
        // behind the hub on its port 2: one more nibble
        IORegistryEntry flash = named(m, "Ultra");
        assertThat(flash.location()).isEqualTo("14220000");
        assertThat(flash.property("USB Serial Number")).isEqualTo(OSString.of("4C530001"));
    }

    @Test
    void driversMatchDevicesAndInterfaces() throws Exception {
        Machine m = boot();
        IORegistryPlane svc = m.registry().plane(IORegistryPlane.IOSERVICE);
        IORegistryEntry mouse = named(m, "USB Optical Mouse");
        assertThat(mouse.children(svc)).extracting(IORegistryEntry::className)
                .containsExactly("IOUSBHostInterface", "AppleUSBHostCompositeDevice");
        assertThat(mouse.property("kUSBCurrentConfiguration")).isEqualTo(OSNumber.of32(1));
        IORegistryEntry hid = mouse.children(svc).get(0);
        assertThat(hid.property("bInterfaceClass")).isEqualTo(OSNumber.of32(3));
        assertThat(hid.children(svc)).extracting(IORegistryEntry::className).containsExactly("IOUSBHostHIDDevice");
        assertThat(active(m, "AppleUSB20Hub")).hasSize(1);
        assertThat(active(m, "IOUSBMassStorageDriver")).hasSize(1);
    }

    @Test
    void devicesAndInterfacesAreInTheIOUSBPlane() throws Exception {
        Machine m = boot();
        IORegistryPlane usb = m.registry().plane("IOUSB");
        List<IORegistryEntry> top = m.registry().root().children(usb);
        assertThat(top).extracting(IORegistryEntry::name)
                .containsExactly("USB Optical Mouse", "USB Device 2109:2817"); // no product string: named by ids
        IORegistryEntry hub = top.get(1);
        assertThat(hub.children(usb)).extracting(IORegistryEntry::name).containsExactly("Ultra");
        assertThat(hub.children(usb).get(0).children(usb)).extracting(IORegistryEntry::className)
                .containsExactly("IOUSBHostInterface");
    }

    @Test
    void attachAndDetachOnAPort() throws Exception {
        Machine m = boot();
        IORegistryPlane svc = m.registry().plane(IORegistryPlane.IOSERVICE);
        IORegistryPlane usb = m.registry().plane("IOUSB");
        IORegistryEntry ss1 = named(m, "SS01");
        var settings = new ObjectMapper().readTree("{\"device\":\"" + FLASH_DEVICE + "\",\"configuration\":\""
                + FLASH_CONFIG + "\",\"strings\":{\"2\":\"Ultra Fit\"}}");
        DeviceSpec spec = UsbModels.at(new DeviceSpec("usb-device", null, null, null, settings, List.of(), "plug"),
                0x14300000L, 1, 3, 3);
        IORegistryEntry dev = m.plug(ss1, m.model(spec));
        m.runUntilQuiet();
        assertThat(dev.name()).isEqualTo("Ultra Fit");
        assertThat(dev.property("Device Speed")).isEqualTo(OSNumber.of32(3));
        assertThat(active(m, "IOUSBMassStorageDriver")).hasSize(2);
        assertThat(m.registry().root().children(usb)).extracting(IORegistryEntry::name).contains("Ultra Fit");

        m.unplug(dev);
        m.runUntilQuiet();
        assertThat(ss1.children(svc)).isEmpty();
        assertThat(active(m, "IOUSBMassStorageDriver")).hasSize(1);
        assertThat(m.registry().root().children(usb)).extracting(IORegistryEntry::name).doesNotContain("Ultra Fit");
    }

    @Test
    void aDeviceOnAPortTheControllerLacksIsAnError() {
        String json = MACHINE.replace("\"port\": \"HS01\"", "\"port\": \"HS09\"");
        assertThatThrownBy(() -> Machine.boot(MachineReader.read(json.getBytes(StandardCharsets.UTF_8), "usb.json"),
                Contributions.of(List.of(new PlatformFamily(), new PciFamily(), new UsbFamily()))))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("HS09");
    }
}
