package dev.ioscope.app.explorer;

import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.List;

/**
 * A tree item that materializes its children only when the tree first asks for them (on expand), so a
 * 100k-entry plane costs one item per visible row plus the expanded paths.
 */
final class EntryTreeItem extends TreeItem<IORegistryEntry> {
    private final ExplorerViewModel vm;
    private final IORegistryPlane plane;
    private boolean loaded;

    EntryTreeItem(ExplorerViewModel vm, IORegistryEntry entry, IORegistryPlane plane) {
        super(entry);
        this.vm = vm;
        this.plane = plane;
    }

    @Override
    public boolean isLeaf() {
        return loaded ? super.getChildren().isEmpty() : !vm.shown().hasChildren(getValue(), plane);
    }

    @Override
    public ObservableList<TreeItem<IORegistryEntry>> getChildren() {
        if (!loaded) {
            loaded = true;
            List<IORegistryEntry> kids = vm.shown().children(getValue(), plane);
            List<TreeItem<IORegistryEntry>> items = new ArrayList<>(kids.size());
            for (IORegistryEntry c : kids) {
                items.add(new EntryTreeItem(vm, c, plane));
            }
            super.getChildren().setAll(items);
        }
        return super.getChildren();
    }

    boolean isLoaded() {
        return loaded;
    }

    /** The child item showing {@code e}, materializing children if needed; null if e is not a child here. */
    EntryTreeItem child(IORegistryEntry e) {
        for (TreeItem<IORegistryEntry> c : getChildren()) {
            if (c.getValue() == e) {
                return (EntryTreeItem) c;
            }
        }
        return null;
    }
}
