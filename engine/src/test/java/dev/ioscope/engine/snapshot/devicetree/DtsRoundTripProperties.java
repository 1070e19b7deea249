package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated trees printed as device tree source in randomly chosen spellings (hex, decimal, octal, char literals
 * and expressions for cells; /bits/ widths; escapes in strings; byte strings; comments and line breaks anywhere)
 * parse back to exactly the bytes dtc would store, and survive FdtWriter and FdtReader unchanged.
 */
class DtsRoundTripProperties {

    /** A generated node: its name (root ""), properties by name to their pieces, and children. */
    record GNode(String name, Map<String, List<Piece>> props, List<GNode> kids) {
    }

    /** One comma-separated piece of a value. */
    record Piece(int kind, String text, long[] cells, int bits, byte[] bytes) {
        byte[] encode() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (kind) {
                case 0 -> {
                    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
                    out.write(b, 0, b.length);
                    out.write(0);
                }
                case 1 -> {
                    for (long c : cells) {
                        DtsValueParser.writeBE(out, c, bits);
                    }
                }
                default -> out.write(bytes, 0, bytes.length);
            }
            return out.toByteArray();
        }
    }

    @Property(tries = 200)
    void printedSourceParsesToTheSameBytes(@ForAll("trees") GNode tree, @ForAll long style) throws Exception {
        String source = "/dts-v1/;\n/ " + print(tree, new Random(style), 1) + ";\n";
        Snapshot s = new DtsReader().read(source.getBytes(StandardCharsets.ISO_8859_1), "gen.dts",
                ParseLimits.DEFAULT);
        IORegistry r = s.registry();
        check(DeviceTreeIndex.of(r).byPath("/").orElseThrow(), tree, r, "/");

        ByteArrayOutputStream dtb = new ByteArrayOutputStream();
        Snapshots.write(s, SnapshotFormat.FDT, dtb);
        Snapshot back = new FdtReader().read(dtb.toByteArray(), "gen.dtb", ParseLimits.DEFAULT);
        assertThat(DeviceTreeDump.of(back.registry())).isEqualTo(DeviceTreeDump.of(r));
    }

    private static void check(IORegistryEntry e, GNode n, IORegistry r, String path) {
        assertThat(e.properties().keys()).as(path).containsExactlyElementsOf(n.props().keySet());
        n.props().forEach((k, pieces) -> {
            ByteArrayOutputStream want = new ByteArrayOutputStream();
            pieces.forEach(p -> want.writeBytes(p.encode()));
            assertThat(((OSData) e.property(k)).toByteArray()).as(path + " " + k).isEqualTo(want.toByteArray());
        });
        var plane = r.findPlane("IODeviceTree").orElseThrow();
        assertThat(e.children(plane)).hasSize(n.kids().size());
        for (int i = 0; i < n.kids().size(); i++) {
            IORegistryEntry c = e.children(plane).get(i);
            GNode k = n.kids().get(i);
            assertThat(c.nameWithLocation(plane)).isEqualTo(k.name());
            check(c, k, r, path + k.name() + "/");
        }
    }

    // ---- printing, with random spelling ----

    private static String print(GNode n, Random rnd, int depth) {
        StringBuilder sb = new StringBuilder("{").append(gap(rnd));
        n.props().forEach((k, pieces) -> {
            sb.append(k);
            if (!pieces.isEmpty()) {
                sb.append(gap(rnd)).append('=').append(gap(rnd));
                for (int i = 0; i < pieces.size(); i++) {
                    if (i > 0) {
                        sb.append(gap(rnd)).append(',').append(gap(rnd));
                    }
                    sb.append(piece(pieces.get(i), rnd));
                }
            }
            sb.append(gap(rnd)).append(';').append(gap(rnd));
        });
        for (GNode k : n.kids()) {
            sb.append(k.name()).append(gap(rnd)).append(print(k, rnd, depth + 1)).append(';').append(gap(rnd));
        }
        return sb.append('}').toString();
    }

    private static String gap(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> "";
            case 1 -> "\n\t";
            case 2 -> " /* note */ ";
            case 3 -> " // note\n";
            default -> " ";
        };
    }

    private static String piece(Piece p, Random rnd) {
        switch (p.kind()) {
            case 0: {
                StringBuilder sb = new StringBuilder("\"");
                for (char c : p.text().toCharArray()) {
                    if (c == '"' || c == '\\') {
                        sb.append('\\').append(c);
                    } else if (c >= 0x20 && c < 0x7f && rnd.nextInt(4) > 0) {
                        sb.append(c);
                    } else if (c == '\n' && rnd.nextBoolean()) {
                        sb.append("\\n");
                    } else if (rnd.nextBoolean()) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(String.format("\\%03o", (int) c));
                    }
                }
                return sb.append('"').toString();
            }
            case 1: {
                boolean plain = p.bits() == 32 && rnd.nextBoolean();
                StringBuilder sb = new StringBuilder(plain ? "" : "/bits/ " + p.bits() + " ");
                sb.append('<');
                for (long c : p.cells()) {
                    sb.append(gap(rnd)).append(cell(c, rnd)).append(' ');
                }
                return sb.append('>').toString();
            }
            default: {
                StringBuilder sb = new StringBuilder("[");
                for (byte b : p.bytes()) {
                    sb.append(String.format(rnd.nextBoolean() ? "%02x" : "%02X", b & 0xff))
                            .append(rnd.nextBoolean() ? " " : "");
                }
                return sb.append(']').toString();
            }
        }
    }

    private static String cell(long v, Random rnd) {
        return switch (rnd.nextInt(7)) {
            case 0 -> Long.toUnsignedString(v);
            case 1 -> v == 0 ? "0" : "0" + Long.toOctalString(v);
            case 2 -> v >= 0x20 && v < 0x7f && v != '\'' && v != '\\' ? "'" + (char) v + "'"
                    : "0x" + Long.toHexString(v);
            case 3 -> {
                long k = rnd.nextInt(1000);
                yield "(" + Long.toUnsignedString(v - k) + " + " + k + ")";
            }
            case 4 -> "((" + "0x" + Long.toHexString(v ^ 0x5a5a) + ") ^ 0x5a5a)";
            case 5 -> "(" + Long.toUnsignedString(v) + " * 1 | 0)";
            default -> "0x" + Long.toHexString(v);
        };
    }

    // ---- generation ----

    @Provide
    Arbitrary<GNode> trees() {
        return node(3).map(n -> new GNode("", n.props(), n.kids()));
    }

    private Arbitrary<GNode> node(int depth) {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)
                .flatMap(base -> Arbitraries.integers().between(-1, 0xfff).map(u -> u < 0 ? base
                        : base + "@" + Integer.toHexString(u)));
        Arbitrary<Map<String, List<Piece>>> props = Arbitraries.maps(propNames(), piece().list().ofMaxSize(3))
                .ofMaxSize(5).map(LinkedHashMap::new);
        Arbitrary<List<GNode>> kids = depth == 0 ? Arbitraries.just(List.of())
                : node(depth - 1).list().ofMaxSize(3).uniqueElements(GNode::name);
        return Combinators.combine(names, props, kids).as(GNode::new);
    }

    private Arbitrary<String> propNames() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789,._+?#-").ofMinLength(1)
                .ofMaxLength(12)
                .filter(s -> !s.equals("name") && !s.contains("phandle") && Character.isLetter(s.charAt(0)));
    }

    private Arbitrary<Piece> piece() {
        Arbitrary<Piece> strings = Arbitraries.strings().withCharRange((char) 1, (char) 255).ofMaxLength(12)
                .map(s -> new Piece(0, s, null, 0, null));
        Arbitrary<Piece> cells = Arbitraries.of(8, 16, 32, 64).flatMap(bits -> Arbitraries.longs()
                .map(v -> bits == 64 ? v : v & ((1L << bits) - 1)).array(long[].class).ofMaxSize(4)
                .map(a -> new Piece(1, null, a, bits, null)));
        Arbitrary<Piece> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(6)
                .map(b -> new Piece(2, null, null, 0, b));
        return Arbitraries.oneOf(strings, cells, bytes);
    }
}
