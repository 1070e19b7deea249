package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Facts of the real .dtb files, checked by hand with {@code dtc -I dtb -O dts} and {@code fdtdump}. */
class FdtReaderTest {
    private static final IORegistryPlane DT = new IORegistryPlane(IORegistryPlane.IODEVICETREE);

    static byte[] bytes(String file) throws Exception {
        return Files.readAllBytes(TestData.path("snapshots/" + file));
    }

    static Snapshot read(String file) throws Exception {
        return Snapshots.load(TestData.path("snapshots/" + file));
    }

    static IORegistryEntry at(IORegistry r, String path) {
        return RegistryPath.fromPath(r, "IODeviceTree:" + path, null).orElseThrow(() -> new AssertionError(path));
    }

    static String string(IORegistryEntry e, String key) {
        byte[] b = ((OSData) e.property(key)).toByteArray();
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void virtHeaderAndTopNode() throws Exception {
        Snapshot s = read("qemu-virt-aarch64.dtb");
        assertThat(s.format()).isEqualTo(SnapshotFormat.FDT);
        // fdtdump: version 17, last_comp_version 16, boot_cpuid_phys 0, no memory reservations.
        assertThat(s.info().get(FdtReader.INFO_VERSION)).isEqualTo(OSNumber.of32(17));
        assertThat(s.info().get(FdtReader.INFO_LAST_COMP_VERSION)).isEqualTo(OSNumber.of32(16));
        assertThat(s.info().get(FdtReader.INFO_BOOT_CPUID_PHYS)).isEqualTo(OSNumber.of32(0));
        assertThat(((OSArray) s.info().get(FdtReader.INFO_MEMORY_RESERVATIONS)).size()).isZero();

        IORegistry r = s.registry();
        IORegistryEntry top = r.root().children(DT).get(0);
        assertThat(top.name(DT)).isEqualTo("device-tree");
        assertThat(top.name()).isEqualTo("linux,dummy-virt"); // XNU names the top node after compatible[0]
        assertThat(top.className()).isEqualTo("IOPlatformExpertDevice");
        assertThat(top.property("model"))
                .isEqualTo(OSData.of("linux,dummy-virt\0".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void virtNodesPropertiesAndLocations() throws Exception {
        IORegistry r = read("qemu-virt-aarch64.dtb").registry();
        IORegistryEntry cpus = at(r, "/cpus");
        // -smp 4: cpu@0..cpu@3 plus cpu-map.
        assertThat(cpus.children(DT).stream().filter(c -> c.name(DT).equals("cpu")).count()).isEqualTo(4);
        IORegistryEntry cpu2 = at(r, "/cpus/cpu@2");
        assertThat(cpu2.className()).isEqualTo("IOService");
        assertThat(cpu2.location(DT)).isEqualTo("2");
        assertThat(string(cpu2, "compatible")).isEqualTo("arm,cortex-a57\0");
        assertThat(string(cpu2, "enable-method")).isEqualTo("psci\0");

        IORegistryEntry uart = at(r, "/pl011@9000000");
        assertThat(uart.name()).isEqualTo("pl011");
        assertThat(uart.location()).isEqualTo("9000000");
        assertThat(string(uart, "compatible")).isEqualTo("arm,pl011\0arm,primecell\0");
        // reg = <0x00 0x9000000 0x00 0x1000>
        assertThat(((OSData) uart.property("reg")).toHex()).isEqualTo("00000000090000000000000000001000");
        assertThat(uart.properties().keys())
                .containsExactly("clock-names", "clocks", "interrupts", "reg", "compatible");

        IORegistryEntry memory = at(r, "/memory@40000000");
        // -m 2G: reg = <0x00 0x40000000 0x00 0x80000000>
        assertThat(((OSData) memory.property("reg")).toHex()).isEqualTo("00000000400000000000000080000000");
        assertThat(string(at(r, "/chosen"), "stdout-path")).isEqualTo("/pl011@9000000\0");
    }

    @Test
    void phandlesResolveThroughTheIndex() throws Exception {
        IORegistry r = read("qemu-virt-aarch64.dtb").registry();
        DeviceTreeIndex index = DeviceTreeIndex.of(r);
        // interrupt-parent = <0x8005> on the top node names intc@8000000; core2's cpu = <0x8002> is cpu@2.
        assertThat(index.byPhandle(0x8005)).contains(at(r, "/intc@8000000"));
        assertThat(index.byPhandle(0x8002)).contains(at(r, "/cpus/cpu@2"));
        assertThat(index.byPhandle(0x8000).orElseThrow().name()).isEqualTo("apb-pclk");
        assertThat(index.byPhandle(0x1234)).isEmpty();
    }

    @Test
    void bambooAliasesWorkAsRegistryPaths() throws Exception {
        IORegistry r = read("qemu-bamboo.dtb").registry();
        IORegistryEntry uart0 = at(r, "/plb/opb/serial@ef600300");
        assertThat(RegistryPath.fromPath(r, "IODeviceTree:serial0", null)).contains(uart0);
        DeviceTreeIndex index = DeviceTreeIndex.of(r);
        assertThat(index.alias("serial1")).contains("/plb/opb/serial@ef600400");
        assertThat(index.byPath("serial1")).contains(at(r, "/plb/opb/serial@ef600400"));
        // dcr-parent = <&{/cpus/cpu@0}> became phandle 1, interrupt-parent = <&UIC0> phandle 2.
        assertThat(index.byPhandle(1)).contains(at(r, "/cpus/cpu@0"));
        assertThat(index.byPhandle(2)).contains(at(r, "/interrupt-controller0"));
        assertThat(string(at(r, "/plb"), "compatible")).isEqualTo("ibm,plb-440ep\0ibm,plb-440gp\0ibm,plb4\0");
    }

    @Test
    void labelsComeFromTheSymbolsTableDtcWritesWithDashAt() throws Exception {
        // Test resource: dtc -@ -I dts -O dtb -o bamboo-symbols.dtb qemu-bamboo.dts (dtc 1.6.1).
        byte[] b = Files.readAllBytes(DtsFeaturesTest.resource("bamboo-symbols.dtb"));
        IORegistry r = new FdtReader().read(b, "bamboo-symbols.dtb", ParseLimits.DEFAULT).registry();
        DeviceTreeIndex index = DeviceTreeIndex.of(r);
        assertThat(index.byLabel("UART0")).contains(at(r, "/plb/opb/serial@ef600300"));
        assertThat(index.byLabel("PCI0")).contains(at(r, "/plb/pci@ec000000"));
        assertThat(index.byLabel("UIC0")).contains(at(r, "/interrupt-controller0"));
        assertThat(index.byLabel("nope")).isEmpty();
        // The same labels straight from the source.
        IORegistry fromSource = DtsDtbCrossCheckTest.dts("qemu-bamboo.dts", PhandleStyle.BOTH).registry();
        assertThat(DeviceTreeIndex.of(fromSource).byLabel("UART0").orElseThrow().location()).isEqualTo("ef600300");
    }

    @Test
    void truncatedBlobIsRefusedWithAnOffset() throws Exception {
        byte[] b = bytes("qemu-bamboo.dtb");
        byte[] cut = Arrays.copyOf(b, 2000);
        assertThatThrownBy(() -> new FdtReader().read(cut, "cut.dtb", ParseLimits.DEFAULT))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("cut.dtb: offset 4: totalsize 3211 is larger than the file (2000 bytes)");
    }

    @Test
    void version16AndNopTokensAreRead() throws Exception {
        byte[] b = bytes("qemu-bamboo.dtb");
        String expected = DeviceTreeDump.of(new FdtReader().read(b, "b.dtb", ParseLimits.DEFAULT).registry());
        byte[] v16 = b.clone();
        v16[23] = 16; // version 16 has no size_dt_struct: the structure block runs to FDT_END
        assertThat(DeviceTreeDump.of(new FdtReader().read(v16, "v16.dtb", ParseLimits.DEFAULT).registry()))
                .isEqualTo(expected);
        // The root's first property (#address-cells, 16 bytes from FDT_PROP on) overwritten with FDT_NOPs,
        // as libfdt's fdt_nop_property does: the property is gone, nothing else changes.
        byte[] nop = b.clone();
        int firstProp = 0x38 + 8; // off_dt_struct 0x38, then FDT_BEGIN_NODE and the empty root name
        for (int i = 0; i < 16; i += 4) {
            nop[firstProp + i + 3] = FdtReader.NOP;
            nop[firstProp + i] = nop[firstProp + i + 1] = nop[firstProp + i + 2] = 0;
        }
        IORegistry r = new FdtReader().read(nop, "nop.dtb", ParseLimits.DEFAULT).registry();
        assertThat(at(r, "/").property("#address-cells")).isNull();
        assertThat(at(r, "/").property("#size-cells")).isNotNull();
    }

    @Test
    void olderVersionsAreRefusedClearly() throws Exception {
        byte[] b = bytes("qemu-bamboo.dtb");
        b[23] = 3; // version 3
        assertThatThrownBy(() -> new FdtReader().read(b, "old.dtb", ParseLimits.DEFAULT))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("version 3 is older than 16");
    }

    @Test
    void depthLimitIsEnforced() throws Exception {
        ParseLimits shallow = new ParseLimits(3, 1 << 20, 1000, 1 << 20);
        assertThatThrownBy(() -> new FdtReader().read(bytes("qemu-bamboo.dtb"), "b.dtb", shallow))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("nested deeper than 3");
    }
}
