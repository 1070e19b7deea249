package dev.ioscope.engine.registry;

import dev.ioscope.engine.os.OSObject;

import java.util.Optional;

/**
 * IORegistryEntry::getProperty(key, plane, options): the entry's own property, else with
 * kIORegistryIterateRecursively the first entry found by an IORegistryIterator over the plane (children
 * by default, parents with kIORegistryIterateParents) that has it.
 */
public final class PropertySearch {
    private PropertySearch() {
    }

    public static Optional<OSObject> getProperty(IORegistryEntry entry, String key, IORegistryPlane plane,
            int options) {
        OSObject v = entry.property(key);
        if (v != null) {
            return Optional.of(v);
        }
        if ((options & IORegistryIterator.ITERATE_RECURSIVELY) == 0 || plane == null) {
            return Optional.empty();
        }
        IORegistryIterator it = IORegistryIterator.iterateOver(entry, plane, options);
        while (it.hasNext()) {
            OSObject found = it.next().property(key);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }
}
