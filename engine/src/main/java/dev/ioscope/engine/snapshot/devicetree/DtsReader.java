package dev.ioscope.engine.snapshot.devicetree;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads device tree source ({@code .dts}) into the same registry the compiled {@code .dtb} gives: every
 * property value is encoded as dtc writes it and phandles are assigned as dtc assigns them. Includes are read
 * through a {@link SourceResolver}; the plain {@link #read(byte[], String, ParseLimits)} refuses them, since
 * it does not know where the bytes came from.
 */
public final class DtsReader implements SnapshotReader {
    private final SourceResolver resolver;
    private final PhandleStyle phandleStyle;

    /** dtc's defaults, no includes. */
    public DtsReader() {
        this(SourceResolver.NONE, PhandleStyle.EPAPR);
    }

    public DtsReader(SourceResolver resolver, PhandleStyle phandleStyle) {
        this.resolver = resolver;
        this.phandleStyle = phandleStyle;
    }

    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.DTS;
    }

    /** True if {@code /dts-v1/} comes first, after only comments, blank lines and includes. */
    @Override
    public boolean sniff(byte[] head, String fileName) {
        String s = new String(head, StandardCharsets.ISO_8859_1);
        int p = s.startsWith("\u00ef\u00bb\u00bf") ? 3 : 0; // a UTF-8 byte order mark
        while (p < s.length()) {
            char c = s.charAt(p);
            if (Character.isWhitespace(c)) {
                p++;
            } else if (s.startsWith("/*", p)) {
                int end = s.indexOf("*/", p + 2);
                if (end < 0) {
                    return false;
                }
                p = end + 2;
            } else if (s.startsWith("//", p) || s.startsWith("#include", p) || s.startsWith("/include/", p)) {
                int end = s.indexOf('\n', p);
                if (end < 0) {
                    return false;
                }
                p = end + 1;
            } else {
                return s.startsWith("/dts-v1/", p);
            }
        }
        return false;
    }

    @Override
    public Snapshot read(byte[] data, String name, ParseLimits limits) throws SnapshotException {
        return read(data, name, limits, resolver);
    }

    /** Reads a file at a known place: includes resolve beside it (never outside its folder). */
    @Override
    public Snapshot read(byte[] data, String name, ParseLimits limits, Path location) throws SnapshotException {
        return read(data, name, limits, resolver == SourceResolver.NONE
                ? SourceResolver.besideFile(location, limits.maxFileBytes()) : resolver);
    }

    public Snapshot read(byte[] data, String name, ParseLimits limits, SourceResolver sources)
            throws SnapshotException {
        DtsScanner scanner = new DtsScanner(data, name, sources, limits.maxFileBytes());
        DtsParser parser = new DtsParser(scanner, limits);
        DtNode root = parser.parse();
        new DtsFixups(root, name, phandleStyle).run();
        List<OSObject> reservations = new ArrayList<>();
        for (long[] r : parser.reservations()) {
            reservations.add(OSDictionary.of("address", OSNumber.of64(r[0]), "size", OSNumber.of64(r[1])));
        }
        OSDictionary info = OSDictionary.of(FdtReader.INFO_MEMORY_RESERVATIONS, OSArray.of(reservations));
        return new Snapshot(DeviceTreeRegistry.build(root, DeviceTreeRegistry.Naming.UNIT_ADDRESS),
                SnapshotFormat.DTS, info, name);
    }
}
