package dev.ioscope.engine.explore;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.text.IoregOptions;
import dev.ioscope.engine.snapshot.text.IoregPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a whole registry, an entry or a subtree in a snapshot format through the installed writers
 * ({@link Snapshots#writer}); ioreg text always works, through {@link EntryText} when no ioreg-text writer is
 * installed. The source registry is only read.
 */
public final class EntryExport {
    private EntryExport() {
    }

    /** Formats that can be rendered as text (for the source view and copy-as). */
    public static List<SnapshotFormat> textFormats() {
        List<SnapshotFormat> out = new ArrayList<>();
        out.add(SnapshotFormat.IOREG_TEXT);
        for (SnapshotFormat f : List.of(SnapshotFormat.IOREG_XML, SnapshotFormat.JSON)) {
            if (Snapshots.writer(f).isPresent()) {
                out.add(f);
            }
        }
        return out;
    }

    /** Formats a file can be saved in. */
    public static List<SnapshotFormat> fileFormats() {
        List<SnapshotFormat> out = new ArrayList<>();
        if (Snapshots.writer(SnapshotFormat.IOREG_ARCHIVE).isPresent()) {
            out.add(SnapshotFormat.IOREG_ARCHIVE);
        }
        out.addAll(textFormats());
        return out;
    }

    /**
     * The entry (alone, or with its descendants in the plane) as text, the entry at the top. The writers need a
     * whole registry, so the entry is copied as the root of one.
     */
    public static String text(IORegistry registry, IORegistryEntry entry, IORegistryPlane plane, boolean subtree,
                              SnapshotFormat format) throws IOException {
        if (format == SnapshotFormat.IOREG_TEXT && Snapshots.writer(format).isEmpty()) {
            return EntryText.of(entry, plane, subtree);
        }
        // The entry is the top of what is rendered (as ioreg -r starts at the matched entry), not a wrapper root.
        IORegistry part = entry == registry.root() && subtree ? registry
                : Subtree.extractAsRoot(registry, entry, plane, subtree);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Snapshots.write(new Snapshot(part, format, OSDictionary.empty(), null), format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the registry (entry == root and subtree), or a part of it, in the format. A part is written under a
     * fresh root, so the file opens again as a registry.
     */
    public static void write(IORegistry registry, IORegistryEntry entry, IORegistryPlane plane, boolean subtree,
                             SnapshotFormat format, OutputStream out) throws IOException {
        boolean whole = entry == registry.root() && subtree;
        if (format == SnapshotFormat.IOREG_TEXT && Snapshots.writer(format).isEmpty()) {
            out.write(EntryText.of(entry, plane, subtree).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (format == SnapshotFormat.IOREG_TEXT && !whole) {
            // ioreg -l's drawing of the entry (or its subtree) from depth 0, as ioreg -r draws a match
            IoregPrinter.printSubtree(registry, entry,
                    IoregOptions.DEFAULT.withPlane(plane.name()).withList(true)
                            .withDepth(subtree ? 0 : 1), out);
            return;
        }
        IORegistry part = whole ? registry : Subtree.extract(registry, entry, plane, subtree);
        Snapshots.write(new Snapshot(part, format, OSDictionary.empty(), null), format, out);
    }
}
