package dev.ioscope.plugins.platform;

import dev.ioscope.engine.machine.Machine;
import dev.ioscope.engine.machine.MachineReader;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.engine.spi.DeviceNode;
import dev.ioscope.engine.spi.Props;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenario: enumerate, match, start, hot-plug and remove on the platform family alone. */
class PlatformFamilyTest {
    static final String MACHINE = """
            {"name": "p", "platform": {"type": "platform", "model": "Macmini8,1", "board-id": "Mac-7BA5B2DFE22DDD8C",
              "serial": "C07TESTSERIAL", "cpus": 4, "acpi": [{"name": "EC", "hid": "PNP0C09"},
              {"name": "PIC", "hid": "PNP0000", "location": "20"}]}}""";

    static Machine boot(String json) throws SnapshotException {
        return Machine.boot(MachineReader.read(json.getBytes(StandardCharsets.UTF_8), "p.json"),
                Contributions.of(List.of(new PlatformFamily())));
    }

    static List<IORegistryEntry> active(Machine m, String cls) {
        return m.registry().entries().stream().filter(e -> e.className().equals(cls) && e.state().active()
                && e.inPlane(m.registry().plane(IORegistryPlane.IOSERVICE))).toList();
    }

    @Test
    void theAcpiPlaneHasTheShapeOfARealMac() throws Exception {
        // MacBookPro15-1.ioreg in the corpus (engine/src/test/resources/real): Root → acpi (the IOPlatformExpertDevice)
        // → _SB → the ACPI devices,
        // and the processors CPUn directly under acpi
        Machine m = boot(MACHINE);
        IORegistryPlane acpi = m.registry().plane("IOACPIPlane");
        IORegistryPlane svc = m.registry().plane(IORegistryPlane.IOSERVICE);
        IORegistryEntry top = m.registry().root().children(acpi).get(0);
        assertThat(top).isSameAs(m.registry().root().children(svc).get(0));
        assertThat(top.name(acpi)).isEqualTo("acpi");
        assertThat(top.name(svc)).isEqualTo("Macmini8,1");
        assertThat(top.children(acpi)).extracting(e -> e.name(acpi))
                .containsExactly("_SB", "CPU0", "CPU1", "CPU2", "CPU3");
        IORegistryEntry sb = top.children(acpi).get(0);
        assertThat(sb.inPlane(svc)).isFalse();
        assertThat(sb.children(acpi)).extracting(e -> e.name(acpi)).containsExactly("EC", "PIC");
        // the same entries as the IOService nubs the ACPI platform expert published
        assertThat(sb.children(acpi)).allMatch(e -> e.inPlane(svc) && e.state().active());
    }

    @Test
    void theRootIsThePlatformExpertDeviceWithTheMachinesIdentity() throws Exception {
        Machine m = boot(MACHINE);
        IORegistryPlane svc = m.registry().plane(IORegistryPlane.IOSERVICE);
        IORegistryEntry expert = m.registry().root().children(svc).get(0);
        assertThat(expert.className()).isEqualTo("IOPlatformExpertDevice");
        assertThat(expert.name()).isEqualTo("Macmini8,1");
        assertThat(expert.property("IOPlatformSerialNumber")).isEqualTo(OSString.of("C07TESTSERIAL"));
        // device-tree strings are NUL-terminated OSData, as EFI hands them over
        assertThat(((OSData) expert.property("board-id")).toByteArray())
                .isEqualTo("Mac-7BA5B2DFE22DDD8C\0".getBytes(StandardCharsets.US_ASCII));
        assertThat(((OSString) expert.property("IOPlatformUUID")).value()).matches("[0-9A-F-]{36}");
        assertThat(expert.state().matched()).isTrue();
        assertThat(active(m, "AppleACPIPlatformExpert")).hasSize(1);
        assertThat(expert.children(svc)).extracting(IORegistryEntry::className)
                .contains("IOResources", "AppleACPIPlatformExpert");
    }

    @Test
    void cpusAreEnumeratedMatchedAndStartedWithTheirNumbers() throws Exception {
        Machine m = boot(MACHINE);
        List<IORegistryEntry> cpus = active(m, "AppleACPICPU");
        assertThat(cpus).hasSize(4);
        assertThat(cpus).extracting(c -> c.property("IOCPUNumber"))
                .containsExactly(OSNumber.of32(0), OSNumber.of32(1), OSNumber.of32(2), OSNumber.of32(3));
        // ACPI devices: EC has a driver (IONameMatch PNP0C09 against "compatible"); PIC has none and stays a nub
        assertThat(active(m, "AppleACPIEC")).hasSize(1);
        IORegistryEntry pic = active(m, "IOACPIPlatformDevice").stream().filter(e -> e.name().equals("PIC"))
                .findFirst().orElseThrow();
        assertThat(pic.location()).isEqualTo("20");
        assertThat(pic.children(m.registry().plane(IORegistryPlane.IOSERVICE))).isEmpty();
    }

    @Test
    void resourceMatchedServicesHangOffIOResources() throws Exception {
        Machine m = boot(MACHINE);
        IORegistryEntry res = active(m, "IOResources").get(0);
        assertThat(res.children(m.registry().plane(IORegistryPlane.IOSERVICE))).extracting(IORegistryEntry::className)
                .containsAll(PlatformModel.RESOURCE_SERVICES);
    }

    @Test
    void theDeviceTreePlaneHasTheEfiSkeleton() throws Exception {
        Machine m = boot(MACHINE);
        IORegistryPlane dt = m.registry().plane("IODeviceTree");
        IORegistryEntry root = m.registry().root().children(dt).get(0);
        assertThat(root.className()).isEqualTo("IOPlatformExpertDevice");
        assertThat(root.children(dt)).extracting(IORegistryEntry::name)
                .containsExactly("chosen", "options", "cpus", "efi", "memory");
        IORegistryEntry cpus = root.children(dt).get(2);
        assertThat(cpus.children(dt)).extracting(e -> e.name() + "@" + e.location())
                .containsExactly("cpu@0", "cpu@1", "cpu@2", "cpu@3");
    }

    @Test
    @DisplayName("S3: on the booted machine a refusing probe is an ordinary refusal, never a probe.fail")
    void s3ARefusingProbeOnTheBootedMachineIsNoFailure() throws Exception {
        Machine m = boot(MACHINE);
        IORegistryEntry pe = active(m, "AppleACPIPlatformExpert").get(0);
        m.plug(pe, new DeviceNode("IOACPIPlatformDevice", "CPU9", "9",
                OSDictionary.of("compatible", Props.strings("ACPI0007"))));
        m.runUntilQuiet();
        // the boot itself has refusals too (before the fix each journaled "probe.fail ... NullPointerException")
        assertThat(m.journal()).anyMatch(e -> e.kind().id().equals("probe.refuse") && e.entry().contains("CPU9"))
                .noneMatch(e -> e.kind().id().equals("probe.fail"));
    }

    @Test
    void aHotPluggedCpuWithoutProcessorIndexIsRefusedAndARemovedOneGoes() throws Exception {
        Machine m = boot(MACHINE);
        IORegistryEntry pe = active(m, "AppleACPIPlatformExpert").get(0);
        IORegistryEntry bad = m.plug(pe, new DeviceNode("IOACPIPlatformDevice", "CPU9", "9",
                OSDictionary.of("compatible", Props.strings("ACPI0007"))));
        m.runUntilQuiet();
        assertThat(bad.state().matched()).isTrue();
        assertThat(bad.children(m.registry().plane(IORegistryPlane.IOSERVICE))).isEmpty();
        assertThat(m.journal()).anyMatch(e -> e.kind().id().equals("probe.refuse") && e.entry().contains("CPU9"));

        IORegistryEntry cpu0 = active(m, "IOACPIPlatformDevice").stream().filter(e -> e.name().equals("CPU0"))
                .findFirst().orElseThrow();
        m.unplug(cpu0);
        m.runUntilQuiet();
        assertThat(active(m, "AppleACPICPU")).hasSize(3);
        assertThat(cpu0.state().active()).isFalse();
    }

    @Test
    void anUnknownDeviceTypeNamesItsPlace() {
        String json = """
                {"platform": {"type": "platform", "children": [{"type": "warp-drive"}]}}""";
        assertThatThrownBy(() -> boot(json)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("platform.children[0]").hasMessageContaining("warp-drive");
    }

    @Test
    void twoBootsAreIdentical() throws Exception {
        Machine a = boot(MACHINE);
        Machine b = boot(MACHINE);
        assertThat(a.journal()).isEqualTo(b.journal());
        assertThat(a.registry().size()).isEqualTo(b.registry().size());
    }
}
