package dev.ioscope.engine.registry;

import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Registry paths both ways, as IORegistryEntry::getPath and IORegistryEntry::fromPath do:
 * {@code IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI}. As in XNU, paths are relative to the registry
 * root's first child in the plane ({@code gRegistryRoot->getChildEntry(plane)}: the platform expert device in
 * IOService, {@code device-tree} in IODeviceTree), which itself is {@code plane:/}. Components are
 * {@code name} or {@code name@location}; a component without a location matches an entry of that name with
 * any location. In IODeviceTree a path whose first component does not start with '/' is an alias looked up in
 * the {@code /aliases} node, as XNU's IODeviceTree plane allows.
 */
public final class RegistryPath {
    private RegistryPath() {
    }

    /** getPath(plane): the path along first parents, or empty if the entry is not in the plane. */
    public static Optional<String> pathOf(IORegistry registry, IORegistryEntry entry, IORegistryPlane plane) {
        IORegistryEntry base = base(registry, plane);
        if (entry == registry.root() || entry == base) {
            return Optional.of(plane.name() + ":/");
        }
        if (!entry.inPlane(plane)) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        Set<IORegistryEntry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        IORegistryEntry e = entry;
        while (e != null && e != registry.root() && e != base) {
            if (!seen.add(e)) {
                return Optional.empty();
            }
            parts.push(e.nameWithLocation(plane));
            e = e.parent(plane);
        }
        if (e == null) {
            return Optional.empty();
        }
        return Optional.of(plane.name() + ":/" + String.join("/", parts));
    }

    /** fromPath: resolves {@code Plane:/a/b@1} (or a path without a plane prefix, in {@code defaultPlane}). */
    public static Optional<IORegistryEntry> fromPath(IORegistry registry, String path, IORegistryPlane defaultPlane) {
        IORegistryPlane plane = defaultPlane;
        String rest = path;
        int colon = path.indexOf(':');
        if (colon > 0 && (colon + 1 == path.length() || path.indexOf('/') < 0 || path.indexOf('/') > colon)) {
            Optional<IORegistryPlane> p = registry.findPlane(path.substring(0, colon));
            if (p.isEmpty()) {
                return Optional.empty();
            }
            plane = p.get();
            rest = path.substring(colon + 1);
        }
        if (plane == null) {
            return Optional.empty();
        }
        if (!rest.startsWith("/")) {
            if (!plane.name().equals(IORegistryPlane.IODEVICETREE)) {
                return Optional.empty();
            }
            int slash = rest.indexOf('/');
            String alias = slash < 0 ? rest : rest.substring(0, slash);
            Optional<String> target = alias(registry, plane, alias);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            rest = target.get() + (slash < 0 ? "" : rest.substring(slash));
            if (!rest.startsWith("/")) {
                return Optional.empty();
            }
        }
        Optional<IORegistryEntry> found = walk(base(registry, plane), plane, rest);
        return found.isPresent() ? found : walk(registry.root(), plane, rest);
    }

    /** The entry paths are relative to: the registry root's first child in the plane, else the root. */
    public static IORegistryEntry base(IORegistry registry, IORegistryPlane plane) {
        List<IORegistryEntry> top = registry.root().children(plane);
        return top.isEmpty() ? registry.root() : top.get(0);
    }

    private static Optional<IORegistryEntry> walk(IORegistryEntry from, IORegistryPlane plane, String rest) {
        IORegistryEntry e = from;
        for (String comp : rest.split("/")) {
            if (comp.isEmpty()) {
                continue;
            }
            e = child(e, plane, comp);
            if (e == null) {
                return Optional.empty();
            }
        }
        return Optional.of(e);
    }

    private static IORegistryEntry child(IORegistryEntry parent, IORegistryPlane plane, String comp) {
        int at = comp.indexOf('@');
        String name = at < 0 ? comp : comp.substring(0, at);
        String loc = at < 0 ? null : comp.substring(at + 1);
        for (IORegistryEntry c : parent.children(plane)) {
            if (!c.name(plane).equals(name)) {
                continue;
            }
            if (loc == null || loc.equalsIgnoreCase(nullToEmpty(c.location(plane)))) {
                return c;
            }
        }
        // An entry's name may itself contain '@' (ioreg prints it whole): try the component as a plain name.
        if (at >= 0) {
            for (IORegistryEntry c : parent.children(plane)) {
                if (c.nameWithLocation(plane).equals(comp)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The alias table entry {@code IODeviceTree:/aliases}'s property {@code alias}, as a path string. */
    public static Optional<String> alias(IORegistry registry, IORegistryPlane plane, String alias) {
        // /aliases sits under the plane's top entry in XNU (dealiasPath looks up "/aliases" from
        // gRegistryRoot->getChildEntry(plane)); a registry that puts it right under the root is accepted too.
        List<IORegistryEntry> candidates = new ArrayList<>(registry.root().children(plane));
        if (!candidates.isEmpty()) {
            candidates.addAll(candidates.get(0).children(plane));
        }
        for (IORegistryEntry c : candidates) {
            if (c.name(plane).equals("aliases")) {
                OSObject v = c.property(alias);
                if (v instanceof OSString s) {
                    return Optional.of(s.value());
                }
                if (v instanceof OSData d) {
                    byte[] b = d.toByteArray();
                    int n = b.length;
                    while (n > 0 && b[n - 1] == 0) {
                        n--;
                    }
                    return Optional.of(new String(b, 0, n, StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }
}
