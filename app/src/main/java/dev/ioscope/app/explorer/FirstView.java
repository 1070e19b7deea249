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

    /**
     * What a newly opened snapshot shows selected: the platform expert, as IORegistryExplorer opens. In IOService
     * that is the IOPlatformExpert driver (AppleACPIPlatformExpert, AppleARMPE) under the platform expert device
     * (the plane's base, IOPlatformExpertDevice) — the entry the CPUs, PCI root, power domain and buses hang
     * under; in other planes (IODeviceTree's device-tree root…) the base itself; the root when the plane is empty.
     */
    static IORegistryEntry selection(IORegistry registry, IORegistryPlane p) {
        List<IORegistryEntry> path = p == null ? List.of() : path(registry, p);
        return path.isEmpty() ? registry.root() : path.get(path.size() - 1);
    }
}
