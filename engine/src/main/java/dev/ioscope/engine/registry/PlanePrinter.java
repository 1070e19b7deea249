package dev.ioscope.engine.registry;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * IOPrintPlane(plane): the kernel's debug dump of a plane, one line per entry, indented two spaces per depth:
 * {@code name@location <class C, busy N>} (busy only for IOServices). Entries with two parents appear under
 * each; their subtree only the first time, as the recursive iterator does.
 */
public final class PlanePrinter {
    private PlanePrinter() {
    }

    public static String print(IORegistry registry, IORegistryPlane plane) {
        StringBuilder sb = new StringBuilder();
        line(sb, registry.root(), plane, 0);
        print(sb, registry.root(), plane, 1, Collections.newSetFromMap(new IdentityHashMap<>()));
        return sb.toString();
    }

    private static void print(StringBuilder sb, IORegistryEntry e, IORegistryPlane plane, int depth,
                              Set<IORegistryEntry> done) {
        done.add(e);
        for (IORegistryEntry c : e.children(plane)) {
            line(sb, c, plane, depth);
            if (!done.contains(c)) {
                print(sb, c, plane, depth + 1, done);
            }
        }
    }

    private static void line(StringBuilder sb, IORegistryEntry e, IORegistryPlane plane, int depth) {
        sb.append("  ".repeat(depth)).append(e.nameWithLocation(plane)).append(" <class ").append(e.className());
        if (e.state().service()) {
            sb.append(", busy ").append(e.state().busyState());
        }
        sb.append(">\n");
    }
}
