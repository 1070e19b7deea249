package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One depth measure and one limit for every reader and writer: whatever IOScope writes, it reads back. */
class RegistryDepthTest {
    private static final IORegistryPlane SERVICE = new IORegistryPlane(IORegistryPlane.IOSERVICE);

    /** An IOScope JSON snapshot whose IOService plane is one chain of {@code depth} links. */
    static byte[] jsonChain(int depth) {
        StringBuilder sb = new StringBuilder("{\"format\":\"ioscope-registry\",\"version\":1,"
                + "\"planes\":[\"IOService\"],"
                + "\"root\":\"0x100000100\",\"entries\":[");
        for (int i = 0; i <= depth; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"0x").append(Long.toHexString(0x100000100L + i))
                    .append("\",\"class\":\"").append(i == 0 ? "IORegistryEntry" : "IOService")
                    .append("\",\"name\":\"").append(i == 0 ? "Root" : "n" + i)
                            .append("\",\"planes\":{\"IOService\":{");
            if (i > 0) {
                sb.append("\"parents\":[\"0x").append(Long.toHexString(0x100000100L + i - 1)).append("\"]");
            }
            if (i < depth) {
                sb.append(i > 0 ? "," : "").append("\"children\":[\"0x")
                        .append(Long.toHexString(0x100000101L + i)).append("\"]");
            }
            sb.append("}},\"properties\":{}}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static IORegistry chain(int depth) {
        IORegistry r = IORegistry.create();
        IORegistryEntry parent = r.root();
        for (int i = 0; i < depth; i++) {
            IORegistryEntry e = r.createEntry("IOService", "n" + i);
            r.attach(e, parent, SERVICE);
            parent = e;
        }
        return r;
    }

    @Test
    void longestPathOverADagAndCycles() {
        Map<String, List<String>> dag = Map.of("a", List.of("b", "c"), "b", List.of("d"), "c", List.of("b"),
                "d", List.of());
        assertThat(RegistryDepth.deepest(dag.keySet(), dag::get)).isEqualTo(3);   // a-c-b-d
        Map<String, List<String>> loop = Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("b"));
        assertThat(RegistryDepth.deepest(loop.keySet(), loop::get)).isEqualTo(RegistryDepth.CYCLE);
        assertThat(RegistryDepth.deepest(chain(1000), SERVICE)).isEqualTo(1000);
    }

    @Test
    @DisplayName("A JSON snapshot 5,000 and 20,000 levels deep is refused with the depth, no stack overflow or hang")
    void deepJsonIsRefusedNamingThePlane() {
        for (int depth : new int[] {5_000, 20_000}) {
            assertThatThrownBy(() -> Snapshots.read(jsonChain(depth), "deep.json", "deep.json", ParseLimits.DEFAULT))
                    .isInstanceOf(SnapshotException.class)
                    .hasMessageStartingWith("deep.json: ")
                    .hasMessageEndingWith(": the IOService plane is " + depth + " levels deep, deeper than 512 levels");
        }
    }

    @Test
    @DisplayName("A registry at the depth limit is written and read back in every writable format")
    void atTheLimitEveryFormatRoundTrips() throws Exception {
        Snapshot s = Snapshots.read(jsonChain(512), "deep.json", "deep.json", ParseLimits.DEFAULT);
        assertThat(RegistryDepth.deepest(s.registry(), SERVICE)).isEqualTo(512);
        for (SnapshotFormat f : List.of(SnapshotFormat.IOREG_ARCHIVE, SnapshotFormat.IOREG_XML,
                SnapshotFormat.IOREG_TEXT, SnapshotFormat.JSON)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Snapshots.write(s, f, out);
            Snapshot back = Snapshots.readWith(Snapshots.reader(f).orElseThrow(), out.toByteArray(), "back",
                    ParseLimits.DEFAULT);
            assertThat(RegistryDepth.deepest(back.registry(), SERVICE)).as(f.name()).isEqualTo(512);
        }
    }

    @Test
    @DisplayName("A writer refuses a registry deeper than the readers take, before writing a byte")
    void writersRefuseWhatReadersWouldRefuse() {
        Snapshot s = new Snapshot(chain(513), SnapshotFormat.JSON, OSDictionary.empty(), null);
        for (SnapshotFormat f : List.of(SnapshotFormat.IOREG_ARCHIVE, SnapshotFormat.IOREG_XML,
                SnapshotFormat.IOREG_TEXT, SnapshotFormat.JSON)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> Snapshots.write(s, f, out)).as(f.name())
                    .hasMessageEndingWith(": the IOService plane is 513 levels deep, deeper than the 512 levels "
                            + "IOScope reads");
            assertThat(out.size()).isZero();
        }
    }
}
