package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.ioscope.engine.snapshot.devicetree.FdtReaderTest.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DTS syntax against dtc itself: test resource features.dts (with two includes) and features.dtb, which
 * dtc 1.6.1 compiled from it, must give the same registry. Some values are also checked by hand.
 */
class DtsFeaturesTest {
    static Path resource(String name) throws Exception {
        return Path.of(DtsFeaturesTest.class.getResource("/devicetree/" + name).toURI());
    }

    static Snapshot source() throws Exception {
        Path dts = resource("features.dts");
        return new DtsReader(SourceResolver.besideFile(dts, 1 << 20), PhandleStyle.EPAPR)
                .read(Files.readAllBytes(dts), "features.dts", ParseLimits.DEFAULT);
    }

    @Test
    void sameRegistryAsTheBlobDtcCompiled() throws Exception {
        Snapshot dts = source();
        Snapshot dtb = new FdtReader().read(Files.readAllBytes(resource("features.dtb")), "features.dtb",
                ParseLimits.DEFAULT);
        assertThat(DeviceTreeDump.of(dts.registry())).isEqualTo(DeviceTreeDump.of(dtb.registry()));
        assertThat(dts.info().get(FdtReader.INFO_MEMORY_RESERVATIONS))
                .isEqualTo(dtb.info().get(FdtReader.INFO_MEMORY_RESERVATIONS))
                .isEqualTo(OSArray.of(
                        OSDictionary.of("address", OSNumber.of64(0x80000000L), "size", OSNumber.of64(0x10000)),
                        OSDictionary.of("address", OSNumber.of64(0x100000000L), "size", OSNumber.of64(0x2000))));
    }

    @Test
    void valuesEncodedAsDtcDoes() throws Exception {
        IORegistry r = source().registry();
        IORegistryEntry values = at(r, "/values");
        assertThat(hex(values, "bytes")).isEqualTo("00112233ab");
        assertThat(hex(values, "u8s")).isEqualTo("123441ff");
        assertThat(hex(values, "u64s")).isEqualTo("123456789abcdef00000000000000001");
        assertThat(hex(values, "mixed")).isEqualTo("610000000001000000" + "02ff00036200");
        assertThat(hex(values, "octal-and-suffix")).isEqualTo("00000008" + "00000010" + "0000000a" + "0000007a"
                + "0000000a" + "0000007f");
        assertThat(hex(values, "empty")).isEmpty();
        // refs = <&cpu0 &{/cpus/l2-cache} &{/leds} 0>: cpu0 got phandle 2, l2-cache keeps its explicit 7.
        assertThat(hex(values, "refs")).isEqualTo("00000002" + "00000007" + "00000003" + "00000000");
        // The revived property sits where it was first written, before "redefined".
        assertThat(values.properties().keys()).containsSubsequence("to-delete", "redefined", "last", "new-one");
        assertThat(new String(((OSData) at(r, "/chosen").property("bootargs")).toByteArray(),
                StandardCharsets.ISO_8859_1)).isEqualTo("console=ttyS0\0/soc@10000000/serial@2000\0end\0");
        assertThat(at(r, "/cpus/cpu@0").property("name")).isNull(); // dtc drops a redundant name property
        assertThat(DeviceTreeIndex.of(r).byLabel("uart0")).contains(at(r, "/soc@10000000/serial@2000"));
        assertThat(DeviceTreeIndex.of(r).byPath("serial0")).contains(at(r, "/soc@10000000/serial@2000"));
    }

    @Test
    void withoutAResolverIncludesAreRefused() throws Exception {
        byte[] b = Files.readAllBytes(resource("features.dts"));
        Assertions.assertThatThrownBy(() -> new DtsReader().read(b, "f.dts", ParseLimits.DEFAULT))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("f.dts: line 10, column 1")
                .hasMessageContaining("cannot include 'inc/soc.dtsi'");
    }

    static String hex(IORegistryEntry e, String key) {
        return ((OSData) e.property(key)).toHex();
    }
}
