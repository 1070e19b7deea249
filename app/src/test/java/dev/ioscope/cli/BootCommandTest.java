package dev.ioscope.cli;

import dev.ioscope.engine.machine.DefaultMachine;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled virtual Mac booted through `ioscope boot` and through DefaultMachine.boot() (the GUI's entry). */
class BootCommandTest {
    @Test
    void twoBootsGiveByteIdenticalIoregOutput(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.ioreg");
        Path b = dir.resolve("b.ioreg");
        CliTest.Result ra = CliTest.run("boot", "--save", a.toString());
        assertThat(ra.code()).as(ra.err()).isZero();
        assertThat(CliTest.run("boot", "--save", b.toString()).code()).isZero();
        CliTest.Result la = CliTest.run("ioreg", "-l", a.toString());
        CliTest.Result lb = CliTest.run("ioreg", "-l", b.toString());
        assertThat(la.code()).as(la.err()).isZero();
        assertThat(la.out()).isNotEmpty().isEqualTo(lb.out());
        assertThat(la.out()).contains("+-o MacBookPro15,1  <class IOPlatformExpertDevice")
                .contains("<class IOUSBHostInterface").contains("\"BSD Name\" = \"disk0s1\"");
    }

    @Test
    void savesInTheFormatItsExtensionNames(@TempDir Path dir) throws Exception {
        for (String ext : List.of("txt", "xml", "json", "ioreg")) {
            Path f = dir.resolve("vm." + ext);
            CliTest.Result r = CliTest.run("boot", "--save", f.toString());
            assertThat(r.code()).as(ext + ": " + r.err()).isZero();
            Snapshot s = Snapshots.load(f);
            assertThat(s.registry().entries()).as(ext).anyMatch(e -> e.className().equals("IOMedia"));
        }
    }

    @Test
    void theDefaultMachineHasTheShapeAMacUserRecognises() throws Exception {
        IORegistry reg = DefaultMachine.boot().registry();
        IORegistryPlane svc = reg.plane(IORegistryPlane.IOSERVICE);
        IORegistryEntry expert = reg.root().children(svc).get(0);
        assertThat(expert.className()).isEqualTo("IOPlatformExpertDevice");
        assertThat(expert.children(svc)).extracting(IORegistryEntry::className).contains("IOResources");
        List<IORegistryEntry> pci = of(reg, "IOPCIDevice");
        assertThat(pci).hasSizeGreaterThan(20);
        assertThat(pci.stream().filter(p -> !p.children(svc).isEmpty()).count()).isGreaterThan(15);
        assertThat(of(reg, "AppleIntelCNLUSBXHCI")).hasSize(1);
        assertThat(of(reg, "IOUSBHostDevice")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(of(reg, "IOUSBHostInterface")).hasSizeGreaterThanOrEqualTo(8);
        assertThat(of(reg, "IOMedia")).extracting(e -> ((OSString) e.property("BSD Name")).value())
                .containsExactlyInAnyOrder("disk0", "disk0s1", "disk0s2");
        assertThat(reg.size()).isGreaterThanOrEqualTo(300);
        // the sensors family's SMC: AppleSMC on its ACPI nub, with its user client and IOReport legend; the block
        // storage driver publishes its IOReport legend too
        IORegistryEntry smc = of(reg, "AppleSMC").get(0);
        assertThat(smc.parent(svc).name()).isEqualTo("SMC");
        assertThat(smc.property("IOUserClientClass")).isEqualTo(OSString.of("AppleSMCClient"));
        assertThat(smc.property("IOReportLegend")).isNotNull();
        assertThat(of(reg, "IOBlockStorageDriver").get(0).property("IOReportLegend")).isNotNull();
        // power-managed drivers joined the IOPower plane under the root domain, parents before children
        IORegistryPlane power = reg.plane("IOPower");
        assertThat(reg.entries()).filteredOn(e -> e.inPlane(power)).extracting(IORegistryEntry::className)
                .contains("IOPMrootDomain", "AppleACPIPCI", "AppleIntelCNLUSBXHCI", "IONVMeController",
                        "IOBlockStorageDriver", "AppleUSBHostCompositeDevice", "AppleSMC");
        IORegistryEntry nvme = of(reg, "IONVMeController").get(0);
        assertThat(nvme.parent(power).className()).isEqualTo("IOPowerConnection");
        assertThat(nvme.parent(power).parent(power).className()).isEqualTo("IOPCI2PCIBridge");
        // nothing is left busy, and every registered nub has been through matching, once the registry is quiet
        // (IORootParent, power's IOService client of the root domain, is never registered, as on a real Mac)
        assertThat(reg.entries()).filteredOn(e -> e.inPlane(svc) && e.state().service())
                .allMatch(e -> e.state().busyState() == 0 && (!e.state().registered() || e.state().matched()));
    }

    @Test
    void aBadMachineFileIsBadInputNamingThePlace(@TempDir Path dir) throws Exception {
        Path m = dir.resolve("m.json");
        Files.writeString(m, "{\"platform\": {\"type\": \"platform\", \"children\": [{\"type\": \"flux\"}]}}");
        CliTest.Result r = CliTest.run("boot", m.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("platform.children[0]").contains("flux");
        Files.writeString(m, "{\"platform\": 3}");
        assertThat(CliTest.run("boot", m.toString()).code()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    private static List<IORegistryEntry> of(IORegistry reg, String cls) {
        return reg.entries().stream().filter(e -> e.className().equals(cls) && e.state().active()).toList();
    }
}
