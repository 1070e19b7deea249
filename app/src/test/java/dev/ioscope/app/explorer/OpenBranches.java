package dev.ioscope.app.explorer;

import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** The search window tests' two sides of "which branches are open": what the tree shows, what a search should open. */
final class OpenBranches {
    private OpenBranches() {
    }

    /** The entries whose tree items are expanded, from the root down through expanded items only. */
    static Set<IORegistryEntry> expanded(TreeTableView<IORegistryEntry> tree) {
        Set<IORegistryEntry> out = Collections.newSetFromMap(new IdentityHashMap<>());
        var work = new ArrayDeque<TreeItem<IORegistryEntry>>();
        work.add(tree.getRoot());
        while (!work.isEmpty()) {
            var t = work.poll();
            if (t.isExpanded()) {
                out.add(t.getValue());
                work.addAll(t.getChildren());
            }
        }
        return out;
    }

    /** The root and every ancestor of {@code entries} in {@code plane}. */
    static Set<IORegistryEntry> ancestors(Collection<IORegistryEntry> entries, IORegistryEntry root,
                                          IORegistryPlane plane) {
        Set<IORegistryEntry> open = Collections.newSetFromMap(new IdentityHashMap<>());
        open.add(root);
        for (IORegistryEntry h : entries) {
            for (IORegistryEntry p = h.parent(plane); p != null; p = p.parent(plane)) {
                open.add(p);
            }
        }
        return open;
    }
}
