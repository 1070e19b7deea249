package dev.ioscope.cli;

import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ioscope run} on a scenario that names no machine: the bundled virtual Mac boots from time 0 with every
 * family, then docs/examples/virtual-mac-hotplug.json plugs a USB stick into a root port, drives block I/O on the
 * internal disk, unplugs the stick and plugs a PCIe audio card behind a bridge.
 */
class RunVirtualMacTest {
    private static final String PORT =
            "IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/XHC1@14/AppleIntelCNLUSBXHCI/HS02@14200000";
    private static final String STICK = PORT + "/Ultra@14200000";
    private static final String AUDIO = "IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/RP05@1c,4/"
            + "IOPCI2PCIBridge/HDAU@0";

    private static List<String> run(Path scenario) throws Exception {
        CliTest.Result r = CliTest.run("run", scenario.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return Arrays.asList(r.out().split("\n"));
    }

    private static List<String> lines(List<String> journal, String kind, String entry) {
        return journal.stream().filter(l -> l.contains(" " + kind + " " + entry + " ") || l.endsWith(" " + kind + " "
                + entry)).toList();
    }

    @Test
    void bootsTheVirtualMacThenPlugsAndUnplugsDevices() throws Exception {
        Path example = Path.of("../docs/examples/virtual-mac-hotplug.json");
        List<String> j = run(example);
        // the boot: the platform expert's driver first, the disk's BSD clients later, all before the first action
        String expert = lines(j, "service.start", "IOService:/AppleACPIPlatformExpert").get(0);
        String pci = lines(j, "service.start", "IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI").get(0);
        assertThat(j.indexOf(expert)).isLessThan(j.indexOf(pci));
        int firstAction = j.indexOf(j.stream().filter(l -> l.contains(" t=1000000000 ")).findFirst().orElseThrow());
        assertThat(j.subList(0, firstAction)).anyMatch(l -> l.contains("service.start") && l.contains(
                "IONVMeBlockStorageDevice@1/IOBlockStorageDriver "));

        // the stick on HS02: its composite driver and the mass-storage driver on its interface start
        assertThat(lines(j, "device.plug", STICK)).singleElement().asString().contains("type=\"usb-device\"")
                .contains("slot=\"" + PORT + "\"");
        assertThat(lines(j, "service.start", STICK + "/Ultra@0/IOUSBMassStorageDriver")).hasSize(1);
        // unplugged: the whole stack terminates and leaves the registry
        assertThat(lines(j, "device.unplug", STICK)).hasSize(1);
        assertThat(lines(j, "service.stop", STICK + "/Ultra@0/IOUSBMassStorageDriver")).hasSize(1);
        assertThat(lines(j, "registry.detach", STICK)).hasSize(1);
        // the audio card sits on the bridge's secondary bus and AppleHDAController matches it by class
        assertThat(lines(j, "service.start", AUDIO + "/AppleHDAController")).hasSize(1);
        // an SMC is no slot: refused in words, nothing built
        assertThat(j).anyMatch(l -> l.contains("scenario.error action=\"plug\" reason=\"IOACPIPlatformDevice is not"
                + " a hot-plug slot"));
        // deterministic: the same scenario gives the same journal
        assertThat(run(example)).isEqualTo(j);
    }

    @Test
    void theEmptyPlatformHasNoSlots(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("s.json");
        Files.writeString(s, """
                {"machine": "empty", "actions": [
                  {"at": 10, "do": "plug", "parent": "IOService:/", "device": {"type": "usb-device"}}]}""");
        List<String> j = run(s);
        assertThat(j).singleElement().asString().contains("scenario.error")
                .contains("needs a machine booted from a description");
    }

    @Test
    void aMachineFileNextToTheScenario(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.json"), """
                {"name": "tiny", "platform": {"type": "platform", "cpus": 1}}""");
        Path s = dir.resolve("s.json");
        Files.writeString(s, "{\"machine\": \"tiny.json\"}");
        List<String> j = run(s);
        assertThat(j).anyMatch(l -> l.contains("service.start") && l.contains("AppleACPIPlatformExpert"));
        assertThat(j).noneMatch(l -> l.contains("IOPCI2PCIBridge"));
        Files.writeString(s, "{\"machine\": \"missing.json\"}");
        CliTest.Result r = CliTest.run("run", s.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("missing.json");
    }

    @Test
    void aRealKextMatchesACardHotPluggedIntoTheVirtualMac() throws Exception {
        // docs/examples/virtual-mac-intelmausi.json: the real IntelMausi kext, an I219-V plugged behind RP05
        List<String> j = run(Path.of("../docs/examples/virtual-mac-intelmausi.json"));
        String nic = "IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/RP05@1c,4/IOPCI2PCIBridge/GIGE@0";
        assertThat(lines(j, "match.accept", nic)).singleElement().asString().contains("personality=\"IntelMausi\"");
        assertThat(lines(j, "service.start", nic + "/IntelMausi")).singleElement().asString()
                .contains("bundle=\"as.acidanthera.mieze.IntelMausiEthernet\"");
    }

    @Test
    void theRegistryAtTheEndCanBeSaved(@TempDir Path dir) throws Exception {
        Path after = dir.resolve("after.ioreg");
        CliTest.Result r = CliTest.run("run", "../docs/examples/virtual-mac-intelmausi.json", "--save",
                after.toString());
        assertThat(r.code()).as(r.err()).isZero();
        var reg = Snapshots.load(after).registry();
        var svc = reg.plane(IORegistryPlane.IOSERVICE);
        var nic = RegistryPath.fromPath(reg,
                "IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/RP05@1c,4/IOPCI2PCIBridge/GIGE@0", svc)
                .orElseThrow();
        assertThat(nic.children(svc)).extracting(e -> e.className()).containsExactly("IntelMausi");
        // '-': the registry as ioreg -l text instead of the journal
        CliTest.Result text = CliTest.run("run", "../docs/examples/power-sleep-wake.json", "--save", "-");
        assertThat(text.out()).startsWith("+-o Root  <class IORegistryEntry").doesNotContain("#0 t=");
        assertThat(CliTest.run("run", "../docs/examples/power-sleep-wake.json", "--save", "x.unknown").code())
                .isEqualTo(ExitCodes.USAGE);
    }
}
