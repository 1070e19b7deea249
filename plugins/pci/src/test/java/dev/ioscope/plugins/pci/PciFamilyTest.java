package dev.ioscope.plugins.pci;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioscope.engine.machine.Machine;
import dev.ioscope.engine.machine.MachineReader;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.engine.spi.DeviceSpec;
import dev.ioscope.engine.spi.Props;
import dev.ioscope.plugins.platform.PlatformFamily;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenario: PCI enumeration behind the host bridge and a bridge, IOPCIMatch matching, hot-plug and removal. */
class PciFamilyTest {
    static final String MACHINE = """
            {"platform": {"type": "platform", "cpus": 1, "children": [{"type": "pci-host-bridge", "children": [
              {"type": "pci-device", "name": "LPCB", "location": "1f", "vendor": "0x8086", "device": "0xa30e",
               "class": "0x060100", "revision": 16, "subsystem-vendor": "0x106b", "subsystem-id": "0x0211"},
              {"type": "pci-device", "name": "HDEF", "location": "1f,3", "vendor": "0x8086", "device": "0xa348",
               "class": "0x040300", "bars": [{"type": "mem64", "size": 16384}, {"type": "io", "size": 32}]},
              {"type": "pci-device", "name": "IGPU", "location": "2", "vendor": "0x8086", "device": "0x3e9b",
               "class": "0x030000"},
              {"type": "pci-bridge", "name": "RP05", "location": "1c,4", "vendor": "0x8086", "device": "0xa33c",
               "hotplug": true, "children": [
                {"type": "pci-device", "name": "ARPT", "location": "0", "vendor": "0x14e4", "device": "0x43dc",
                 "class": "0x028000"}]}]}]}}""";

    static Machine boot() throws SnapshotException {
        return Machine.boot(MachineReader.read(MACHINE.getBytes(StandardCharsets.UTF_8), "pci.json"),
                Contributions.of(List.of(new PlatformFamily(), new PciFamily())));
    }

    static IORegistryEntry named(Machine m, String name) {
        return m.registry().entries().stream().filter(e -> e.name().equals(name) && e.state().active()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    static List<String> driversOf(Machine m, IORegistryEntry nub) {
        return nub.children(m.registry().plane(IORegistryPlane.IOSERVICE)).stream()
                .filter(e -> e.state().active()).map(IORegistryEntry::className).toList();
    }

    private static String hex(IORegistryEntry e, String key) {
        return HexFormat.of().formatHex(((OSData) e.property(key)).toByteArray());
    }

    @Test
    void nubPropertiesHaveTheShapeIOPCIFamilyPublishes() throws Exception {
        Machine m = boot();
        IORegistryEntry lpc = named(m, "LPCB");
        assertThat(lpc.className()).isEqualTo("IOPCIDevice");
        assertThat(lpc.location()).isEqualTo("1f");
        // little-endian 32-bit cells, as in a real dump: "vendor-id" = <86800000>, "class-code" = <00010600>
        assertThat(hex(lpc, "vendor-id")).isEqualTo("86800000");
        assertThat(hex(lpc, "device-id")).isEqualTo("0ea30000");
        assertThat(hex(lpc, "class-code")).isEqualTo("00010600");
        assertThat(hex(lpc, "subsystem-vendor-id")).isEqualTo("6b100000");
        assertThat(new String(((OSData) lpc.property("compatible")).toByteArray(), StandardCharsets.US_ASCII))
                .isEqualTo("pci106b,211\0pci8086,a30e\0pciclass,060100\0LPCB\0");
        assertThat(lpc.property("IOPCIResourced")).isEqualTo(OSBoolean.of(true));
        assertThat(lpc.property("pcidebug").toString()).contains("0:31:0");
        // reg phys.hi = bus << 16 | device << 11 | function << 8 = 0x0000f800
        assertThat(hex(lpc, "reg")).isEqualTo("00f80000" + "00".repeat(16));
        IORegistryEntry hda = named(m, "HDEF");
        assertThat(hda.location()).isEqualTo("1f,3");
        // BAR0 mem64 at 0xa0000000 size 0x4000 (space code 2 as Apple writes it for 64-bit BARs too, register
        // 0x10, non-relocatable bit); BAR2 I/O (space 1, register 0x18) at 0x2000 size 0x20
        assertThat(hex(hda, "assigned-addresses")).isEqualTo(
                "10fb0082" + "00000000" + "000000a0" + "00000000" + "00400000"
                        + "18fb0081" + "00000000" + "00200000" + "00000000" + "20000000");
        // "reg": the config-space entry, then each BAR with its size and no address
        assertThat(hex(hda, "reg")).isEqualTo("00fb0000" + "00".repeat(16)
                + "10fb0002" + "00".repeat(12) + "00400000" + "18fb0001" + "00".repeat(12) + "20000000");
        assertThat(hda.property("IODeviceMemory").toString()).contains("2684354560").contains("16384");
    }

    @Test
    void driversMatchByClassCodeAndDeviceId() throws Exception {
        Machine m = boot();
        assertThat(driversOf(m, named(m, "LPCB"))).containsExactly("AppleLPC");
        assertThat(driversOf(m, named(m, "HDEF"))).containsExactly("AppleHDAController");
        assertThat(driversOf(m, named(m, "IGPU"))).containsExactly("AppleIntelFramebufferController");
        assertThat(driversOf(m, named(m, "RP05"))).containsExactly("IOPCI2PCIBridge");
        // the device behind the bridge sits on bus 1 and under the bridge's driver
        IORegistryEntry arpt = named(m, "ARPT");
        assertThat(arpt.property("pcidebug").toString()).contains("1:0:0");
        assertThat(arpt.parent(m.registry().plane(IORegistryPlane.IOSERVICE)).className()).isEqualTo("IOPCI2PCIBridge");
        IORegistryEntry bridgeDriver = driversOf(m, named(m, "RP05")).isEmpty() ? null
                : named(m, "RP05").children(m.registry().plane(IORegistryPlane.IOSERVICE)).get(0);
        assertThat(bridgeDriver.property("IOPCIHotPlug")).isEqualTo(OSBoolean.of(true));
    }

    @Test
    void hotPlugBehindTheBridgeMatchesAndStartsThenRemovalTerminates() throws Exception {
        Machine m = boot();
        IORegistryPlane svc = m.registry().plane(IORegistryPlane.IOSERVICE);
        IORegistryEntry bridge = named(m, "RP05").children(svc).get(0);
        var settings = new ObjectMapper().readTree("""
                {"type": "pci-device", "vendor": "0x8086", "device": "0xa348", "class": "0x040300", "bus": 1}""");
        IORegistryEntry audio = m.plug(bridge, m.model(new DeviceSpec("pci-device", "HDAU", "0,1", null, settings,
                List.of(), "hotplug")));
        m.runUntilQuiet();
        assertThat(driversOf(m, audio)).containsExactly("AppleHDAController");
        assertThat(audio.location()).isEqualTo("0,1");

        m.unplug(audio);
        m.runUntilQuiet();
        assertThat(audio.state().active()).isFalse();
        assertThat(bridge.children(svc)).extracting(IORegistryEntry::name).containsExactly("ARPT");
        assertThat(m.journal()).anyMatch(e -> e.kind().id().equals("service.stop")
                && "AppleHDAController".equals(e.details().get("class")) && e.entry().contains("HDAU"));
    }

    @Test
    void aHotPluggedBridgeOnTheHostBridgeIsDrivenByIOPCI2PCIBridge() throws Exception {
        Machine m = boot();
        IORegistryPlane svc = m.registry().plane(IORegistryPlane.IOSERVICE);
        IORegistryEntry host = named(m, "AppleACPIPCI");
        var node = m.model(new DeviceSpec("pci-bridge", "RP09", "1d", null, new ObjectMapper().readTree(
                "{\"vendor\":\"0x8086\",\"device\":\"0xa330\"}"), List.of(), "hotplug"));
        IORegistryEntry rp = m.plug(host, node);
        m.runUntilQuiet();
        assertThat(driversOf(m, rp)).containsExactly("IOPCI2PCIBridge");
        // its secondary bus comes from the machine-wide counter: bus 1 was RP05's, so this one is bus 2
        assertThat(rp.children(svc).get(0).property("IOPCIBusNumber"))
                .isEqualTo(OSNumber.of32(2));
    }

    @Test
    void theBridgeDriverRefusesAFunctionThatIsNotABridge() {
        PciFamily.PciToPciBridge b = new PciFamily.PciToPciBridge();
        IORegistryEntry nub = IORegistry.create().createEntry("IOPCIDevice", "X");
        nub.setProperty("class-code", Props.le32(0x040300));
        assertThat(b.probe(ctx(nub), 0)).isNull();
        nub.setProperty("class-code", Props.le32(0x060400));
        assertThat(b.probe(ctx(nub), 5)).isEqualTo(5);
    }

    private static DriverBehavior.DriverContext ctx(IORegistryEntry provider) {
        return new DriverBehavior.DriverContext() {
            public IORegistryEntry self() {
                return provider;
            }

            public IORegistryEntry provider() {
                return provider;
            }

            public long now() {
                return 0;
            }

            public IORegistryEntry publishNub(String c, String n, OSDictionary p) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void configSpaceHasACapabilityChainAndBridgeHeader() {
        ConfigSpace cs = new ConfigSpace(0x8086, 0xa33c, 0x060400, 0xf0, 0, 0, true).buses(0, 3, 3);
        assertThat(cs.isBridge()).isTrue();
        assertThat(cs.read32(0x00)).isEqualTo(0xa33c8086);
        assertThat(cs.read8(0x19)).isEqualTo(3);
        assertThat(cs.findCapability(ConfigSpace.CAP_PM)).isEqualTo(0x40);
        assertThat(cs.findCapability(ConfigSpace.CAP_MSI)).isEqualTo(0x50);
        assertThat(cs.findCapability(ConfigSpace.CAP_PCIE)).isEqualTo(0x70);
        assertThat(cs.findCapability(0x11)).isZero();
        assertThat(cs.classCode()).isEqualTo(0x060400);
    }

    @Test
    void badDescriptionsNameTheirPlace() {
        String json = MACHINE.replace("\"location\": \"1f,3\"", "\"location\": \"zz\"");
        assertThatThrownBy(() -> Machine.boot(MachineReader.read(json.getBytes(StandardCharsets.UTF_8), "pci.json"),
                Contributions.of(List.of(new PlatformFamily(), new PciFamily()))))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("children[1].location");
    }
}
