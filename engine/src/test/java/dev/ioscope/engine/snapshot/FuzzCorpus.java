package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.devicetree.AppleDeviceTreeWriter;
import dev.ioscope.engine.snapshot.devicetree.AppleDeviceTreeWriter.Node;
import dev.ioscope.engine.snapshot.devicetree.AppleDeviceTreeWriter.Property;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seed inputs for {@link ImporterFuzzTest}: every real file in the corpus (engine/src/test/resources/real/snapshots)
 * (big files as windows of
 * {@link #WINDOW} bytes, head and tail, so that each try stays fast) plus small synthetic files for formats
 * without a real sample. Loaded once.
 */
final class FuzzCorpus {
    static final int WINDOW = 64 * 1024;

    /** One seed: the bytes and a file name (readers may use the extension to break ties). */
    record Seed(String name, byte[] data, boolean whole) {
        Seed(String name, byte[] data) {
            this(name, data, true);
        }

        @Override
        public String toString() {
            return name + " (" + data.length + " bytes)";
        }
    }

    private static List<Seed> seeds;
    private static List<String> notWritten;

    private FuzzCorpus() {
    }

    /** The (source, writer) pairs that gave no seed, with the reason: held to a known list by the test. */
    static synchronized List<String> notWritten() {
        seeds();
        return notWritten;
    }

    static synchronized List<Seed> seeds() {
        if (seeds == null) {
            List<Seed> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(TestData.path("snapshots"))) {
                for (Path p : files.sorted().toList()) {
                    if (!Files.isRegularFile(p)) {
                        throw new IllegalStateException(p + " in the corpus is not a file");   // exact: no skips
                    }
                    addWindows(out, p.getFileName().toString(), Files.readAllBytes(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.add(new Seed("DeviceTree.fuzz.adt", AppleDeviceTreeWriter.toBytes(appleTree())));
            List<Seed> written = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            addWrittenSeeds(written, skipped);
            out.addAll(written);
            addHostileSeeds(out, written);
            notWritten = List.copyOf(skipped);
            out.add(new Seed("features.dts", featuresInlined()));
            out.add(new Seed("features.dtb", resource("/devicetree/features.dtb")));
            seeds = List.copyOf(out);
        }
        return seeds;
    }

    /**
     * Whole, valid files in every format IOScope writes (the real files of some formats are far bigger than a
     * window): two real registries, a device tree and an ioreg IODeviceTree dump, written by each writer. Exact:
     * a pair a writer cannot express, or a file over the window, is recorded in {@link #notWritten()} (and the
     * test holds that list to the known one), never skipped in silence.
     */
    private static void addWrittenSeeds(List<Seed> out, List<String> notWritten) {
        for (String source : List.of("qemu-bamboo.dtb", "MacBookPro8-1.IODeviceTree.txt")) {
            Snapshot s;
            try {
                s = Snapshots.load(TestData.path("snapshots/" + source));
            } catch (SnapshotException e) {
                throw new IllegalStateException("a fuzz seed source does not load: " + e.getMessage(), e);
            }
            for (SnapshotWriter w : Snapshots.writers()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                String what = source + " as " + w.format().name();
                try {
                    w.write(s, bytes);
                } catch (IOException | RuntimeException e) {
                    notWritten.add(what + ": " + e.getMessage());
                    continue;
                }
                if (bytes.size() > WINDOW) {
                    notWritten.add(what + ": " + bytes.size() + " bytes, over the window");
                    continue;
                }
                out.add(new Seed(source + "." + w.format().extensions().get(0), bytes.toByteArray()));
            }
        }
    }

    /**
     * One seed per hostile case issue 17 found, so every campaign starts from them: an 8-line device tree whose
     * ranges cells read as 0x02000000; a JSON registry deeper than the readers take; a binary .ioreg and an
     * ioreg -l dump cut short (at a line boundary).
     */
    private static void addHostileSeeds(List<Seed> out, List<Seed> written) {
        out.add(new Seed("hostile-ranges.dts", """
                /dts-v1/;
                / {
                    #address-cells = <2>;
                    #size-cells = <2>;
                    bus@0 {
                        #address-cells = <1>; #size-cells = <1>;
                        ranges = <0x0 0x0 0x0 0xc000000 0x2000000>;
                    };
                };
                """.getBytes(StandardCharsets.ISO_8859_1)));
        out.add(new Seed("hostile-deep.json", deepJson(600)));
        byte[] ioreg = written.stream().filter(x -> x.name().endsWith(".ioreg")).findFirst().orElseThrow().data();
        out.add(new Seed("hostile-cut.ioreg", Arrays.copyOf(ioreg, ioreg.length / 2)));
        byte[] text = written.stream().filter(x -> x.name().endsWith(".txt"))
                .findFirst().orElseThrow().data();
        int cut = text.length / 2;
        while (text[cut - 1] != '\n') {
            cut--;
        }
        out.add(new Seed("hostile-cut.txt", Arrays.copyOf(text, cut)));
    }

    /** An IOScope JSON registry whose IOService plane is one chain of {@code depth} links, in few bytes. */
    static byte[] deepJson(int depth) {
        StringBuilder sb = new StringBuilder("{\"format\":\"ioscope-registry\",\"version\":1,"
                + "\"planes\":[\"IOService\"],\"root\":\"0x0\",\"entries\":[");
        for (int i = 0; i <= depth; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"0x").append(Integer.toHexString(i))
                    .append("\",\"class\":\"IOService\",\"name\":\"").append(i == 0 ? "Root" : "n")
                    .append("\",\"planes\":{\"IOService\":{");
            if (i < depth) {
                sb.append("\"children\":[\"0x").append(Integer.toHexString(i + 1)).append("\"]");
            }
            sb.append("}}}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void addWindows(List<Seed> out, String name, byte[] data) {
        if (data.length <= WINDOW) {
            out.add(new Seed(name, data));
            return;
        }
        out.add(new Seed(name, Arrays.copyOf(data, WINDOW), false));
        out.add(new Seed(name, Arrays.copyOfRange(data, data.length - WINDOW, data.length), false));
        if (name.endsWith(".dtb")) {
            byte[] compact = compactFdt(data);
            if (compact.length <= WINDOW) {
                out.add(new Seed(name.replace(".dtb", ".compact.dtb"), compact));
            }
        }
    }

    /** QEMU pads its blobs to 1 MiB: the same blob cut to its blocks, with totalsize saying so. */
    private static byte[] compactFdt(byte[] d) {
        ByteBuffer b = ByteBuffer.wrap(d);
        int end = Math.max(b.getInt(12) + b.getInt(32), b.getInt(8) + b.getInt(36));
        byte[] out = Arrays.copyOf(d, end);
        ByteBuffer.wrap(out).putInt(4, end);
        return out;
    }

    /**
     * features.dts with its two includes pasted in: fuzzed readers get no include resolver, and the includes
     * come early, so without this the mutations after them would never be parsed.
     */
    private static byte[] featuresInlined() {
        String leds = new String(resource("/devicetree/inc/leds.dtsi"), StandardCharsets.ISO_8859_1);
        String soc = new String(resource("/devicetree/inc/soc.dtsi"), StandardCharsets.ISO_8859_1)
                .replace("/include/ \"leds.dtsi\"", leds);
        String top = new String(resource("/devicetree/features.dts"), StandardCharsets.ISO_8859_1)
                .replace("#include \"inc/soc.dtsi\"", soc);
        if (top.contains("#include \"") || top.contains("/include/ \"")) {
            throw new IllegalStateException("features.dts still includes something");
        }
        return top.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] resource(String name) {
        try (InputStream in = FuzzCorpus.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Apple device tree shaped like a real one (names, phandles, unit strings, a placeholder). */
    static Node appleTree() {
        Node uart = new Node(List.of(Property.string("name", "uart0"), Property.string("compatible", "uart-1,samsung"),
                Property.u32("reg", 0x35200000L), Property.u32("AAPL,phandle", 3)), List.of());
        Node armIo = new Node(List.of(Property.string("name", "arm-io"), Property.string("AAPL,unit-string", "0"),
                Property.u32("AAPL,phandle", 2)), List.of(uart));
        Node chosen = new Node(List.of(Property.string("name", "chosen"),
                new Property("boot-args", new byte[16], true)), List.of());
        return new Node(List.of(Property.string("name", "device-tree"), Property.string("compatible", "J274AP"),
                Property.u32("#address-cells", 2)), List.of(chosen, armIo));
    }
}
