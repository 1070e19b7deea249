package dev.ioscope.engine.service.driverkit;

import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.service.DriverKitKeys;

import java.util.Optional;

/**
 * IOUserResources (IOService.cpp): the resource nub of dexts. IOService::setPlatform attaches it to the service
 * root beside IOResources, and publishPMRootDomain / the IOKit daemon publish "IOKit" on it
 * (publishUserResource), as on every macOS 11+ machine (DK9).
 */
public final class UserResources {
    public static final String IO_RESOURCES = "IOResources";
    /** gIOResourceIOKitKey and the value publishUserResource gives it (gIOServiceKey). */
    public static final String IOKIT = "IOKit";

    private UserResources() {
    }

    /** The IOUserResources entry of a registry's IOService plane, if any. */
    public static Optional<IORegistryEntry> find(IORegistry registry) {
        return byClass(registry, DriverKitKeys.IO_USER_RESOURCES);
    }

    /** The service root (gIOServiceRoot): the entry IOResources is attached to. */
    public static Optional<IORegistryEntry> serviceRoot(IORegistry registry) {
        IORegistryPlane plane = registry.plane(IORegistryPlane.IOSERVICE);
        return byClass(registry, IO_RESOURCES).map(r -> r.parent(plane));
    }

    /**
     * Creates IOUserResources beside IOResources (after it in the service root's children) with IOKit
     * published, unless the registry has one already; returns it. Empty when there is no IOResources to stand
     * beside. Not yet registered: the caller registers it when it registers IOResources.
     */
    public static Optional<IORegistryEntry> ensure(IORegistry registry) {
        Optional<IORegistryEntry> have = find(registry);
        if (have.isPresent()) {
            return have;
        }
        Optional<IORegistryEntry> root = serviceRoot(registry);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        IORegistryEntry u = registry.createEntry(DriverKitKeys.IO_USER_RESOURCES, DriverKitKeys.IO_USER_RESOURCES);
        u.setProperty(IOKIT, OSString.of("IOService"));
        registry.attach(u, root.get(), registry.plane(IORegistryPlane.IOSERVICE));
        u.setState(EntryState.settledService(-1));
        return Optional.of(u);
    }

    private static Optional<IORegistryEntry> byClass(IORegistry registry, String className) {
        IORegistryPlane plane = registry.plane(IORegistryPlane.IOSERVICE);
        for (IORegistryEntry e : registry.entries()) {
            if (className.equals(e.className()) && e.inPlane(plane)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
