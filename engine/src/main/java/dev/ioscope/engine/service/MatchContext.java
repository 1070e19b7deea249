package dev.ioscope.engine.service;

import dev.ioscope.engine.registry.ClassCatalogue;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
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
    private final Map<String, Map<String, Boolean>> conformance = new HashMap<>();

    public MatchContext(IORegistry registry, List<FamilyMatcher> families) {
        this.registry = registry;
        this.servicePlane = registry.plane(IORegistryPlane.IOSERVICE);
        this.families = List.copyOf(families);
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

    /**
     * OSDynamicCast-style conformance, memoised per (leaf class, target): matching asks the same questions for
     * every candidate of a nub. Within one registry a class has one chain.
     */
    public boolean conformsTo(IORegistryEntry e, String className) {
        Map<String, Boolean> m = conformance.computeIfAbsent(e.className(), k -> new HashMap<>());
        Boolean b = m.get(className);
        if (b == null) {
            b = registry.classes().conformsTo(e, className);
            m.put(className, b);
        }
        return b;
    }

    /** Forgets memoised conformance (after the class catalogue learned new classes). */
    public void classesChanged() {
        conformance.clear();
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
