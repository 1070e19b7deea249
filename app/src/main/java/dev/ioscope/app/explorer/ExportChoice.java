package dev.ioscope.app.explorer;

import dev.ioscope.engine.snapshot.SnapshotFormat;

import java.util.List;
import java.util.Optional;

/**
 * What the Export dialog proposes and what it writes: the name offered (the snapshot's file name with the
 * format's extension) and the format of the chosen file — its extension when it names a format IOScope writes,
 * else the chooser's selected filter, else ioreg text.
 */
final class ExportChoice {
    private ExportChoice() {
    }

    /**
     * The format to write {@code fileName} in: its extension picks it ({@code export1.json} is JSON whatever filter
     * was selected); a name without a writable format's extension takes the selected filter's format.
     */
    static SnapshotFormat format(String fileName, SnapshotFormat selectedFilter, List<SnapshotFormat> writable) {
        Optional<SnapshotFormat> byName = SnapshotFormat.fromExtension(fileName).filter(writable::contains);
        if (byName.isPresent()) {
            return byName.get();
        }
        return selectedFilter != null && writable.contains(selectedFilter) ? selectedFilter : SnapshotFormat.IOREG_TEXT;
    }

    /**
     * The name proposed for an export: the snapshot's name without its extension, the selected entry's name for a
     * subtree, and the format's extension ({@code MacBookPro8-1.IOService.json}, {@code iMac16-1-XHC1.ioreg}); when
     * that is the snapshot's own name (same format), {@code -export} is added so the source is not overwritten.
     *
     * @param source  the snapshot's file name, or its title when it has no file (the booted virtual Mac)
     * @param subtree the selected entry's name for a subtree export, else null
     */
    static String proposedName(String source, String subtree, SnapshotFormat format) {
        String base = stripExtension(source == null || source.isBlank() ? "registry" : source);
        if (subtree != null && !subtree.isBlank()) {
            base = base + "-" + subtree;
        }
        base = base.replaceAll("[/\\\\:*?\"<>|]", "_");
        String name = base + "." + format.extensions().get(0);
        return name.equals(source) ? base + "-export." + format.extensions().get(0) : name;
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && SnapshotFormat.fromExtension(name).isPresent() ? name.substring(0, dot) : name;
    }
}
