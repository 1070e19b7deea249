package dev.ioscope.engine.service.kext;

import dev.ioscope.engine.os.OSDictionary;

import java.nio.file.Path;
import java.util.List;

/**
 * A kext as the catalogue sees it: its identifier, its Info.plist (placeholders expanded where possible) and
 * what the loader had to say about it.
 *
 * @param bundleId     CFBundleIdentifier (possibly still holding an unexpanded placeholder)
 * @param infoPlist    the file read
 * @param info         the whole Info.plist dictionary
 * @param personalities IOKitPersonalities, in file order
 * @param warnings     e.g. placeholders kept literally
 */
public record KextBundle(String bundleId, Path infoPlist, OSDictionary info, OSDictionary personalities,
                         List<String> warnings) {
    public KextBundle {
        warnings = List.copyOf(warnings);
    }
}
