package dev.ioscope.app.explorer;

import dev.ioscope.engine.explore.EntryKind;
import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the explorer's tree, inspector, facts and changes panes ask of the registry shown: an entry's children (in a
 * comparison, with the removed children of its "before" counterpart as ghosts), its change, its inspector rows with
 * before/after values, its facts and its kind (for the icon, classified once per document). FX thread.
 */
public final class ShownRegistry {
    private final Supplier<Document> document;
    private final Supplier<Comparison> comparison;
    private final Map<IORegistryEntry, EntryKind> kinds = new IdentityHashMap<>();

    ShownRegistry(Supplier<Document> document, Supplier<Comparison> comparison) {
        this.document = document;
        this.comparison = comparison;
    }

    /** A new document is shown: its entries' kinds are classified afresh. */
    void forgetKinds() {
        kinds.clear();
    }

    /**
     * The children the tree shows under {@code e}: its children in the plane, and in a comparison, after them,
     * the removed children of its "before" counterpart (ghosts). A ghost's own children come from "before".
     */
    public List<IORegistryEntry> children(IORegistryEntry e, IORegistryPlane p) {
        Comparison c = comparison.get();
        if (c == null) {
            return e.children(p);
        }
        IORegistryEntry b = c.diff().before(e);
        if (b == null) {
            return e.children(p);
        }
        List<IORegistryEntry> out = new ArrayList<>(e.children(p));
        for (IORegistryEntry child : b.children(p)) {
            if (c.diff().changeOf(child) == RegistryDiff.Change.REMOVED) {
                out.add(child);
            }
        }
        return out;
    }

    public boolean hasChildren(IORegistryEntry e, IORegistryPlane p) {
        return e.childCount(p) > 0 || (comparison.get() != null && !children(e, p).isEmpty());
    }

    /** ADDED / REMOVED / CHANGED in a comparison, else null. */
    public RegistryDiff.Change changeOf(IORegistryEntry e) {
        Comparison c = comparison.get();
        return c == null ? null : c.diff().changeOf(e);
    }

    /** The inspector rows of an entry, with before/after values in a comparison. */
    public List<PropertyNode> properties(IORegistryEntry e) {
        Comparison c = comparison.get();
        return PropertyNode.of(e.properties(), c == null ? List.of() : c.diff().propertyChanges(e));
    }

    public List<RegistryDiff.PropertyChange> changes(IORegistryEntry e) {
        Comparison c = comparison.get();
        return c == null || e == null ? List.of() : c.diff().propertyChanges(e);
    }

    public EntryFacts facts(IORegistryEntry e) {
        Comparison c = comparison.get();
        boolean ghost = c != null && c.diff().changeOf(e) == RegistryDiff.Change.REMOVED;
        return EntryFacts.of(ghost ? c.before().registry() : document.get().registry(), e);
    }

    public EntryKind kindOf(IORegistryEntry e) {
        Document d = document.get();
        if (d == null) {
            return EntryKind.OTHER;
        }
        return kinds.computeIfAbsent(e, x -> EntryKind.classify(d.registry().classes(), x, x == d.registry().root()));
    }

    public boolean isRoot(IORegistryEntry e) {
        return document.get() != null && document.get().registry().root() == e;
    }
}
