package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistry;

import java.util.List;
import java.util.Objects;

/**
 * A loaded registry and where it came from.
 *
 * @param registry the registry
 * @param format   the format it was read from (or will be written as)
 * @param info     file-level facts the format records (IORegistryExplorer's hostName, archName, dates;
 *                 a device tree's header fields; the ioreg text's detected options), kept for export
 * @param source   a display name of the source (file name), or null
 * @param warnings what the reader wants the user to know though the file loaded (it looks truncated, ...): the
 *                 CLI prints each as "warning: ..." and the GUI shows them, so nothing is lost silently
 * @param tables   property tables still being decoded ({@code Snapshots.open}), or {@link DeferredTables#NONE}
 */
public record Snapshot(IORegistry registry, SnapshotFormat format, OSDictionary info, String source,
                       List<String> warnings, DeferredTables tables) {
    public Snapshot {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(format, "format");
        info = info == null ? OSDictionary.empty() : info;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        tables = tables == null ? DeferredTables.NONE : tables;
    }

    /** A snapshot without warnings whose every property table is decoded. */
    public Snapshot(IORegistry registry, SnapshotFormat format, OSDictionary info, String source) {
        this(registry, format, info, source, List.of(), DeferredTables.NONE);
    }

    /** A snapshot with warnings whose every property table is decoded. */
    public Snapshot(IORegistry registry, SnapshotFormat format, OSDictionary info, String source,
                    List<String> warnings) {
        this(registry, format, info, source, warnings, DeferredTables.NONE);
    }

    /** A snapshot without warnings whose property tables may still be decoding. */
    public Snapshot(IORegistry registry, SnapshotFormat format, OSDictionary info, String source,
                    DeferredTables tables) {
        this(registry, format, info, source, List.of(), tables);
    }
}
