package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The .dtb writer against dtc's own output. */
class FdtWriterTest {
    static byte[] write(Snapshot s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Snapshots.write(s, SnapshotFormat.FDT, out);
        return out.toByteArray();
    }

    @Test
    void bambooFromItsSourceIsByteForByteTheRealBlob() throws Exception {
        byte[] real = FdtReaderTest.bytes("qemu-bamboo.dtb");
        assertThat(write(DtsDtbCrossCheckTest.dts("qemu-bamboo.dts", PhandleStyle.BOTH))).isEqualTo(real);
        assertThat(write(DtsDtbCrossCheckTest.dtb("qemu-bamboo.dtb"))).isEqualTo(real);
    }

    @Test
    void featuresFromSourceIsByteForByteWhatDtcWrote() throws Exception {
        byte[] dtc = Files.readAllBytes(DtsFeaturesTest.resource("features.dtb"));
        assertThat(write(DtsFeaturesTest.source())).isEqualTo(dtc);
    }

    @Test
    void virtRoundTripsThroughTheReader() throws Exception {
        Snapshot s = DtsDtbCrossCheckTest.dtb("qemu-virt-aarch64.dtb");
        byte[] out = write(s);
        assertThat(out.length).isLessThan(1 << 20); // QEMU's 1 MiB padding is not kept
        Snapshot again = new FdtReader().read(out, "again.dtb", ParseLimits.DEFAULT);
        assertThat(DeviceTreeDump.of(again.registry())).isEqualTo(DeviceTreeDump.of(s.registry()));
        assertThat(again.info().get(FdtReader.INFO_BOOT_CPUID_PHYS))
                .isEqualTo(s.info().get(FdtReader.INFO_BOOT_CPUID_PHYS));
    }
}
