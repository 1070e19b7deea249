package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.devicetree.DtsReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** ioreg -f on flattened trees: cell counts read little-endian are huge, and must not drive the layout. */
class IoregFormatterBoundsTest {
    private static final IoregOptions FORMAT = IoregOptions.DEFAULT.withList(true).withFormat(true)
            .withPlane(IORegistryPlane.IODEVICETREE).withWidth(0);

    private static String print(Snapshot s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IoregPrinter.print(s.registry(), FORMAT, out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    @DisplayName("DT1: an 8-line .dts whose cells read as 0x02000000 prints ranges as a hex dump, not gigabytes")
    void eightLineDtsRangesIsBounded() throws Exception {
        String dts = """
                /dts-v1/;
                / {
                    #address-cells = <2>;
                    #size-cells = <2>;
                    bus@0 {
                        #address-cells = <1>; #size-cells = <1>;
                        ranges = <0x0 0x0 0x0 0xc000000 0x2000000>;
                    };
                };
                """;
        Snapshot s = new DtsReader().read(dts.getBytes(StandardCharsets.ISO_8859_1), "eight.dts",
                ParseLimits.DEFAULT);
        String text = print(s);
        // 20 bytes of ranges (5 big-endian cells), as ioreg's hex dump (offset, bytes, ASCII)
        assertThat(text).contains("00000000: 00 00 00 00 00 00 00 00 00 00 00 00 0C 00 00 00 02 00 00 00");
        assertThat(text.length()).isLessThan(4_000);
    }

    @Test
    @DisplayName("DT1: ioreg -f on the real qemu-virt-aarch64.dtb finishes with pcie ranges as a hex dump")
    void realQemuTreeFormats() throws Exception {
        Snapshot s = Snapshots.load(TestData.path("snapshots/qemu-virt-aarch64.dtb"));
        String text = print(s);
        // pcie@10000000 ranges = <0x1000000 0x00 0x00 0x00 0x3eff0000 ...>, big-endian on disk
        assertThat(text).contains("\"ranges\" = ").contains("00000000: 01 00 00 00 00 00 00 00 00 00 00 00");
        assertThat(text).contains("pcie@10000000");
        assertThat(text.length()).isLessThan(2_000_000);
    }
}
