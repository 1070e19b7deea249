package dev.ioscope.engine.service.kext;

import dev.ioscope.engine.io.InputFiles;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.os.plist.XmlPlistReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads kexts and dexts: a path may be an {@code Info.plist} (or any {@code *.plist}), a {@code .kext}
 * or {@code .dext} bundle ({@code Contents/Info.plist} or a flat {@code Info.plist}, and its
 * {@code Contents/PlugIns/*.kext}), or a folder searched for both. Dexts are read exactly as kexts are: their
 * personalities differ only by IOUserServerName (service/driverkit).
 * Files are only read.
 */
public final class KextLoader {
    /** Refuse plists larger than this: real Info.plists are a few hundred kB at most. */
    public static final long MAX_PLIST_BYTES = 16L << 20;

    private final PlistDecoder decoder;
    private final List<String> warnings = new ArrayList<>();

    public KextLoader(PlistDecoder decoder) {
        this.decoder = decoder;
    }

    /** With the engine's XML plist reader (secure: no DTD fetch, no entities, bounded by ParseLimits). */
    public KextLoader() {
        this((data, name) -> XmlPlistReader.read(data, name,
                ParseLimits.DEFAULT));
    }

    /** Loads every kext found under the paths, in path order then file-name order (deterministic). */
    public List<KextBundle> load(List<Path> paths) throws SnapshotException {
        List<KextBundle> out = new ArrayList<>();
        warnings.clear();
        for (Path p : paths) {
            KextWalk walk = new KextWalk();
            List<Path> plists = walk.infoPlists(p);
            warnings.addAll(walk.warnings());
            for (Path plist : plists) {
                out.add(loadPlist(plist));
            }
        }
        return out;
    }

    /** What the last {@link #load} said about the folders it searched (links not followed, bounds reached). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public KextBundle loadPlist(Path plist) throws SnapshotException {
        String name = plist.toString();
        byte[] data = InputFiles.read(plist, MAX_PLIST_BYTES);
        OSObject root = decoder.decode(data, name);
        if (!(root instanceof OSDictionary raw)) {
            throw new SnapshotException(name, null, "the plist's root is " + root.typeName() + ", not a dictionary");
        }
        Map<String, String> settings = settings(raw, plist);
        BuildVariables vars = new BuildVariables(settings);
        OSDictionary info = (OSDictionary) vars.expand(raw);
        List<String> warnings = new ArrayList<>();
        if (literal(raw, "CFBundleName").isEmpty() && vars.used().contains("PRODUCT_NAME")) {
            warnings.add("PRODUCT_NAME is not in the plist; took \"" + settings.get("PRODUCT_NAME")
                    + "\" from the file name");
        }
        for (String u : vars.unresolved()) {
            warnings.add("build setting " + u + " is not defined by the plist or its file name; kept literally");
        }
        OSObject pers = info.get("IOKitPersonalities");
        OSDictionary personalities = pers instanceof OSDictionary d ? d : OSDictionary.empty();
        if (pers != null && !(pers instanceof OSDictionary)) {
            warnings.add("IOKitPersonalities is " + pers.typeName() + ", not a dictionary; ignored");
        }
        String id = info.get("CFBundleIdentifier") instanceof OSString s ? s.value() : inferredProductName(plist);
        return new KextBundle(id, plist, info, personalities, warnings);
    }

    /**
     * The build settings we can know without Xcode: the ones a plist key is conventionally generated from
     * (CFBundleIdentifier ← PRODUCT_BUNDLE_IDENTIFIER, CFBundleExecutable ← EXECUTABLE_NAME, CFBundleName ←
     * PRODUCT_NAME, CFBundleVersion ← MODULE_VERSION / CURRENT_PROJECT_VERSION) when the plist holds a literal
     * value, and PRODUCT_NAME / EXECUTABLE_NAME from the bundle's file name (Xcode's default product name is
     * the target name, which names both the .kext and a "Target-Info.plist").
     */
    static Map<String, String> settings(OSDictionary info, Path plist) {
        Map<String, String> m = new HashMap<>();
        String product = inferredProductName(plist);
        if (product != null) {
            m.put("PRODUCT_NAME", product);
            m.put("EXECUTABLE_NAME", product);
            m.put("TARGET_NAME", product);
        }
        literal(info, "CFBundleName").ifPresent(v -> m.put("PRODUCT_NAME", v));
        literal(info, "CFBundleExecutable").ifPresent(v -> m.put("EXECUTABLE_NAME", v));
        literal(info, "CFBundleIdentifier").ifPresent(v -> m.put("PRODUCT_BUNDLE_IDENTIFIER", v));
        literal(info, "CFBundleVersion").ifPresent(v -> {
            m.put("MODULE_VERSION", v);
            m.put("CURRENT_PROJECT_VERSION", v);
        });
        literal(info, "CFBundleShortVersionString").ifPresent(v -> m.put("MARKETING_VERSION", v));
        return m;
    }

    private static Optional<String> literal(OSDictionary info, String key) {
        return info.get(key) instanceof OSString s && !s.value().contains("$") && !s.value().isEmpty()
                ? Optional.of(s.value()) : Optional.empty();
    }

    /** A kext or a DriverKit extension bundle (CFBundlePackageType KEXT / DEXT), by its folder name. */
    static boolean isBundle(String fileName) {
        return fileName.endsWith(".kext") || fileName.endsWith(".dext");
    }

    /** X.kext/Contents/Info.plist (or X.dext/...) → X; X-Info.plist → X; X/Info.plist → X. */
    static String inferredProductName(Path plist) {
        for (Path p = plist.getParent(); p != null; p = p.getParent()) {
            String n = p.getFileName() == null ? "" : p.getFileName().toString();
            if (isBundle(n)) {
                return n.substring(0, n.length() - ".kext".length());   // ".dext" has the same length
            }
        }
        String file = plist.getFileName().toString();
        if (file.endsWith("-Info.plist")) {
            return file.substring(0, file.length() - "-Info.plist".length());
        }
        Path parent = plist.getParent();
        return parent == null || parent.getFileName() == null ? null : parent.getFileName().toString();
    }
}
