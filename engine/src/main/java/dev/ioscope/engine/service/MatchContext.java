package dev.ioscope.engine.service;

import dev.ioscope.engine.registry.ClassCatalogue;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.service.family.FamilyMatcher;
import dev.ioscope.engine.service.family.FamilyMatchers;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What matching needs to know about the world: the registry and its IOService plane, the class catalogue,
 * the IOResources entry, the family matchers, and the driver instances to treat as absent ({@code --strip}).
 */
public final class MatchContext {
    private final IORegistry registry;
    private final IORegistryPlane servicePlane;
    private final List<FamilyMatcher> families;
    private final Set<IORegistryEntry> ignored = Collections.newSetFromMap(new IdentityHashMap<>());
    private IORegistryEntry resources;

    public MatchContext(IORegistry registry, List<FamilyMatcher> families) {
        this.registry = registry;
        this.servicePlane = registry.plane(IORegistryPlane.IOSERVICE);
        this.families = List.copyOf(families);
    }

    /** With the families I/O Kit itself ships (IOResources, PCI, USB, HID). */
    public static MatchContext standard(IORegistry registry) {
        return new MatchContext(registry, FamilyMatchers.standard());
    }

    public IORegistry registry() {
        return registry;
    }

    public IORegistryPlane servicePlane() {
        return servicePlane;
    }

    public ClassCatalogue classes() {
        return registry.classes();
    }

    public List<FamilyMatcher> families() {
        return families;
    }

    /** getProvider(): the first parent in the IOService plane. */
    public IORegistryEntry provider(IORegistryEntry e) {
        return e.parent(servicePlane);
    }

    public boolean conformsTo(IORegistryEntry e, String className) {
        return registry.classes().conformsTo(e, className);
    }

    /** The IOResources nub (gIOResources), found by class among the platform's children; cached. */
    public Optional<IORegistryEntry> resources() {
        if (resources == null) {
            for (IORegistryEntry e : registry.entries()) {
                if ("IOResources".equals(e.className()) && e.inPlane(servicePlane)) {
                    resources = e;
                    break;
                }
            }
        }
        return Optional.ofNullable(resources);
    }

    public String path(IORegistryEntry e) {
        return RegistryPath.pathOf(registry, e, servicePlane).orElse(e.name());
    }

    /** Treats a driver instance as absent when matching (it neither holds its category nor counts). */
    public void ignore(IORegistryEntry driver) {
        ignored.add(driver);
    }

    public boolean isIgnored(IORegistryEntry e) {
        return ignored.contains(e);
    }

    public Set<IORegistryEntry> ignored() {
        return Collections.unmodifiableSet(ignored);
    }
}
