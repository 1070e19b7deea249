package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;
import dev.ioscope.engine.os.OSUnserializable;
import dev.ioscope.engine.os.plist.BinaryPlistReader;
import dev.ioscope.engine.os.plist.PlistValue;
import dev.ioscope.engine.os.plist.PlistValue.PArray;
import dev.ioscope.engine.os.plist.PlistValue.PData;
import dev.ioscope.engine.os.plist.PlistValue.PDict;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryEquivalence;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Apple's RexRegistryEntry keys cannot hold travels in IOScope's extras; Apple's tool still gets plain
 * CF-readable property plists.
 */
class IoregArchiveExtrasTest {
    @Test
    void everythingTheModelHoldsSurvives() throws Exception {
        IORegistry r = IORegistry.create(0x42, "Root");
        IORegistryPlane service = r.plane("IOService");
        IORegistryPlane dt = r.plane("IODeviceTree");
        IORegistryEntry a = r.createEntry(7, "AppleThing", "thing");
        a.setInheritance(List.of("AppleThing", "IOService", "IORegistryEntry", "OSObject"));
        a.setName(service, "thing");                // a plane name equal to the default name
        a.setLocation("1f");
        a.setLocation(dt, "1f");                    // likewise a plane location
        a.setState(new EntryState(true, true, false, true, 2, 1234, 9));
        a.setSnapshotInfo(OSDictionary.of("ioreg.shown", OSBoolean.TRUE,
                "note", new OSUnserializable("odd value")));
        a.setProperty("set", OSSet.of(OSNumber.of32(1), OSString.of("x")));
        a.setProperty("symbol", OSSymbol.of("IOService"));
        a.setProperty("marker", new OSUnserializable("IOCommand is not serializable"));
        a.setProperty("oddMarker", new OSUnserializable("<not a class> is odd"));
        a.setProperty("lookalike", OSString.of("IOThing is not serializable"));
        a.setProperty("byte", OSNumber.of(200, 8));
        r.attach(a, r.root(), service);
        r.attach(a, r.root(), dt);
        OSDictionary info = OSDictionary.of("ioreg.options", OSString.of("-lw0"));
        Snapshot s = new Snapshot(r, SnapshotFormat.IOREG_TEXT, info, "made.txt");

        byte[] bytes = IoregArchiveWriterTest.write(s);
        Snapshot back = IoregArchiveWriterTest.reread(bytes);
        assertThat(RegistryEquivalence.differences(r, back.registry(), 10)).isEmpty();
        assertThat(back.info()).isEqualTo(info);
        assertThat(back.registry().root().registryEntryID()).isEqualTo(0x42);
        IORegistryEntry b = back.registry().entry(7).orElseThrow();
        assertThat(b.property("marker")).isEqualTo(new OSUnserializable("IOCommand is not serializable"));
        assertThat(b.property("lookalike")).isEqualTo(OSString.of("IOThing is not serializable"));
        assertThat(b.ownName(back.registry().plane("IOService"))).isEqualTo("thing");

        // Apple's view of the same entry: a CF-readable table (array for the set, strings for the rest)
        PArray objects = (PArray) ((PDict) BinaryPlistReader.read(bytes, "x", ParseLimits.DEFAULT)).get("$objects");
        PDict entry = null;
        for (PlistValue o : objects.items()) {
            if (o instanceof PDict d && d.get("entryTag") != null
                    && d.get("isRegistryRoot").equals(PlistValue.PBool.FALSE)) {
                entry = d;
            }
        }
        assertThat(entry).isNotNull();
        String xml = new String(((PData) entry.get("properties")).toByteArray(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<key>set</key>\n\t<array>").contains("<key>symbol</key>\n\t<string>IOService")
                .doesNotContain("<set>").doesNotContain("$IOScopeType");
        assertThat(entry.get("ioscopeExtras")).isInstanceOf(PData.class);
    }

    @Test
    void recognizedMarkersNeedNoTypeTags() throws Exception {
        IORegistry r = IORegistry.create();
        IORegistryEntry a = r.createEntry("IOService", "svc");
        a.setInheritance(List.of("IOService", "IORegistryEntry", "OSObject"));
        a.setProperty("IOGeneralInterest", new OSUnserializable("IOCommand is not serializable"));
        a.setProperty("list", OSArray.of(OSNumber.of32(3)));
        r.attach(a, r.root(), r.plane("IOService"));
        assertThat(TypedValues.needsTags(a.properties())).isFalse();
        Snapshot back = IoregArchiveWriterTest.reread(IoregArchiveWriterTest.write(
                new Snapshot(r, SnapshotFormat.IOREG_ARCHIVE, OSDictionary.empty(), "m")));
        assertThat(RegistryEquivalence.differences(r, back.registry(), 10)).isEmpty();
    }
}
