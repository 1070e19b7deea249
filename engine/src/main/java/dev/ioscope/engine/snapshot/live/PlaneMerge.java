package dev.ioscope.engine.snapshot.live;

import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adds one plane, read on its own (one {@code ioreg -a -l -p PLANE} answer), to a registry that holds the others.
 * Entries are the same object in every plane and are told apart by {@code IORegistryEntryID}, as the kernel's
 * registry does: an entry already known gets the plane's links (and its name and location in that plane when they
 * differ, {@code IORegistryEntry::getName(plane)}); one only this plane shows is added with its properties.
 */
final class PlaneMerge {
    private PlaneMerge() {
    }

    /**
     * @return how many entries of {@code from}'s plane were not in {@code into} before
     * @throws IllegalArgumentException when the two registries have different roots (not the same machine)
     */
    static int merge(IORegistry from, String planeName, IORegistry into) {
        IORegistryPlane src = from.findPlane(planeName).orElseThrow(() -> new IllegalArgumentException(
                "the answer holds no plane " + planeName));
        if (from.root().registryEntryID() != into.root().registryEntryID()) {
            throw new IllegalArgumentException("the " + planeName + " plane has another registry root (id 0x"
                    + Long.toHexString(from.root().registryEntryID()) + "): the registry changed between planes");
        }
        IORegistryPlane dst = into.plane(planeName);
        Map<IORegistryEntry, IORegistryEntry> same = new HashMap<>();
        same.put(from.root(), into.root());
        int added = 0;
        ArrayDeque<IORegistryEntry> todo = new ArrayDeque<>();
        todo.push(from.root());
        while (!todo.isEmpty()) {
            IORegistryEntry parent = todo.pop();
            IORegistryEntry intoParent = same.get(parent);
            List<IORegistryEntry> children = parent.children(src);
            for (IORegistryEntry child : children) {
                IORegistryEntry mine = same.get(child);
                if (mine == null) {
                    mine = into.entry(child.registryEntryID()).orElse(null);
                    if (mine == null) {
                        mine = into.createEntry(child.registryEntryID(), child.className(), child.name());
                        mine.setProperties(child.properties());
                        mine.setLocation(child.location());
                        mine.setInheritance(child.inheritance());
                        mine.setState(child.state());
                        added++;
                    } else {
                        if (!Objects.equals(mine.name(), child.name())) {
                            mine.setName(dst, child.name());
                        }
                        if (!Objects.equals(mine.location(), child.location())) {
                            mine.setLocation(dst, child.location());
                        }
                    }
                    same.put(child, mine);
                    todo.push(child);   // a second parent in this plane is linked but not walked again
                }
                if (!mine.isChildOf(intoParent, dst)) {
                    into.attach(mine, intoParent, dst);
                }
            }
        }
        return added;
    }
}
