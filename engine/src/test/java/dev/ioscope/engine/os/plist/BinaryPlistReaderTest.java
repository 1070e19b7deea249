package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.os.plist.PlistValue.PInt;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinaryPlistReaderTest {
    private static final ParseLimits L = ParseLimits.DEFAULT;

    static byte[] realFile() throws Exception {
        return Files.readAllBytes(TestData.path("snapshots/MacBookPro15-1.ioreg"));
    }

    @Test
    void readsTheRealArchiveEnvelope() throws Exception {
        // Checked with python3 plistlib: 43529 objects, object 2 is the host name (a UTF-16 string),
        // object 1 is the RexDataStore with dataStoreVersion 1 and $class UID 43528.
        PDict top = (PDict) BinaryPlistReader.read(realFile(), "mbp", L);
        assertThat(top.entries().keySet()).containsExactly("$version", "$objects", "$archiver", "$top");
        assertThat(top.get("$version")).isEqualTo(PInt.of(100000));
        PArray objects = (PArray) top.get("$objects");
        assertThat(objects.size()).isEqualTo(43529);
        assertThat(objects.get(0)).isEqualTo(new PString("$null"));
        assertThat(objects.get(2)).isEqualTo(new PString("Bill\u2019s MacBook Pro"));
        PDict store = (PDict) objects.get(1);
        assertThat(store.get("dataStoreVersion")).isEqualTo(PInt.of(1));
        assertThat(store.get("$class")).isEqualTo(new PUid(43528));
    }

    @Test
    void writeThenReadGivesTheSameTree() throws Exception {
        PlistValue first = BinaryPlistReader.read(realFile(), "mbp", L);
        byte[] again = BinaryPlistWriter.write(first);
        assertThat(Arrays.copyOf(again, 8)).isEqualTo("bplist00".getBytes());
        assertThat(BinaryPlistReader.read(again, "rewritten", L)).isEqualTo(first);
    }

    @Test
    void truncatedFilesFailCleanly() throws Exception {
        byte[] data = realFile();
        // Cutting the trailer off makes every length read garbage; each must end in a clean error.
        for (int cut : new int[] {0, 5, 8, 40, 41, 100, 4096, 200_000, data.length / 2, data.length - 33,
                data.length - 32, data.length - 1}) {
            byte[] part = Arrays.copyOf(data, cut);
            assertThatThrownBy(() -> BinaryPlistReader.read(part, "cut", L)).as("cut at " + cut)
                    .isInstanceOf(SnapshotException.class);
        }
    }

    @Test
    void badTrailerFieldsAreNamed() throws Exception {
        byte[] data = realFile();
        int t = data.length - 32;
        byte[] refSize = data.clone();
        refSize[t + 7] = 0;
        assertThatThrownBy(() -> BinaryPlistReader.read(refSize, "f", L)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("trailer at offset " + t).hasMessageContaining("reference size 0");
        byte[] offSize = data.clone();
        offSize[t + 6] = 9;
        assertThatThrownBy(() -> BinaryPlistReader.read(offSize, "f", L)).hasMessageContaining("offset size 9");
        byte[] top = data.clone();
        top[t + 16] = 0x7f;
        assertThatThrownBy(() -> BinaryPlistReader.read(top, "f", L)).hasMessageContaining("top object");
        byte[] table = data.clone();
        table[t + 24] = 0x01;
        assertThatThrownBy(() -> BinaryPlistReader.read(table, "f", L)).hasMessageContaining("offset table");
        byte[] version = data.clone();
        version[7] = '1';
        assertThatThrownBy(() -> BinaryPlistReader.read(version, "f", L))
                .hasMessageContaining("offset 6").hasMessageContaining("'01'");
    }

    @Test
    void offsetOutOfRangeIsNamed() throws Exception {
        // one object: a 1-element array; offset table entry says 200 (outside the 10-byte object area)
        byte[] f = plist(new byte[] {(byte) 0xA1, 0x00}, new int[] {200});
        assertThatThrownBy(() -> BinaryPlistReader.read(f, "f", L)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("offset table entry 0").hasMessageContaining("offset 200");
    }

    @Test
    void selfReferencingArrayIsACycleNotAStackOverflow() {
        byte[] f = plist(new byte[] {(byte) 0xA1, 0x00}, new int[] {8});
        assertThatThrownBy(() -> BinaryPlistReader.read(f, "f", L)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("object 0 at offset 8").hasMessageContaining("cycle");
        // indirect: 0 = [1], 1 = [0]
        byte[] g = plist(new byte[] {(byte) 0xA1, 0x01, (byte) 0xA1, 0x00}, new int[] {8, 10});
        assertThatThrownBy(() -> BinaryPlistReader.read(g, "g", L)).hasMessageContaining("cycle");
    }

    @Test
    void hugeDeclaredCountsAreRefusedBeforeAllocating() {
        // array whose count (0xF then 8-byte int) claims 2^62 members
        byte[] arr = {(byte) 0xAF, 0x13, 0x40, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> BinaryPlistReader.read(plist(arr, new int[] {8}), "f", L))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("declared count");
        byte[] str = {0x5F, 0x12, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> BinaryPlistReader.read(plist(str, new int[] {8}), "f", L))
                .hasMessageContaining("object 0 at offset 8").hasMessageContaining("declared count");
    }

    @Test
    void deepNestingIsBounded() {
        // 600 arrays, each holding the next: deeper than the 512-level default
        int n = 600;
        ByteArrayOutputStream objs = new ByteArrayOutputStream();
        int[] offsets = new int[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = 8 + objs.size();
            if (i == n - 1) {
                objs.write(0xA0);
            } else {
                objs.write(0xA1);
                objs.write((i + 1) >> 8);
                objs.write(i + 1);
            }
        }
        byte[] f = plist(objs.toByteArray(), offsets, 2);
        assertThatThrownBy(() -> BinaryPlistReader.read(f, "f", L)).hasMessageContaining("nesting deeper");
    }

    /** A bplist00 file with the given object bytes, 2-byte offsets and 1-byte refs (unless said). */
    static byte[] plist(byte[] objects, int[] offsets) {
        return plist(objects, offsets, 1);
    }

    static byte[] plist(byte[] objects, int[] offsets, int refSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("bplist00".getBytes());
        out.writeBytes(objects);
        int table = out.size();
        for (int o : offsets) {
            out.write(o >> 8);
            out.write(o);
        }
        out.writeBytes(new byte[6]);
        out.write(2);
        out.write(refSize);
        writeLong(out, offsets.length);
        writeLong(out, 0);
        writeLong(out, table);
        return out.toByteArray();
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        for (int i = 7; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
    }
}
