package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.os.plist.PlistValue.PDate;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.os.plist.PlistValue.PInt;
import dev.ioscope.engine.os.plist.PlistValue.PSet;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NSKeyedArchiveTest {
    private static final ParseLimits L = ParseLimits.DEFAULT;

    /** Builds, writes as bplist00, reads back and decodes: the builder and the decoder agree. */
    @Test
    void builderAndDecoderRoundTripThroughBinary() throws Exception {
        NSKeyedArchiveBuilder b = new NSKeyedArchiveBuilder();
        PUid root = b.reserve();
        Map<String, PUid> planes = new LinkedHashMap<>();
        planes.put("IOService", b.string("Root"));
        planes.put("IODeviceTree", b.string("/"));
        Map<String, PlistValue> fields = new LinkedHashMap<>();
        fields.put("names", b.dictionary(planes, NSKeyedArchiveBuilder.NSMUTABLEDICTIONARY));
        fields.put("chain", b.stringArray(List.of("IOService", "IORegistryEntry"), NSKeyedArchiveBuilder.NSARRAY));
        fields.put("when", b.date(new PDate(561410445.791877)));
        fields.put("nothing", NSKeyedArchiveBuilder.nul());
        fields.put("count", PInt.of(7));
        b.define(root, List.of("Thing", "NSObject"), fields);
        byte[] bytes = BinaryPlistWriter.write(b.archive(root));

        NSKeyedArchive a = NSKeyedArchive.of(BinaryPlistReader.read(bytes, "t", L), "t", L);
        ArchivedObject o = a.object(a.topObject("root"), "root");
        assertThat(o.uid()).isEqualTo(1);
        assertThat(o.className()).isEqualTo("Thing");
        assertThat(o.dictionary("names").entries()).containsExactly(Map.entry("IOService", new PString("Root")),
                Map.entry("IODeviceTree", new PString("/")));
        assertThat(o.array("chain").items()).containsExactly(new PString("IOService"), new PString("IORegistryEntry"));
        assertThat(o.date("when")).isEqualTo(new PDate(561410445.791877));
        assertThat(o.string("nothing")).isNull();
        assertThat(o.date("nothing")).isNull();
        assertThat(o.integer("count")).isEqualTo(7);
        assertThat(o.bool("absent")).isFalse();
        assertThatThrownBy(() -> o.integer("names")).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("archive object 1 (Thing) key 'names'");
    }

    /** NSData (NS.bytes), NSMutableString (NS.string), NSSet and an NSDate with an integer NS.time. */
    @Test
    void decodesFoundationLeafClasses() throws Exception {
        List<PlistValue> objects = List.of(
                new PString("$null"),
                dict("NS.bytes", PData.wrap(new byte[] {1, 2}), "$class", new PUid(2)),
                classDict("NSMutableData", "NSData", "NSObject"),
                dict("NS.string", new PString("hello"), "$class", new PUid(4)),
                classDict("NSMutableString", "NSString", "NSObject"),
                dict("NS.objects", new PArray(List.of(new PUid(3), new PUid(0))), "$class", new PUid(6)),
                classDict("NSSet", "NSObject"),
                dict("NS.time", PInt.of(10), "$class", new PUid(8)),
                classDict("NSDate", "NSObject"));
        NSKeyedArchive a = archive(objects);
        assertThat(a.decode(1, "t")).isEqualTo(PData.wrap(new byte[] {1, 2}));
        assertThat(a.decode(3, "t")).isEqualTo(new PString("hello"));
        assertThat(a.decode(5, "t")).isEqualTo(new PSet(List.of(new PString("hello"), new PString("$null"))));
        assertThat(a.decode(7, "t")).isEqualTo(new PDate(10));
        assertThat(a.decode(0, "t")).isNull();
    }

    @Test
    void indirectCollectionCycleIsAnError() throws Exception {
        List<PlistValue> objects = List.of(
                new PString("$null"),
                dict("NS.objects", new PArray(List.of(new PUid(2))), "$class", new PUid(3)),
                dict("NS.objects", new PArray(List.of(new PUid(1))), "$class", new PUid(3)),
                classDict("NSArray", "NSObject"));
        assertThatThrownBy(() -> archive(objects).decode(1, "t")).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("archive object 1").hasMessageContaining("cycle");
    }

    @Test
    void envelopeIsChecked() {
        Map<String, PlistValue> top = new LinkedHashMap<>();
        top.put("$version", PInt.of(100000));
        top.put("$objects", new PArray(List.of(new PString("$null"))));
        top.put("$archiver", new PString("NSKeyedArchiver"));
        top.put("$top", new PDict(Map.of("root", new PUid(5))));
        assertThatThrownBy(() -> NSKeyedArchive.of(new PDict(top), "t", L).topObject("root"))
                .hasMessageContaining("reference to archive object 5");
        top.put("$version", PInt.of(99));
        assertThatThrownBy(() -> NSKeyedArchive.of(new PDict(top), "t", L)).hasMessageContaining("$version")
                .hasMessageContaining("99");
        assertThatThrownBy(() -> NSKeyedArchive.of(new PArray(List.of()), "t", L))
                .hasMessageContaining("not a keyed archive");
    }

    private static NSKeyedArchive archive(List<PlistValue> objects) throws SnapshotException {
        Map<String, PlistValue> top = new LinkedHashMap<>();
        top.put("$version", PInt.of(100000));
        top.put("$objects", new PArray(objects));
        top.put("$archiver", new PString("NSKeyedArchiver"));
        top.put("$top", new PDict(Map.of("root", new PUid(1))));
        return NSKeyedArchive.of(new PDict(top), "t", L);
    }

    private static PDict dict(Object... kv) {
        Map<String, PlistValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (PlistValue) kv[i + 1]);
        }
        return new PDict(m);
    }

    private static PDict classDict(String... chain) {
        return dict("$classname", new PString(chain[0]), "$classes",
                new PArray(Arrays.stream(chain).map(c -> (PlistValue) new PString(c)).toList()));
    }
}
