package dev.ioscope.engine.sim;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

/**
 * The registry root's {@code IORegistryPlanes} on the emulated machine (rule RG1): every plane made so far, by name,
 * each serialized as its name. A machine built from a real snapshot keeps the planes the snapshot's root lists and
 * gains any the emulation makes; one built from a description lists its own.
 */
final class RootPlanes {
    /** kIORegistryPlanesKey (IOKitKeys.h). */
    static final String KEY = "IORegistryPlanes";

    private RootPlanes() {
    }

    /** Adds the planes the root's property does not list yet; leaves it alone when it lists them all. */
    static void publish(IORegistry registry) {
        IORegistryEntry root = registry.root();
        OSDictionary listed = root.property(KEY) instanceof OSDictionary d ? d : null;
        OSDictionary.Builder b = OSDictionary.builder();
        if (listed != null) {
            b.putAll(listed);
        }
        boolean added = false;
        for (IORegistryPlane p : registry.planes()) {
            if (listed == null || !listed.containsKey(p.name())) {
                b.put(p.name(), OSString.of(p.name()));
                added = true;
            }
        }
        if (added || listed == null) {
            root.setProperty(KEY, b.build());
        }
    }
}
