package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real oracle for both readers: each .dts and the .dtb dtc compiled from it (or decompiled it from) must give
 * the same registry, node for node and byte for byte, phandles included.
 */
class DtsDtbCrossCheckTest {

    static Snapshot dtb(String file) throws Exception {
        Path p = TestData.path("snapshots/" + file);
        return new FdtReader().read(Files.readAllBytes(p), file, ParseLimits.DEFAULT);
    }

    static Snapshot dts(String file, PhandleStyle style) throws Exception {
        Path p = TestData.path("snapshots/" + file);
        return new DtsReader(SourceResolver.besideFile(p, 1 << 20), style)
                .read(Files.readAllBytes(p), file, ParseLimits.DEFAULT);
    }

    @Test
    void bambooSourceAndBlobGiveTheSameRegistry() throws Exception {
        // The real qemu-bamboo.dtb was compiled by a dtc that wrote both linux,phandle and phandle (dtc -H both).
        String fromDtb = DeviceTreeDump.of(dtb("qemu-bamboo.dtb").registry());
        String fromDts = DeviceTreeDump.of(dts("qemu-bamboo.dts", PhandleStyle.BOTH).registry());
        assertThat(fromDts).isEqualTo(fromDtb);
        // Hand-checked in qemu-bamboo.dts: one cpu, UART0's reg = <0xef600300 8>, PCI0's compatible pair.
        var r = dts("qemu-bamboo.dts", PhandleStyle.BOTH).registry();
        var plane = r.findPlane("IODeviceTree").orElseThrow();
        assertThat(FdtReaderTest.at(r, "/cpus").children(plane)).hasSize(1);
        assertThat(FdtReaderTest.string(FdtReaderTest.at(r, "/cpus/cpu@0"), "model")).isEqualTo("PowerPC,440EP\0");
        assertThat(((OSData) FdtReaderTest.at(r, "/plb/opb/serial@ef600300").property("reg"))
                .toHex()).isEqualTo("ef60030000000008");
        assertThat(FdtReaderTest.string(FdtReaderTest.at(r, "/plb/pci@ec000000"), "compatible"))
                .isEqualTo("ibm,plb440ep-pci\0ibm,plb-pci\0");
        // dtc -I dtb -O dts qemu-bamboo.dtb: 20 nodes and 99 properties; one line each, plus the registry root.
        assertThat(fromDtb.lines().count()).isEqualTo(1 + 20 + 99);
    }

    @Test
    void virtSourceAndBlobGiveTheSameRegistry() throws Exception {
        Snapshot blob = dtb("qemu-virt-aarch64.dtb");
        Snapshot source = dts("qemu-virt-aarch64.dts", PhandleStyle.EPAPR);
        String fromDtb = DeviceTreeDump.of(blob.registry());
        assertThat(DeviceTreeDump.of(source.registry())).isEqualTo(fromDtb);
        // dtc -I dtb -O dts: 62 nodes, 238 properties.
        assertThat(fromDtb.lines().count()).isEqualTo(1 + 62 + 238);
        assertThat(source.info().get(FdtReader.INFO_MEMORY_RESERVATIONS))
                .isEqualTo(blob.info().get(FdtReader.INFO_MEMORY_RESERVATIONS));
    }
}
