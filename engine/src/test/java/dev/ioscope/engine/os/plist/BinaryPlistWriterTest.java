package dev.ioscope.engine.os.plist;

import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PBool;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.os.plist.PlistValue.PDate;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.os.plist.PlistValue.PInt;
import dev.ioscope.engine.os.plist.PlistValue.PReal;
import dev.ioscope.engine.os.plist.PlistValue.PSet;
import dev.ioscope.engine.os.plist.PlistValue.PString;
import dev.ioscope.engine.os.plist.PlistValue.PUid;
import dev.ioscope.engine.io.ParseLimits;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bplist00 value kind survives write → read, including CF's width and encoding choices. */
class BinaryPlistWriterTest {
    @Test
    void everyKindRoundTrips() throws Exception {
        List<PlistValue> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(PInt.of(i * 1000L));             // > 14 members: the count follows as an int object
        }
        Map<String, PlistValue> m = new LinkedHashMap<>();
        m.put("small", PInt.of(7));
        m.put("u16", PInt.of(0xBEEF));
        m.put("u32", PInt.of(0xDEADBEEFL));
        m.put("negative", PInt.of(-100));           // 8-byte signed
        m.put("big", new PInt(-2, true));           // 2^64 - 2: CF's 16-byte form
        m.put("double", PReal.of(Math.PI));
        m.put("float", new PReal(1.5, 4));
        m.put("date", new PDate(561410445.791877));
        m.put("yes", PBool.TRUE);
        m.put("no", PBool.FALSE);
        m.put("ascii", new PString("IOService"));
        m.put("utf16", new PString("Bill\u2019s MacBook Pro \u2014 \uD83D\uDE00"));
        m.put("empty", new PString(""));
        m.put("data", PData.wrap(new byte[] {0, 1, (byte) 0xff}));
        m.put("uid", new PUid(70000));
        m.put("set", new PSet(List.of(new PString("a"), PInt.of(1))));
        m.put("emptyArray", new PArray(List.of()));
        m.put("emptyDict", new PDict(Map.of()));
        m.put("many", new PArray(many));
        m.put("nested", new PArray(List.of(new PDict(Map.of("k", new PArray(List.of(PBool.TRUE)))))));
        PDict top = new PDict(m);
        byte[] bytes = BinaryPlistWriter.write(top);
        assertThat(BinaryPlistReader.read(bytes, "t", ParseLimits.DEFAULT)).isEqualTo(top);
    }

    @Test
    void equalScalarsAreWrittenOnce() {
        PString s = new PString("IORegistryEntry");
        byte[] once = BinaryPlistWriter.write(new PArray(List.of(s)));
        byte[] thrice = BinaryPlistWriter.write(new PArray(List.of(s, new PString("IORegistryEntry"), s)));
        // still two objects (the array and one string): only two more 1-byte references in the array
        assertThat(thrice.length - once.length).isEqualTo(2);
    }
}
