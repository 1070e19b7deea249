package dev.ioscope.app.explorer;

import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.List;

/**
 * What a newly opened registry shows first: the path the tree opens and whose last entry is selected, as
 * IORegistryExplorer opens (the plane's base, then its IOPlatformExpert driver).
 */
final class FirstView {
    private FirstView() {
    }

    /** The entries the first view opens, top down: the plane's base, then its IOPlatformExpert child if any. */
    static List<IORegistryEntry> path(IORegistry registry, IORegistryPlane p) {
        IORegistryEntry base = RegistryPath.base(registry, p);
        if (base == null || base == registry.root() || !base.inPlane(p)) {
            return List.of();
        }
        for (IORegistryEntry c : base.children(p)) {
            if (registry.classes().conformsTo(c, "IOPlatformExpert") || c.inheritance().contains("IOPlatformExpert")) {
                return List.of(base, c);
            }
        }
        return List.of(base);
    }
}
