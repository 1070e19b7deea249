package dev.ioscope.plugins.storage;

import dev.ioscope.engine.machine.Machine;
import dev.ioscope.engine.machine.MachineReader;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.power.PowerManager;
import dev.ioscope.engine.power.SleepReason;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.service.PassiveMatcher;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.service.family.FamilyMatchers;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.plugins.pci.PciFamily;
import dev.ioscope.plugins.platform.PlatformFamily;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenario: NVMe → block storage → media → partition scheme → partitions with BSD names; removal. */
class StorageFamilyTest {
    static final String MACHINE = """
            {"platform": {"type": "platform", "cpus": 1, "children": [{"type": "pci-host-bridge", "children": [
              {"type": "pci-bridge", "name": "RP01", "location": "1b", "vendor": "0x8086", "device": "0xa340",
               "children": [{"type": "nvme", "name": "ANS2", "location": "0", "vendor": "0x106b",
                 "device": "0x2005", "serial": "S1", "blocks": 262144, "partitions": [
                   {"name": "EFI System Partition", "content": "C12A7328-F81F-11D2-BA4B-00A0C93EC93B",
                   "size": 209715200},
                   {"name": "Container", "content": "7C3457EF-0000-11AA-AA11-00306543ECAC", "size": 536870912}]}]},
              {"type": "nvme", "name": "SSD1", "location": "3", "vendor": "0x144d", "device": "0xa808",
               "model": "Samsung SSD 970", "serial": "S2", "blocks": 65536, "scheme": "FDisk_partition_scheme",
               "partitions": [{"name": "DOS", "content": "DOS_FAT_32", "size": 104857600}]}]}]}}""";

    static Machine boot() throws SnapshotException {
        return Machine.boot(MachineReader.read(MACHINE.getBytes(StandardCharsets.UTF_8), "storage.json"),
                Contributions.of(List.of(new PlatformFamily(), new PciFamily(), new StorageFamily())));
    }

    static List<IORegistryEntry> media(Machine m) {
        return m.registry().entries().stream().filter(e -> e.className().equals("IOMedia") && e.state().active()
                && e.inPlane(m.registry().plane(IORegistryPlane.IOSERVICE))).toList();
    }

    static List<IORegistryEntry> bsd(Machine m, String name) {
        // IOBSDNameMatching builds { IOProviderClass = IOMedia; IOPropertyMatch = { BSD Name = name } }
        // (IOKitUser IOBSD.c); the core's passive matcher evaluates it as the kernel would.
        OSDictionary matching = OSDictionary.of("IOProviderClass", OSString.of("IOMedia"),
                "IOPropertyMatch", OSDictionary.of("BSD Name", OSString.of(name)));
        PassiveMatcher pm = new PassiveMatcher(FamilyMatchers.standardContext(m.registry()));
        return m.registry().entries().stream().filter(e -> e.inPlane(m.registry().plane(IORegistryPlane.IOSERVICE)))
                .filter(e -> e.state().active())
                .filter(e -> pm.matchPassive(e, matching, false, false).matched()).toList();
    }

    @Test
    void theStackIsBuiltByMatchingAndCarriesBsdNames() throws Exception {
        Machine m = boot();
        IORegistryPlane svc = m.registry().plane(IORegistryPlane.IOSERVICE);
        assertThat(media(m)).extracting(e -> ((OSString) e.property("BSD Name")).value())
                .containsExactlyInAnyOrder("disk0", "disk0s1", "disk0s2", "disk1", "disk1s1");
        IORegistryEntry disk0 = bsd(m, "disk0").get(0);
        assertThat(disk0.name()).isEqualTo("APPLE SSD AP0512M Media");
        assertThat(disk0.property("Whole")).isEqualTo(OSBoolean.of(true));
        assertThat(disk0.property("Size")).isEqualTo(OSNumber.of64(262144L * 4096));
        // provider chain: IOMedia ← IOBlockStorageDriver ← IONVMeBlockStorageDevice ← IONVMeController ← IOPCIDevice
        assertThat(chain(disk0, svc)).containsExactly("IOBlockStorageDriver", "IONVMeBlockStorageDevice",
                "IONVMeController", "IOPCIDevice", "IOPCI2PCIBridge");
        IORegistryEntry s1 = bsd(m, "disk0s1").get(0);
        assertThat(s1.name() + "@" + s1.location()).isEqualTo("EFI System Partition@1");
        assertThat(s1.property("Partition ID")).isEqualTo(OSNumber.of32(1));
        assertThat(s1.property("Base")).isEqualTo(OSNumber.of64(40 * 4096));
        assertThat(chain(s1, svc).get(0)).isEqualTo("IOGUIDPartitionScheme");
        // every medium has its BSD client
        for (IORegistryEntry e : media(m)) {
            assertThat(e.children(svc)).extracting(IORegistryEntry::className).contains("IOMediaBSDClient");
        }
    }

    @Test
    void bsdNameMatchingFindsExactlyOneMedium() throws Exception {
        Machine m = boot();
        assertThat(bsd(m, "disk0s2")).singleElement().extracting(IORegistryEntry::name).isEqualTo("Container");
        assertThat(bsd(m, "disk9")).isEmpty();
    }

    @Test
    void thePartitionSchemeThatRecognisesTheMapWinsTheCategory() throws Exception {
        Machine m = boot();
        IORegistryPlane svc = m.registry().plane(IORegistryPlane.IOSERVICE);
        // FDisk has the higher probe score and is tried first on both disks; it refuses the GPT disk in probe,
        // which then falls back to IOGUIDPartitionScheme (IOService::probeCandidates)
        IORegistryEntry disk0 = bsd(m, "disk0").get(0);
        IORegistryEntry disk1 = bsd(m, "disk1").get(0);
        assertThat(disk0.children(svc)).extracting(IORegistryEntry::className).contains("IOGUIDPartitionScheme")
                .doesNotContain("IOFDiskPartitionScheme");
        assertThat(disk1.children(svc)).extracting(IORegistryEntry::className).contains("IOFDiskPartitionScheme")
                .doesNotContain("IOGUIDPartitionScheme");
        assertThat(m.journal()).anyMatch(e -> e.kind().id().equals("probe.refuse")
                && "IOFDiskPartitionScheme".equals(e.details().get("class")) && e.entry().contains("APPLE SSD"));
    }

    @Test
    void removingTheControllerTakesTheWholeStackDown() throws Exception {
        Machine m = boot();
        IORegistryEntry ans2 = m.registry().entries().stream().filter(e -> e.name().equals("ANS2")).findFirst()
                .orElseThrow();
        m.unplug(ans2);
        m.runUntilQuiet();
        assertThat(media(m)).extracting(e -> ((OSString) e.property("BSD Name")).value())
                .containsExactly("disk1", "disk1s1");
        assertThat(bsd(m, "disk0s1")).isEmpty();
        assertThat(m.journal()).anyMatch(e -> e.kind().id().equals("service.stop")
                && "IOGUIDPartitionScheme".equals(e.details().get("class")));
    }

    @Test
    void theStorageDriversSleepAndWakeWithTheSystem() throws Exception {
        Machine m = boot();
        var pm = m.simulation().extension(PowerManager.class);
        assertThat(pm).as("power management installed (ServiceLoader)").isNotNull();
        IORegistryPlane svc = m.registry().plane(IORegistryPlane.IOSERVICE);
        // ANS2's controller: behind RP01, so its power parent is the bridge driver (SSD1's is AppleACPIPCI)
        IORegistryEntry nvme = m.registry().entries().stream().filter(e -> e.className().equals("IONVMeController"))
                .filter(e -> e.parent(svc).name().equals("ANS2")).findFirst().orElseThrow();
        var node = pm.node(nvme);
        assertThat(node).isNotNull();
        assertThat(node.currentPowerState()).isEqualTo(2);          // on and usable after boot
        assertThat(node.powerParent().entry().className()).isEqualTo("IOPCI2PCIBridge");
        pm.rootDomain().sleep(SleepReason.SOFTWARE);
        m.runUntilQuiet();
        assertThat(node.currentPowerState()).isZero();
        pm.rootDomain().wake();
        m.runUntilQuiet();
        assertThat(node.currentPowerState()).isEqualTo(2);
    }

    @Test
    void aPartitionBeyondTheDiskIsRefusedWithItsPlace() {
        String json = MACHINE.replace("\"size\": 104857600", "\"size\": 1048576000");
        assertThatThrownBy(() -> Machine.boot(MachineReader.read(json.getBytes(StandardCharsets.UTF_8), "s.json"),
                Contributions.of(List.of(new PlatformFamily(), new PciFamily(), new StorageFamily()))))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("partitions[0]");
    }

    private static List<String> chain(IORegistryEntry e, IORegistryPlane svc) {
        List<String> out = new ArrayList<>();
        for (IORegistryEntry p = e.parent(svc); p != null && out.size() < 5; p = p.parent(svc)) {
            out.add(p.className());
        }
        return out;
    }
}
