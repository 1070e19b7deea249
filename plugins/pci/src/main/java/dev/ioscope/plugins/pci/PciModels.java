package dev.ioscope.plugins.pci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.spi.DeviceModel;
import dev.ioscope.engine.spi.DeviceNode;
import dev.ioscope.engine.spi.DeviceSpec;

import java.util.ArrayList;
import java.util.List;

import static dev.ioscope.engine.spi.Props.cells;
import static dev.ioscope.engine.spi.Props.le32;
import static dev.ioscope.engine.spi.Props.num;
import static dev.ioscope.engine.spi.Props.str;
import static dev.ioscope.engine.spi.Props.strings;

/**
 * Device types {@code pci-host-bridge}, {@code pci-bridge} and {@code pci-device} (docs/machines.md). Every
 * device behind a bridge gets its bus number in its settings ({@code "bus"}), so other families' models that
 * build on {@code pci-device} (xHCI, NVMe) are placed correctly. BARs are placed in machine order from one
 * counter, so addresses are deterministic.
 */
public final class PciModels {
    /** Memory BARs are placed in 16 MB slots from here; I/O BARs in 256-byte slots from 0x2000. */
    static final long MMIO_BASE = 0xA000_0000L;
    static final long MMIO_SLOT = 0x0100_0000L;

    private PciModels() {
    }

    /** pci-host-bridge: the ACPI PCI0 object the platform expert publishes; AppleACPIPCI drives it. */
    public static final DeviceModel HOST_BRIDGE = (spec, build) -> {
        DeviceNode n = new DeviceNode("IOACPIPlatformDevice", "PCI0", "0", OSDictionary.builder()
                .put("name", strings("PNP0A08"))
                .put("compatible", strings("PNP0A08", "PNP0A03"))
                .put("acpi-path", str("IOACPIPlane:/_SB/PCI0@0"))
                .put("IOName", str("PNP0A08"))
                .put("bus-number", num(spec.number("bus", 0, 0, 255, "a PCI bus number is 8 bits")))
                .build()).alsoIn("IOACPIPlane", "_SB");   // the host bridge is ACPI's \_SB.PCI0
        for (DeviceSpec c : spec.children()) {
            n.add(build.build(onBus(c, (int) spec.number("bus", 0, 0, 255, "a PCI bus number is 8 bits"))));
        }
        return n;
    };

    /** pci-device: an IOPCIDevice nub with a type 0 config space. */
    public static final DeviceModel DEVICE = (spec, build) -> device(spec, build, false, 0);

    /** pci-bridge: an IOPCIDevice with a type 1 header; IOPCI2PCIBridge publishes the devices behind it. */
    public static final DeviceModel BRIDGE = (spec, build) -> {
        int secondary = build.next("pci.bus") + 1;
        DeviceNode n = device(spec, build, true, secondary);
        for (DeviceSpec c : spec.children()) {
            n.add(build.build(onBus(c, secondary)));
        }
        return n;
    };

    /** A copy of {@code spec} whose settings say it sits on {@code bus}. */
    public static DeviceSpec onBus(DeviceSpec spec, int bus) {
        ObjectNode s = spec.settings() instanceof ObjectNode o ? o.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        s.put("bus", bus);
        return new DeviceSpec(spec.type(), spec.name(), spec.location(), spec.properties(), s, spec.children(),
                spec.place());
    }

    /** Builds the config space a spec describes (exposed for tests and for families built on PCI). */
    public static ConfigSpace configSpace(DeviceSpec spec, DeviceModel.ModelBuilder build, boolean bridge,
                                          int secondary) {
        int bus = (int) spec.number("bus", 0, 0, 255, "a PCI bus number is 8 bits");
        ConfigSpace cs = new ConfigSpace((int) spec.number("vendor", 0x8086), (int) spec.number("device", 0),
                (int) spec.number("class", bridge ? 0x060400 : 0), (int) spec.number("revision", 0),
                (int) spec.number("subsystem-vendor", 0), (int) spec.number("subsystem-id", 0), bridge);
        if (bridge) {
            cs.buses(bus, secondary, secondary);
        }
        JsonNode bars = spec.settings() == null ? null : spec.settings().get("bars");
        int index = 0;
        if (bars != null) {
            for (JsonNode bar : bars) {
                String type = bar.path("type").asText("mem32");
                long size = bar.path("size").asLong(0x1000);
                if (size <= 0 || Long.bitCount(size) != 1) {
                    throw new IllegalArgumentException(spec.place() + ".bars: size " + size + " is not a power of two");
                }
                boolean io = type.equals("io");
                boolean is64 = type.equals("mem64");
                int slot = build.next(io ? "pci.io" : "pci.mmio");
                long addr = io ? 0x2000 + slot * 0x100L : MMIO_BASE + slot * MMIO_SLOT;
                cs.bar(index, io, is64, bar.path("prefetchable").asBoolean(false), addr, size);
                index += is64 ? 2 : 1;
                if (index > (bridge ? 2 : 6)) {
                    throw new IllegalArgumentException(spec.place() + ".bars: more BARs than the header has");
                }
            }
        }
        return cs;
    }

    private static DeviceNode device(DeviceSpec spec, DeviceModel.ModelBuilder build, boolean bridge, int secondary) {
        ConfigSpace cs = configSpace(spec, build, bridge, secondary);
        int bus = (int) spec.number("bus", 0, 0, 255, "a PCI bus number is 8 bits");
        String loc = spec.location() == null ? "0" : spec.location();
        String[] df = loc.split(",");
        int dev;
        int fn;
        try {
            dev = Integer.parseInt(df[0], 16);
            fn = df.length > 1 ? Integer.parseInt(df[1], 16) : 0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(spec.place() + ".location: \"" + loc + "\" is not device[,function]");
        }
        if (dev > 31 || fn > 7) {
            throw new IllegalArgumentException(spec.place() + ".location: device 0-1f, function 0-7");
        }
        String ioName = String.format("pci%x,%x", cs.vendor(), cs.device());
        String name = spec.name() == null ? ioName : spec.name();
        List<String> compat = new ArrayList<>();
        if (!bridge && (cs.read16(0x2c) != 0 || cs.read16(0x2e) != 0)) {
            compat.add(String.format("pci%x,%x", cs.read16(0x2c), cs.read16(0x2e)));
        }
        compat.add(ioName);
        compat.add(String.format("pciclass,%06x", cs.classCode()));
        compat.add(name);
        long physHi = (long) bus << 16 | (long) dev << 11 | (long) fn << 8;
        OSDictionary.Builder b = OSDictionary.builder()
                .put("IOInterruptSpecifiers", OSArray.of(OSData.of(new byte[]{0x10, 0, 0, 0, 7, 0, 0, 0})))
                .put("class-code", le32(cs.classCode()))
                .put("subsystem-vendor-id", le32(cs.read16(0x2c)))
                .put("built-in", OSData.of(new byte[]{0}))
                .put("vendor-id", le32(cs.vendor()))
                .put("name", strings(ioName))
                .put("device-id", le32(cs.device()))
                .put("IOPCIResourced", OSBoolean.of(true))
                .put("compatible", strings(compat.toArray(String[]::new)))
                .put("IOPCIExpressLinkCapabilities", num(cs.read32(cs.findCapability(ConfigSpace.CAP_PCIE) + 0x0c)))
                .put("acpi-path", str("IOACPIPlane:/_SB/PCI0@0/" + name + "@" + Integer.toHexString(dev << 16 | fn)))
                .put("subsystem-id", le32(cs.read16(0x2e)))
                .put("revision-id", le32(cs.revision()))
                .put("pcidebug", str(bus + ":" + dev + ":" + fn))
                .put("IOName", str(ioName))
                .put("reg", reg(cs, physHi))
                .put("assigned-addresses", assigned(cs, physHi))
                .put("IODeviceMemory", deviceMemory(cs))
                .put("acpi-pmcap-offset", num(cs.findCapability(ConfigSpace.CAP_PM)))
                .put("IOPCIExpressLinkStatus", num(cs.read16(cs.findCapability(ConfigSpace.CAP_PCIE) + 0x12)))
                .put("IOPCIExpressCapabilities", num(cs.read16(cs.findCapability(ConfigSpace.CAP_PCIE) + 0x02)));
        if (bridge) {
            b.put("bridge-bus-range", cells(secondary, secondary));
            if (spec.settings() != null && spec.settings().path("hotplug").asBoolean(false)) {
                b.put("PCIHotplugCapable", le32(1));
                b.put("IOPCIHPType", le32(0x22));
            }
        }
        // The location is "device[,function]" in hex, function 0 left out (IOPCIDevice::getLocation).
        return new DeviceNode("IOPCIDevice", name, Integer.toHexString(dev) + (fn == 0 ? "" : "," + fn), b.build());
    }

    /**
     * Open Firmware PCI binding: phys.hi = npt000ss bbbbbbbb dddddfff rrrrrrrr. Apple's IOPCIFamily writes space
     * code 2 (32-bit memory) for every memory BAR, 64-bit ones included (the address's high half goes in
     * phys.mid), 1 for I/O; "assigned-addresses" sets n (non-relocatable, 0x80000000), "reg" does not and
     * starts with the config-space entry (as in a real MacBookPro15,1 dump).
     */
    private static long space(ConfigSpace.Bar bar) {
        return (bar.io() ? 0x01000000L : 0x02000000L) | (bar.prefetchable() ? 0x40000000L : 0);
    }

    private static OSData reg(ConfigSpace cs, long physHi) {
        List<ConfigSpace.Bar> bars = cs.bars();
        long[] c = new long[5 + bars.size() * 5];
        c[0] = physHi;
        int i = 5;
        for (ConfigSpace.Bar bar : bars) {
            c[i++] = space(bar) | physHi | bar.register();
            c[i++] = 0;
            c[i++] = 0;
            c[i++] = bar.size() >>> 32;
            c[i++] = bar.size() & 0xffffffffL;
        }
        return cells(c);
    }

    private static OSData assigned(ConfigSpace cs, long physHi) {
        List<ConfigSpace.Bar> bars = cs.bars();
        long[] c = new long[bars.size() * 5];
        int i = 0;
        for (ConfigSpace.Bar bar : bars) {
            c[i++] = 0x80000000L | space(bar) | physHi | bar.register();
            c[i++] = bar.address() >>> 32;
            c[i++] = bar.address() & 0xffffffffL;
            c[i++] = bar.size() >>> 32;
            c[i++] = bar.size() & 0xffffffffL;
        }
        return cells(c);
    }

    /** "IODeviceMemory": one range list per memory BAR, as IOService::getDeviceMemory serialises it. */
    private static OSArray deviceMemory(ConfigSpace cs) {
        List<OSObject> ranges = new ArrayList<>();
        for (ConfigSpace.Bar bar : cs.bars()) {
            if (!bar.io()) {
                ranges.add(OSArray.of(OSDictionary.of("address", num(bar.address()), "length", num(bar.size()))));
            }
        }
        return OSArray.of(ranges);
    }
}
