package dev.ioscope.plugins.usb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.spi.DeviceModel;
import dev.ioscope.engine.spi.DeviceNode;
import dev.ioscope.engine.spi.DeviceSpec;

import java.util.List;

import static dev.ioscope.engine.spi.Props.le32;
import static dev.ioscope.engine.spi.Props.num;
import static dev.ioscope.engine.spi.Props.str;

/**
 * Device types {@code usb-xhci}, {@code usb-hub} and {@code usb-device} (docs/machines.md). The xHCI
 * controller is a PCI function (built through the "pci-device" model) whose driver publishes HSnn/SSnn ports;
 * devices sit on ports by name ({@code "port": "HS02"}); devices and their interfaces are built from real
 * descriptor bytes and also attached in the IOUSB plane. locationIDs follow IOUSBHostFamily: the controller's
 * PCI device number in the top byte, then one nibble per hub tier.
 */
public final class UsbModels {
    private UsbModels() {
    }

    public static final DeviceModel XHCI = (spec, build) -> {
        ObjectNode s = settings(spec);
        if (!s.has("class")) {
            s.put("class", 0x0c0330);
        }
        DeviceNode pci = build.build(new DeviceSpec("pci-device", spec.name() == null ? "XHC1" : spec.name(),
                spec.location() == null ? "14" : spec.location(), OSDictionary.empty(), s, List.of(), spec.place()));
        int dev = Integer.parseInt((spec.location() == null ? "14" : spec.location()).split(",")[0], 16);
        long base = (long) dev << 24;
        int hs = (int) spec.number("usb2-ports", 4, 0, 255, "xHCI's HCSPARAMS1 MaxPorts is 8 bits");
        int ss = (int) spec.number("usb3-ports", 4, 0, 255, "xHCI's HCSPARAMS1 MaxPorts is 8 bits");
        if (hs + ss > 255) {
            throw new IllegalArgumentException(spec.place() + ": usb2-ports + usb3-ports is " + (hs + ss)
                    + ", over 255 (xHCI's HCSPARAMS1 MaxPorts is 8 bits)");
        }
        for (int i = 1; i <= hs + ss; i++) {
            boolean usb3 = i > hs;
            String portName = (usb3 ? "SS" : "HS") + String.format("%02d", usb3 ? i - hs : i);
            long loc = base | (long) i << 20;
            DeviceNode port = pci.add(new DeviceNode(usb3 ? "AppleUSB30XHCIPort" : "AppleUSB20XHCIPort", portName,
                    Long.toHexString(loc), OSDictionary.builder()
                    .put("port", le32(i))
                    .put("PortNum", num(i))
                    .put("locationID", num(loc))
                    .put("UsbPowerSinkCapability", num(usb3 ? 900 : 500))
                    .put("usb-port-type", le32(0))
                    .build())).attachesChildren();
            for (DeviceSpec c : spec.children()) {
                if (portName.equals(c.text("port", ""))) {
                    port.add(build.build(at(c, loc, 1, i, usb3 ? 3 : 2)));
                }
            }
        }
        for (DeviceSpec c : spec.children()) {
            String p = c.text("port", "");
            if (!p.matches("(HS|SS)\\d\\d") || Integer.parseInt(p.substring(2)) > (p.startsWith("HS") ? hs : ss)) {
                throw new IllegalArgumentException(c.place() + ".port: \"" + p + "\" is not a port of this controller");
            }
        }
        return pci;
    };

    public static final DeviceModel HUB = (spec, build) -> {
        DeviceNode hub = device(spec, build, false);
        long loc = spec.number("locationID", 0x14100000L);
        int tier = (int) spec.number("tier", 1, 1, 5, "a locationID holds five tiers of ports below the root port");
        int ports = (int) spec.number("ports", 4, 1, 15, "a locationID holds a port number in one 4-bit nibble");
        int shift = 20 - 4 * tier;
        for (int i = 1; i <= ports; i++) {
            long pl = loc | (long) i << shift;
            DeviceNode port = hub.add(new DeviceNode("AppleUSB20HubPort", "AppleUSB20HubPort", Long.toHexString(pl),
                    OSDictionary.of("port", le32(i), "PortNum", num(i), "locationID", num(pl)))).attachesChildren();
            for (DeviceSpec c : spec.children()) {
                if (c.number("port", -1) == i) {
                    port.add(build.build(at(c, pl, tier + 1, i, 2)));
                }
            }
        }
        return hub;
    };

    public static final DeviceModel DEVICE = (spec, build) -> device(spec, build, true);

    /** The spec with its place on the bus: locationID, tier, port number and the port's speed. */
    public static DeviceSpec at(DeviceSpec c, long locationID, int tier, int port, int speed) {
        ObjectNode s = settings(c);
        s.put("locationID", locationID);
        s.put("tier", tier);
        s.put("port-number", port);
        if (!s.has("speed")) {
            s.put("speed", speed);
        }
        return new DeviceSpec(c.type(), c.name(), c.location(), c.properties(), s, c.children(), c.place());
    }

    private static ObjectNode settings(DeviceSpec spec) {
        return spec.settings() instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
    }

    private static String string(DeviceSpec spec, int index, String dflt) {
        JsonNode strings = spec.settings() == null ? null : spec.settings().get("strings");
        return index == 0 || strings == null || !strings.has(Integer.toString(index)) ? dflt
                : strings.get(Integer.toString(index)).asText();
    }

    private static DeviceNode device(DeviceSpec spec, DeviceModel.ModelBuilder build, boolean withInterfaces) {
        Descriptors.Device d;
        Descriptors.Configuration cfg = null;
        try {
            d = Descriptors.device(Descriptors.hex(spec.text("device", "")));
            if (spec.text("configuration", null) != null) {
                cfg = Descriptors.configuration(Descriptors.hex(spec.text("configuration", "")));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(spec.place() + ": " + e.getMessage());
        }
        long loc = spec.number("locationID", 0x14100000L);
        int address = build.next("usb.address") + 1;
        String product = string(spec, d.iProduct(), String.format("USB Device %04x:%04x", d.idVendor(), d.idProduct()));
        String vendor = string(spec, d.iManufacturer(), "");
        String serial = string(spec, d.iSerialNumber(), "");
        OSDictionary.Builder b = OSDictionary.builder()
                .put("sessionID", num(0x1000000000L + address * 0x100000L))
                .put("iManufacturer", num(d.iManufacturer()))
                .put("bNumConfigurations", num(d.bNumConfigurations()))
                .put("idProduct", num(d.idProduct()))
                .put("bcdDevice", num(d.bcdDevice()))
                .put("USB Address", num(address))
                .put("bMaxPacketSize0", num(d.bMaxPacketSize0()))
                .put("iProduct", num(d.iProduct()))
                .put("iSerialNumber", num(d.iSerialNumber()))
                .put("bDeviceClass", num(d.bDeviceClass()))
                .put("Built-In", OSBoolean.of(spec.settings() != null && spec.settings().path("built-in")
                        .asBoolean(false)))
                .put("locationID", num(loc))
                .put("bDeviceSubClass", num(d.bDeviceSubClass()))
                .put("bcdUSB", num(d.bcdUSB()))
                .put("USB Product Name", str(product))
                .put("PortNum", num(spec.number("port-number", 1)))
                .put("USB Vendor Name", str(vendor))
                .put("Device Speed", num(spec.number("speed", 2)))
                .put("idVendor", num(d.idVendor()))
                .put("kUSBProductString", str(product))
                .put("bDeviceProtocol", num(d.bDeviceProtocol()))
                .put("kUSBVendorString", str(vendor));
        if (!serial.isEmpty()) {
            b.put("USB Serial Number", str(serial)).put("kUSBSerialNumberString", str(serial));
        }
        if (cfg != null) {
            b.put("bConfigurationValue", num(cfg.bConfigurationValue()));
            b.put("UsbPowerSinkAllocation", num(cfg.bMaxPower() * (d.bcdUSB() >= 0x300 ? 8L : 2L)));
        }
        DeviceNode n = new DeviceNode("IOUSBHostDevice", product, Long.toHexString(loc), b.build()).alsoIn("IOUSB");
        if (withInterfaces && cfg != null) {
            n.attachesChildren();
            for (Descriptors.Interface i : cfg.interfaces()) {
                if (i.bAlternateSetting() != 0) {
                    continue; // only the default alternate setting is published at enumeration
                }
                String ifName = string(spec, i.iInterface(), product);
                n.add(new DeviceNode("IOUSBHostInterface", ifName, Integer.toHexString(i.bInterfaceNumber()),
                        OSDictionary.builder()
                                .put("bInterfaceNumber", num(i.bInterfaceNumber()))
                                .put("bAlternateSetting", num(i.bAlternateSetting()))
                                .put("bInterfaceClass", num(i.bInterfaceClass()))
                                .put("bInterfaceSubClass", num(i.bInterfaceSubClass()))
                                .put("bInterfaceProtocol", num(i.bInterfaceProtocol()))
                                .put("bNumEndpoints", num(i.endpoints().size()))
                                .put("iInterface", num(i.iInterface()))
                                .put("bConfigurationValue", num(cfg.bConfigurationValue()))
                                .put("idVendor", num(d.idVendor()))
                                .put("idProduct", num(d.idProduct()))
                                .put("bcdDevice", num(d.bcdDevice()))
                                .put("locationID", num(loc))
                                .put("USB Interface Name", str(ifName))
                                .build()).alsoIn("IOUSB"));
            }
        }
        return n;
    }
}
