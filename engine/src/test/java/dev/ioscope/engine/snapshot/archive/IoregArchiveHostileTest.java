package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.plist.BinaryPlistReader;
import dev.ioscope.engine.os.plist.BinaryPlistWriter;
import dev.ioscope.engine.os.plist.PlistValue;
import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.os.plist.PlistValue.PInt;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Broken and hostile .ioreg files: each must give a SnapshotException naming the place, nothing else. */
class IoregArchiveHostileTest {
    private static byte[] small;
    private static PDict smallTree;

    /** The iMac file: the smaller real archive, edited below into hostile variants. */
    @BeforeAll
    static void load() throws Exception {
        small = Files.readAllBytes(TestData.path("snapshots/iMac16-1.ioreg"));
        smallTree = (PDict) BinaryPlistReader.read(small, "imac", ParseLimits.DEFAULT);
    }

    static SnapshotException fail(byte[] data) {
        return catchThrowableOfType(() -> Snapshots.read(data, "bad.ioreg", "bad.ioreg", ParseLimits.DEFAULT),
                SnapshotException.class);
    }

    /** The real archive with {@code $objects[index]} replaced. */
    static byte[] withObject(int index, UnaryOperator<PlistValue> edit) {
        List<PlistValue> objects = new ArrayList<>(((PArray) smallTree.get("$objects")).items());
        objects.set(index, edit.apply(objects.get(index)));
        Map<String, PlistValue> top = new LinkedHashMap<>(smallTree.entries());
        top.put("$objects", new PArray(objects));
        return BinaryPlistWriter.write(new PDict(top));
    }

    static PDict put(PlistValue dict, String key, PlistValue value) {
        Map<String, PlistValue> m = new LinkedHashMap<>(((PDict) dict).entries());
        m.put(key, value);
        return new PDict(m);
    }

    @Test
    void truncatedAtManyOffsets() {
        for (int i = 1; i <= 40; i++) {
            int cut = (int) ((long) small.length * i / 41);
            SnapshotException e = fail(Arrays.copyOf(small, cut));
            assertThat(e).as("cut at " + cut).isNotNull();
            assertThat(e.place()).as("cut at " + cut).isNotBlank();
        }
    }

    @Test
    void corruptedTrailerAndOffsets() {
        int t = small.length - 32;
        byte[] refs = small.clone();
        refs[t + 7] = 12;
        assertThat(fail(refs).place()).isEqualTo("trailer at offset " + t);
        byte[] count = small.clone();
        count[t + 8] = 0x7f;
        assertThat(fail(count).problem()).contains("object count");
        // point object 1 (the RexDataStore)'s offset past the object area
        byte[] offsets = small.clone();
        int offSize = small[t + 6];
        long table = 0;
        for (int i = 0; i < 8; i++) {
            table = (table << 8) | (small[t + 24 + i] & 0xff);
        }
        int at = (int) table + offSize;
        for (int i = 0; i < offSize; i++) {
            offsets[at + i] = (byte) 0xff;
        }
        SnapshotException e = fail(offsets);
        assertThat(e.place()).isEqualTo("offset table entry 1 at offset " + at);
        assertThat(e.problem()).contains("outside the object area");
    }

    @Test
    void wrongArchiverClassVersionAndRoot() {
        Map<String, PlistValue> top = new LinkedHashMap<>(smallTree.entries());
        top.put("$archiver", new PString("NSArchiver"));
        SnapshotException e = fail(BinaryPlistWriter.write(new PDict(top)));
        assertThat(e.place()).isEqualTo("$archiver");
        assertThat(e.problem()).contains("'NSArchiver'").contains("NSKeyedArchiver");

        SnapshotException v = fail(withObject(1, o -> put(o, "dataStoreVersion", PInt.of(2))));
        assertThat(v.problem()).contains("dataStoreVersion 2 is not supported");
        assertThat(v.place()).contains("archive object 1").contains("dataStoreVersion");

        // the root's $class is object 21604 ({RexDataStore}); rename the class
        SnapshotException c = fail(withObject(21604, o -> put(o, "$classname", new PString("RexDataStore2"))));
        assertThat(c.problem()).contains("'RexDataStore2'").contains("unknown archive layout");
    }

    @Test
    void selfReferencingArchivedArray() {
        // registryEntries (object 5) is an NSMutableArray: make its first member itself
        SnapshotException e = fail(withObject(5, o -> {
            List<PlistValue> refs = new ArrayList<>(((PArray) ((PDict) o).get("NS.objects")).items());
            refs.set(0, new PUid(5));
            return put(o, "NS.objects", new PArray(refs));
        }));
        assertThat(e.place()).contains("archive object 5");
        // registryPlanes (object 21602): an NSArray containing itself is a decode cycle
        SnapshotException p = fail(withObject(21602, o -> put(o, "NS.objects", new PArray(List.of(new PUid(21602))))));
        assertThat(p.problem()).contains("cycle");
        assertThat(p.place()).contains("archive object 21602");
    }

    @Test
    void selfReferencingBinaryArray() {
        byte[] f = {'b', 'p', 'l', 'i', 's', 't', '0', '0', (byte) 0xA1, 0x00, 0, 8, 0, 0, 0, 0, 0, 0, 2, 1,
                0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10};
        SnapshotException e = fail(f);
        assertThat(e.place()).isEqualTo("object 0 at offset 8");
        assertThat(e.problem()).contains("cycle");
    }

    @Test
    void hugeDeclaredCountInTheObjectTable() {
        // The host name "iMac\u00a0\u2014 iMac" is a UTF-16 string object (marker 0x6B: 11 characters). Make its
        // count "0xF then an 8-byte integer": the next 8 bytes are its own characters, ~2^54 of them.
        byte[] f = small.clone();
        byte[] text = "iMac".getBytes(StandardCharsets.UTF_16BE);
        int at = -1;
        for (int i = 8; i + 9 < f.length && at < 0; i++) {
            if ((f[i] & 0xff) == 0x6B && Arrays.equals(f, i + 1, i + 9, text, 0, 8)) {
                at = i;
            }
        }
        assertThat(at).isPositive();
        f[at] = 0x6F;
        f[at + 1] = 0x13;
        SnapshotException e = fail(f);
        // (bplist object 27 in the file's own numbering, which is not the $objects index)
        assertThat(e.place()).isEqualTo("object 27 at offset " + at);
        assertThat(e.problem()).contains("declared count").contains("does not fit");
    }

    @Test
    void linkCycleBetweenEntriesIsRefused() {
        // Root (object 6) gets itself as its first child list's only member
        PDict root = (PDict) ((PArray) smallTree.get("$objects")).get(6);
        int childrenDict = (int) ((PUid) root.get("childrenInPlanes")).index();
        PDict cd = (PDict) ((PArray) smallTree.get("$objects")).get(childrenDict);
        int firstList = (int) ((PUid) ((PArray) cd.get("NS.objects")).get(0)).index();
        SnapshotException cyc = fail(withObject(firstList,
                o -> put(o, "NS.objects", new PArray(List.of(new PUid(6))))));
        assertThat(cyc.place()).contains("archive object 6").contains("childrenInPlanes");
        assertThat(cyc.problem()).contains("cycle");
    }

    @Test
    void overDeepChainIsRefusedQuickly() throws Exception {
        // 3000 entries, each the only child of the one before: deeper than the 512-level default.
        // Built with our writer from an in-memory registry.
        IORegistry r = IORegistry.create();
        var plane = r.plane("IOService");
        var parent = r.root();
        for (int i = 0; i < 3000; i++) {
            var e = r.createEntry("IOService", "n" + i);
            r.attach(e, parent, plane);
            parent = e;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IoregArchiveWriter().write(new Snapshot(r,
                SnapshotFormat.IOREG_ARCHIVE, null, "deep"), out);
        SnapshotException e = fail(out.toByteArray());
        assertThat(e.problem()).contains("IOService plane is deeper than 512 levels");
        assertThat(e.place()).contains("childrenInPlanes");
        // with a higher bound the same file loads
        ParseLimits deep = new ParseLimits(4000, ParseLimits.DEFAULT.maxStringBytes(), ParseLimits.DEFAULT.maxCount(),
                ParseLimits.DEFAULT.maxFileBytes());
        assertThat(Snapshots.read(out.toByteArray(), "deep.ioreg", "deep", deep).registry().size()).isEqualTo(3001);
    }

    @Test
    void duplicateTagsAndRootsAreNamed() {
        // object 4780 is the second entry of registryEntries (entryTag 2); give it the root's tag, then the flag
        SnapshotException tag = fail(withObject(4780, o -> put(o, "entryTag", PInt.of(1))));
        assertThat(tag.place()).contains("archive object 4780 (RexRegistryEntry) key 'entryTag'");
        assertThat(tag.problem()).contains("used twice");
        SnapshotException root = fail(withObject(4780, o -> put(o, "isRegistryRoot", PlistValue.PBool.TRUE)));
        assertThat(root.place()).isEqualTo("archive object 4780");
        assertThat(root.problem()).contains("a second registry root");
        SnapshotException none = fail(withObject(6, o -> put(o, "isRegistryRoot", PlistValue.PBool.FALSE)));
        assertThat(none.problem()).contains("no entry is marked isRegistryRoot");
    }

    @Test
    void badEmbeddedPropertyPlistNamesTheEntry() {
        SnapshotException e = fail(withObject(6, o -> put(o, "properties",
                PData.wrap("<?xml version=\"1.0\"?><plist><dict><key>a</key></plist>".getBytes()))));
        assertThat(e.place()).startsWith("archive object 6 (RexRegistryEntry) key 'properties'");
        SnapshotException dtd = fail(withObject(6, o -> put(o, "properties", PData.wrap(("<?xml version=\"1.0\"?>"
                + "<!DOCTYPE plist [<!ENTITY x \"y\">]><plist><dict/></plist>").getBytes()))));
        assertThat(dtd.place()).startsWith("archive object 6 (RexRegistryEntry) key 'properties'");
    }

    @Test
    void entryReferencesOutsideTheTableAreNamed() {
        SnapshotException e = fail(withObject(6, o -> put(o, "name", new PUid(999_999))));
        assertThat(e.problem()).contains("reference to archive object 999999");
        SnapshotException t = fail(withObject(6, o -> put(o, "entryTag", PInt.of(-5))));
        assertThat(t.problem()).contains("entryTag -5");
    }
}
