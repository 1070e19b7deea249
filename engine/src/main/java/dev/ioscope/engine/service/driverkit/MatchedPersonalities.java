package dev.ioscope.engine.service.driverkit;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.service.DextPersonality;
import dev.ioscope.engine.service.DriverKitKeys;
import dev.ioscope.engine.service.Personality;

import java.util.ArrayList;
import java.util.List;

/**
 * The personalities a registry keeps in its dext services' IOMatchedPersonality (probeCandidates saves the whole
 * matched personality there, DK2): a snapshot of macOS 11+ carries its dexts' catalogue entries with it, so they
 * can be matched again without the dexts' bundles ({@code match --kexts-from-snapshot}).
 */
public final class MatchedPersonalities {
    /** The bundle named when a personality has no CFBundleIdentifier. */
    public static final String UNKNOWN_BUNDLE = "(snapshot)";

    private MatchedPersonalities() {
    }

    /**
     * Every distinct IOMatchedPersonality of the registry's IOService plane, in registry order; a personality
     * several services were matched with is taken once. Each is named after its IOUserClass (else the service's
     * name) and belongs to its own CFBundleIdentifier.
     */
    public static List<Personality> of(IORegistry registry) {
        IORegistryPlane plane = registry.plane(IORegistryPlane.IOSERVICE);
        List<Personality> out = new ArrayList<>();
        for (IORegistryEntry e : registry.entries()) {
            if (!e.inPlane(plane) || !(e.property(DriverKitKeys.IO_MATCHED_PERSONALITY) instanceof OSDictionary d)) {
                continue;
            }
            if (out.stream().anyMatch(p -> p.table().isEqualTo(d))) {
                continue;
            }
            String bundle = DextPersonality.string(d.get(DriverKitKeys.CF_BUNDLE_IDENTIFIER)).orElse(UNKNOWN_BUNDLE);
            String name = DextPersonality.userClass(d).orElse(e.name());
            out.add(new Personality(bundle, name, d, out.size()));
        }
        return out;
    }
}
