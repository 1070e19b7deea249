package dev.ioscope.engine.snapshot;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every registry snapshot format IOScope reads or writes, and the registry of a machine it booted. */
public enum SnapshotFormat {
    /** A {@code .ioreg} file saved by Apple's IORegistryExplorer (binary plist, NSKeyedArchiver archive). */
    IOREG_ARCHIVE("IORegistryExplorer archive", List.of("ioreg")),
    /** {@code ioreg -a} XML plist archive. */
    IOREG_XML("ioreg -a XML plist", List.of("xml", "plist")),
    /** {@code ioreg -l} text. */
    IOREG_TEXT("ioreg text", List.of("txt", "ioregtxt")),
    /** IOScope's JSON (see docs/cli.md). */
    JSON("IOScope JSON", List.of("json")),
    /** Linux flattened device tree blob. */
    FDT("flattened device tree", List.of("dtb")),
    /** Device tree source. */
    DTS("device tree source", List.of("dts", "dtsi")),
    /** Apple's iBoot DeviceTree payload. */
    APPLE_DEVICE_TREE("Apple device tree", List.of("devicetree", "adt")),
    /** Not a file: a machine description booted by the engine (no reader or writer; save it in another format). */
    BOOTED_MACHINE("machine booted by IOScope's engine", List.of());

    private final String displayName;
    private final List<String> extensions;

    SnapshotFormat(String displayName, List<String> extensions) {
        this.displayName = displayName;
        this.extensions = extensions;
    }

    public String displayName() {
        return displayName;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The format a file name's extension suggests, if any. */
    public static Optional<SnapshotFormat> fromExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (SnapshotFormat f : values()) {
            if (f.extensions.contains(ext)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Parses a user's {@code --to} value: an enum name, an extension, or a short word (xml, text, json...). */
    public static Optional<SnapshotFormat> parse(String s) {
        String v = s.toLowerCase(Locale.ROOT).replace('-', '_');
        for (SnapshotFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(v)) {
                return Optional.of(f);
            }
        }
        return switch (v) {
            case "text", "ioreg_l", "txt" -> Optional.of(IOREG_TEXT);
            case "xml", "plist" -> Optional.of(IOREG_XML);
            case "ioreg", "archive" -> Optional.of(IOREG_ARCHIVE);
            default -> fromExtension("x." + v);
        };
    }
}
