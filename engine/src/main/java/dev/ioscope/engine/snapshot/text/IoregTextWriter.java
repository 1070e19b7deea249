package dev.ioscope.engine.snapshot.text;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes {@code ioreg} text. A snapshot read from ioreg text is written with the options its info recorded
 * (plane, -l or not, -x, -i, ids, blocks shown, per-copy values), which reproduces the file byte for byte;
 * any other snapshot is written as {@code ioreg -lw0} of its IOService plane (or its first plane).
 */
public final class IoregTextWriter implements SnapshotWriter {
    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.IOREG_TEXT;
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        write(snapshot, optionsFor(snapshot), out);
    }

    /** Prints with explicit options, keeping the file-level facts (fragments, final newline, CRLF) of the info. */
    public static void write(Snapshot snapshot, IoregOptions options, OutputStream out) throws IOException {
        OSDictionary info = snapshot.info();
        boolean some = "some".equals(IoregTextInfo.string(info, IoregTextInfo.PROPERTIES, "all"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
        if (IoregTextInfo.flag(info, IoregTextInfo.FRAGMENTS)) {
            IoregPrinter.printFragments(snapshot.registry(), options, buf, some && options.replay());
        } else {
            IoregPrinter.print(snapshot.registry(), options, buf, some && options.replay());
        }
        byte[] b = buf.toByteArray();
        int n = b.length;
        if (info.containsKey(IoregTextInfo.TRAILING_NEWLINES)) {
            // the file's own ending: ioreg ends with one newline, a cut file with none, a padded one with more
            while (n > 0 && b[n - 1] == '\n') {
                n--;
            }
            int want = (int) Math.min(1 << 16, IoregTextInfo.number(info, IoregTextInfo.TRAILING_NEWLINES, 1));
            if (n + want > b.length) {
                b = Arrays.copyOf(b, n + want);
            }
            Arrays.fill(b, n, n + want, (byte) '\n');
            n += want;
        }
        if (IoregTextInfo.flag(info, "ioreg.crlf")) {
            for (int i = 0; i < n; i++) {
                if (b[i] == '\n') {
                    out.write('\r');
                }
                out.write(b[i]);
            }
        } else {
            out.write(b, 0, n);
        }
    }

    /**
     * ioreg text shows one plane: entries only in other planes, and the other planes' links, are not written.
     */
    @Override
    public List<String> leftOut(Snapshot snapshot) {
        IORegistry registry = snapshot.registry();
        IORegistryPlane plane = new IORegistryPlane(optionsFor(snapshot).plane());
        List<String> others = new ArrayList<>();
        for (IORegistryPlane p : registry.planes()) {
            if (!p.equals(plane) && registry.entryCount(p) > 1) {   // the root alone is no plane content
                others.add(p.name());
            }
        }
        int missing = 0;
        for (IORegistryEntry e : registry.entries()) {
            if (e != registry.root() && !e.inPlane(plane)) {
                missing++;
            }
        }
        if (missing == 0 && others.isEmpty()) {
            return List.of();
        }
        return List.of("ioreg text holds one plane, " + plane.name() + ": " + missing + " of " + registry.size()
                + " entries are not in it and are left out"
                + (others.isEmpty() ? "" : ", and so are the links of " + String.join(", ", others))
                + " (convert to .ioreg, .xml or .json to keep every plane)");
    }

    /** The options that print this snapshot as its recorded ioreg text would be printed. */
    public static IoregOptions optionsFor(Snapshot snapshot) {
        OSDictionary info = snapshot.info();
        String plane = IoregTextInfo.string(info, IoregTextInfo.PLANE, null);
        if (plane == null) {
            plane = snapshot.registry().findPlane(IORegistryPlane.IOSERVICE).isPresent()
                    || snapshot.registry().planes().isEmpty()
                    ? IORegistryPlane.IOSERVICE : snapshot.registry().planes().get(0).name();
        }
        String props = IoregTextInfo.string(info, IoregTextInfo.PROPERTIES, "all");
        return IoregOptions.DEFAULT.withPlane(plane)
                .withList(props.equals("all"))
                .withHex(IoregTextInfo.flag(info, IoregTextInfo.HEX))
                .withShowIds(!info.containsKey(IoregTextInfo.IDS) || IoregTextInfo.flag(info, IoregTextInfo.IDS))
                .withInheritance(IoregTextInfo.flag(info, IoregTextInfo.INHERITANCE))
                .withWidth((int) IoregTextInfo.number(info, IoregTextInfo.WIDTH, 0))
                .withSetBrackets(IoregTextInfo.flag(info, IoregTextInfo.SET_BRACKETS))
                .withBold(IoregTextInfo.flag(info, "ioreg.bold"))
                .withReplay(true);
    }
}
