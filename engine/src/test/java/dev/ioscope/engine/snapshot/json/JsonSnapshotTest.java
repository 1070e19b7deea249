package dev.ioscope.engine.snapshot.json;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;
import dev.ioscope.engine.os.OSUnserializable;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.RegistryEquivalence;
import dev.ioscope.engine.registry.RegistryTestFixtures;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSnapshotTest {
    private static byte[] write(Snapshot s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonSnapshotWriter().write(s, out);
        return out.toByteArray();
    }

    private static Snapshot everyValueType() {
        RegistryTestFixtures f = new RegistryTestFixtures();
        f.gfx.setProperty("all", OSDictionary.of(
                "n8", OSNumber.of(0xFF, 8), "n16", OSNumber.of(0x1234, 16), "n32", OSNumber.of32(7),
                "n64small", OSNumber.of64(3), "n64big", OSNumber.of64(-100), "n32max", OSNumber.of32(0xFFFFFFFFL),
                "data", OSData.ofHex("00ff10"), "empty", OSData.ofHex(""), "str", OSString.of("héllo \"q\"\n"),
                "sym", OSSymbol.of("IOPCIDevice"), "yes", OSBoolean.TRUE, "no", OSBoolean.FALSE,
                "set", OSSet.of(OSString.of("a"), OSNumber.of32(1)),
                "arr", OSArray.of(OSArray.of(), OSDictionary.empty()),
                "$weird", OSString.of("dollar key"),
                "bad", new OSUnserializable("IOFoo is not serializable")));
        f.gfx.setState(new EntryState(true, true, false, true, 2, 153, 17));
        f.gfx.setInheritance(List.of("IOPCIDevice", "IOService", "IORegistryEntry", "OSObject"));
        f.gfx.setSnapshotInfo(OSDictionary.of("entryTag", OSNumber.of32(42)));
        return new Snapshot(f.reg, SnapshotFormat.IOREG_ARCHIVE, OSDictionary.of("hostName", OSString.of("mac")),
                "x.ioreg");
    }

    @Test
    void roundTripKeepsEveryValueWidthOrderStateAndLink() throws Exception {
        Snapshot s = everyValueType();
        byte[] json = write(s);
        Snapshot back = Snapshots.read(json, "x.json", "x.json", ParseLimits.DEFAULT);
        assertThat(back.format()).isEqualTo(SnapshotFormat.IOREG_ARCHIVE);
        assertThat(back.info()).isEqualTo(s.info());
        assertThat(RegistryEquivalence.differences(s.registry(), back.registry(), 20)).isEmpty();
        // And writing the copy gives the same bytes.
        assertThat(write(back)).isEqualTo(json);
    }

    @Test
    void jsonShapeIsNaturalWhereJsonCanSayIt() throws Exception {
        String json = new String(write(everyValueType()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"n32\" : 7", "\"n64big\" : 18446744073709551516", "\"n32max\" : 4294967295",
                "\"n8\" : {\n", "\"$number\" : 255", "\"$data\" : \"00ff10\"", "\"$symbol\" : \"IOPCIDevice\"",
                "\"$dict\"", "\"yes\" : true", "\"$unserializable\"");
    }

    @Test
    void malformedJsonNamesLineAndProblem() {
        byte[] bad = ("{\"format\":\"ioscope-registry\",\"version\":1,\"planes\":[\"IOService\"],\n\"root\":\"0x1\","
                + "\"entries\":[{\"id\":\"0x1\",}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Snapshots.read(bad, "bad.json", "bad.json", ParseLimits.DEFAULT))
                .isInstanceOf(SnapshotException.class).hasMessageStartingWith("bad.json: line 2");
    }

    @Test
    void danglingLinkAndDuplicateIdAreErrors() {
        String dangling = "{\"format\":\"ioscope-registry\",\"version\":1,\"planes\":[\"IOService\"],\"root\":\"0x1\","
                + "\"entries\":[{\"id\":\"0x1\",\"class\":\"IORegistryEntry\",\"name\":\"Root\","
                + "\"planes\":{\"IOService\":{\"children\":[\"0x9\"]}}}]}";
        assertThatThrownBy(() -> Snapshots.read(dangling.getBytes(), "d.json", "d.json", ParseLimits.DEFAULT))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("unknown entry id 0x9");
        String dup = "{\"format\":\"ioscope-registry\",\"version\":1,\"planes\":[],\"root\":\"0x1\",\"entries\":["
                + "{\"id\":\"0x1\",\"class\":\"IORegistryEntry\",\"name\":\"Root\"},"
                + "{\"id\":\"0x2\",\"class\":\"IOService\",\"name\":\"a\"},{\"id\":\"0x2\",\"class\":\"IOService\","
                + "\"name\":\"b\"}]}";
        assertThatThrownBy(() -> Snapshots.read(dup.getBytes(), "d.json", "d.json", ParseLimits.DEFAULT))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("duplicate");
    }

    @Test
    void cyclicLinksAreAnErrorNotAHang() {
        String cyc = "{\"format\":\"ioscope-registry\",\"version\":1,\"planes\":[\"IOService\"],\"root\":\"0x1\","
                + "\"entries\":["
                + "{\"id\":\"0x1\",\"class\":\"IORegistryEntry\",\"name\":\"Root\","
                + "\"planes\":{\"IOService\":{\"children\":[\"0x2\"]}}},"
                + "{\"id\":\"0x2\",\"class\":\"IOService\",\"name\":\"a\","
                + "\"planes\":{\"IOService\":{\"children\":[\"0x3\"]}}},"
                + "{\"id\":\"0x3\",\"class\":\"IOService\",\"name\":\"b\","
                + "\"planes\":{\"IOService\":{\"children\":[\"0x2\"]}}}]}";
        assertThatThrownBy(() -> Snapshots.read(cyc.getBytes(), "c.json", "c.json", ParseLimits.DEFAULT))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("cycle");
    }

    @Test
    void deepNestingIsBounded() {
        String deep = "{\"format\":\"ioscope-registry\",\"version\":1,\"info\":" + "[".repeat(100_000);
        assertThatThrownBy(() -> Snapshots.read(deep.getBytes(), "deep.json", "deep.json", ParseLimits.DEFAULT))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("deep.json");
    }

    @Test
    void plainJsonThatIsNotARegistryIsNotDetected() {
        assertThatThrownBy(() -> Snapshots.read("{\"a\":1}".getBytes(), "a.json", "a.json", ParseLimits.DEFAULT))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("not a registry snapshot format");
    }
}
