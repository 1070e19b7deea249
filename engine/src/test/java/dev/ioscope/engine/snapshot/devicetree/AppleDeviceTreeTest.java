package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.devicetree.AppleDeviceTreeWriter.Node;
import dev.ioscope.engine.snapshot.devicetree.AppleDeviceTreeWriter.Property;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static dev.ioscope.engine.snapshot.devicetree.FdtReaderTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Apple's device tree layout, with files built by AppleDeviceTreeWriter (no public raw sample exists), named as
 * XNU's MakeReferenceTable names entries.
 */
class AppleDeviceTreeTest {
    private static final IORegistryPlane DT = new IORegistryPlane(IORegistryPlane.IODEVICETREE);

    /** A small tree shaped like an Apple silicon one. */
    static Node sample() {
        Node uart = new Node(List.of(Property.string("name", "uart0"), Property.string("compatible", "uart-1,samsung"),
                Property.of("reg", new byte[] {0, 0, 0x20, 0x35, 0, 0, 0, 0, 0, 0x40, 0, 0}),
                Property.u32("AAPL,phandle", 0x51)), List.of());
        Node disp = new Node(List.of(Property.string("name", "disp0"), Property.string("AAPL,unit-string", "ABC"),
                Property.u32("reg", 0x1234)), List.of());
        Node armIo = new Node(List.of(Property.string("name", "arm-io"), Property.u32("AAPL,phandle", 0x50)),
                List.of(uart, disp));
        Node chosen = new Node(List.of(Property.string("name", "chosen"),
                new Property("random-seed", new byte[64], true), new Property("boot-args", new byte[5], true)),
                List.of());
        return new Node(List.of(Property.string("name", "device-tree"),
                Property.string("compatible", "J274AP\0AppleARM"), Property.string("model", "Macmini9,1"),
                Property.of("#address-cells", new byte[] {2, 0, 0, 0})), List.of(chosen, armIo));
    }

    static Snapshot read(byte[] b) throws SnapshotException {
        return new AppleDeviceTreeReader().read(b, "DeviceTree.j274ap", ParseLimits.DEFAULT);
    }

    @Test
    void entriesAreNamedAsXnuNamesThem() throws Exception {
        IORegistry r = read(AppleDeviceTreeWriter.toBytes(sample())).registry();
        IORegistryEntry top = r.root().children(DT).get(0);
        assertThat(top.name(DT)).isEqualTo("device-tree");
        assertThat(top.name()).isEqualTo("J274AP"); // first compatible string
        assertThat(top.className()).isEqualTo("IOPlatformExpertDevice");
        IORegistryEntry uart = at(r, "/arm-io/uart0");
        assertThat(uart.className()).isEqualTo("IOService");
        // reg's first 32-bit word, little-endian, "%X": 0x35200000
        assertThat(uart.location()).isEqualTo("35200000");
        IORegistryEntry disp = at(r, "/arm-io/disp0@ABC");
        assertThat(disp.location()).isEqualTo("ABC"); // AAPL,unit-string wins over reg ...
        assertThat(disp.property("AAPL,unit-string")).isNull(); // ... and leaves the table, as in XNU
        assertThat(DeviceTreeIndex.of(r).byPhandle(0x51)).contains(uart);
        assertThat(uart.property("compatible")).isEqualTo(OSData.of("uart-1,samsung\0".getBytes()));
    }

    @Test
    void placeholderFlagIsKept() throws Exception {
        IORegistry r = read(AppleDeviceTreeWriter.toBytes(sample())).registry();
        IORegistryEntry chosen = at(r, "/chosen");
        assertThat(chosen.snapshotInfo().get(DeviceTreeRegistry.PLACEHOLDERS_KEY))
                .isEqualTo(OSArray.of(OSString.of("random-seed"), OSString.of("boot-args")));
        assertThat(((OSData) chosen.property("random-seed")).length()).isEqualTo(64);
    }

    @Test
    void writerRoundTripsTheRegistry() throws Exception {
        byte[] original = AppleDeviceTreeWriter.toBytes(sample());
        Snapshot s = read(original);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Snapshots.write(s, SnapshotFormat.APPLE_DEVICE_TREE, out);
        assertThat(DeviceTreeDump.of(read(out.toByteArray()).registry())).isEqualTo(DeviceTreeDump.of(s.registry()));
    }

    @Test
    void detectedOnlyByNameAndShape() {
        byte[] b = AppleDeviceTreeWriter.toBytes(sample());
        AppleDeviceTreeReader reader = new AppleDeviceTreeReader();
        assertThat(reader.sniff(b, "DeviceTree.j274ap")).isTrue();
        assertThat(reader.sniff(b, "x.adt")).isTrue();
        assertThat(reader.sniff(b, "x.bin")).isFalse();
        byte[] text = "Hello, this is not a device tree at all.......".getBytes();
        assertThat(reader.sniff(text, "x.adt")).isFalse();
        assertThat(Snapshots.detect(b, "x.adt").orElseThrow().format()).isEqualTo(SnapshotFormat.APPLE_DEVICE_TREE);
    }

    @Test
    void firmwareContainersGetAnActionableMessage() {
        // The head of an IM4P: SEQUENCE (long form length), IA5String "IM4P", IA5String "dtre", ...
        byte[] im4p = {0x30, (byte) 0x83, 0x01, 0x02, 0x03, 0x16, 0x04, 'I', 'M', '4', 'P', 0x16, 0x04, 'd', 't',
            'r', 'e', 0x16, 0x01, 'x'};
        assertThatThrownBy(() -> Snapshots.read(im4p, "DeviceTree.j274ap.im4p", "DeviceTree.j274ap.im4p",
                ParseLimits.DEFAULT)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("offset 0: this is an IM4P container, not a raw device tree");
        assertThat(new AppleDeviceTreeReader().sniff(im4p, "firmware.bin")).isFalse();
    }

    @Test
    void truncationAndLiesAreRefused() {
        byte[] b = AppleDeviceTreeWriter.toBytes(sample());
        assertThatThrownBy(() -> read(Arrays.copyOf(b, b.length - 3))).isInstanceOf(SnapshotException.class);
        byte[] lie = b.clone();
        lie[0] = (byte) 0xff;
        lie[1] = (byte) 0xff;
        lie[2] = (byte) 0xff;
        lie[3] = 0x7f;
        assertThatThrownBy(() -> read(lie)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("offset 0: node claims 2147483647 properties");
        byte[] trailing = Arrays.copyOf(b, b.length + 8);
        trailing[trailing.length - 1] = 1;
        assertThatThrownBy(() -> read(trailing)).hasMessageContaining("bytes follow the end of the device tree");
    }
}
