package dev.ioscope.app.explorer;

import dev.ioscope.app.ui.AppIcon;
import dev.ioscope.app.ui.FullTextCell;
import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.explore.EntryText;
import dev.ioscope.engine.explore.PlaneOrder;
import dev.ioscope.engine.explore.RegistryDiff;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The registry tree of the current plane: name@location with an icon per hardware family, class, and state.
 * Rows are marked for search hits and comparison changes. Selection is two-way bound to the view-model's.
 */
final class RegistryTreePane extends StackPane {
    /**
     * Hits whose branches a search opens: more than a 1280x800 window shows (a hit and its ancestors are a row
     * each), and no more, since each branch opened costs the FX thread a walk of the rows above it before the frame
     * that shows the search (40 instead of 300 halved that frame's FX CPU on the 100k registry, docs/benchmarks.md,
     * fifth session). The count shows every hit; next and previous open the branch of each hit they step to.
     */
    static final int MAX_REVEALED_HITS = 40;
    /** Added, removed and changed entries whose branches a comparison opens. */
    static final int MAX_REVEALED_CHANGES = 300;
    /**
     * Expansion changes are applied to the attached tree while (changes × open rows) stays under this, and while
     * the tree is detached beyond: each change on an attached TreeTableView makes it recount its open rows (an
     * expand-all's 100k changes would take minutes), but detaching makes it rebuild every visible cell when the root
     * comes back, which costs more than a few thousand changes on a tree of a few thousand open rows (a search's
     * usual tree). docs/benchmarks-ui.md.
     */
    static final long ATTACHED_WORK = 4_000_000;

    private final ExplorerViewModel vm;
    private final TreeTableView<IORegistryEntry> tree = new TreeTableView<>();
    private boolean syncing;
    private int lastFoldChanges;
    /** The row cells the tree created (one per visible row, plus spares); weak, as the tree may drop them. */
    private final Set<EntryRow> rows = Collections.newSetFromMap(new WeakHashMap<>());

    RegistryTreePane(ExplorerViewModel vm) {
        this.vm = vm;
        tree.getStyleClass().add(Styles.REGISTRY_TREE);
        tree.setId("registryTree");
        tree.setShowRoot(true);
        // Unconstrained: deep IOService paths need the Name column wide; a horizontal scroll bar beats "A…". The
        // Name column takes the width the others leave, and grows to its content as branches open (NameWidth).
        tree.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);

        TreeTableColumn<IORegistryEntry, IORegistryEntry> name = new TreeTableColumn<>("Name");
        name.setPrefWidth(255);
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        name.setCellFactory(c -> new NameCell());
        TreeTableColumn<IORegistryEntry, String> cls = new TreeTableColumn<>("Class");
        cls.setPrefWidth(165);
        cls.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().className()));
        cls.setCellFactory(c -> FullTextCell.forTreeTable());
        TreeTableColumn<IORegistryEntry, String> state = new TreeTableColumn<>("Busy · Retain");
        state.setPrefWidth(88);
        state.setMinWidth(80);
        state.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                EntryStateText.shortState(c.getValue().getValue())));
        state.setCellFactory(c -> FullTextCell.forTreeTable());
        tree.getColumns().setAll(List.of(name, cls, state));
        cls.setMinWidth(110);
        cls.setPrefWidth(190);
        tree.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        new NameWidth<IORegistryEntry>(tree, name, cls, e -> {
            IORegistryPlane p = vm.planeProperty().get();
            return p == null ? e.name() : e.nameWithLocation(p);
        });
        tree.setRowFactory(t -> {
            EntryRow r = new EntryRow();
            rows.add(r);
            return r;
        });
        getChildren().add(tree);

        vm.planeProperty().addListener((o, a, b) -> rebuild());
        vm.documentProperty().addListener((o, a, b) -> rebuild());
        vm.comparisonProperty().addListener((o, a, b) -> rebuild());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                syncing = true;
                vm.selectedProperty().set(b.getValue());
                syncing = false;
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                reveal(b, true);
            }
        });
        // Hits are always set after the result (a new list per search), so one listener updates the tree once.
        vm.search().hitsProperty().addListener((o, a, b) -> showHits());
    }

    TreeTableView<IORegistryEntry> tree() {
        return tree;
    }

    /** The live tree's expanded entries (IDs) between a refresh's first rebuild and its last; else null. */
    private List<Long> keepOpen;

    private void rebuild() {
        // A live registry's refresh keeps what the user opened: the expanded entries, by registry entry ID, taken
        // from the tree before the first of the refresh's rebuilds and applied after the last.
        if (vm.liveProperty().get() && tree.getRoot() != null && keepOpen == null) {
            keepOpen = new ArrayList<>();
            for (TreeItem<IORegistryEntry> t : expanded(tree.getRoot())) {
                keepOpen.add(t.getValue().registryEntryID());
            }
        }
        Document doc = vm.documentProperty().get();
        IORegistryPlane plane = vm.planeProperty().get();
        if (doc == null || plane == null) {
            tree.setRoot(null);
            return;
        }
        EntryTreeItem root = new EntryTreeItem(vm, doc.registry().root(), plane);
        root.setExpanded(true);
        // The first view shows a real tree: the plane's base and, in IOService, the platform expert under it open,
        // so the CPUs, PCI root, power domain and buses are on screen at once, as in IORegistryExplorer.
        EntryTreeItem open = root;
        for (IORegistryEntry e : FirstView.path(doc.registry(), plane)) {
            open = open == null ? null : open.child(e);
            if (open != null) {
                open.setExpanded(true);
            }
        }
        syncing = true;
        tree.setRoot(root);
        syncing = false;
        startIndexAfterFrame(doc.searchIndex());
        // Selecting an entry in one plane and switching plane keeps it selected where it exists. Run after the
        // tree has processed its new root (it resets selection and focus then).
        IORegistryEntry sel = vm.selectedProperty().get();
        Platform.runLater(() -> {
            if (tree.getRoot() != root) {
                return;
            }
            if (keepOpen != null && vm.liveProperty().get()) {
                for (long id : keepOpen) {
                    doc.registry().entry(id).map(e -> itemFor(e, true)).ifPresent(it -> it.setExpanded(true));
                }
            }
            keepOpen = null;
            showHits();
            showChanges();
            if (sel != null && vm.selectedProperty().get() == sel && !reveal(sel, true)) {
                syncing = true;
                tree.getSelectionModel().clearSelection();
                syncing = false;
            }
        });
    }

    /**
     * Starts the document's background work (its index, a generated registry's property tables) once the frame
     * showing its tree has been drawn: on two cores that work would otherwise compete with the frame. A search or
     * a comparison asked for before starts it itself.
     */
    private void startIndexAfterFrame(PendingIndex index) {
        Scene scene = getScene();
        if (scene == null) {
            index.start();
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // post-layout comes before that pulse's frame is rendered; the next runLater comes after it
            Platform.runLater(index::start);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** In a comparison, opens the paths to (the first few hundred) added, removed and changed entries. */
    private void showChanges() {
        var c = vm.comparisonProperty().get();
        if (c == null) {
            return;
        }
        List<IORegistryEntry> marked = new ArrayList<>();
        marked.addAll(c.diff().changed());
        marked.addAll(c.diff().added());
        marked.addAll(c.diff().removed());
        int shown = 0;
        for (IORegistryEntry e : marked) {
            if (shown >= MAX_REVEALED_CHANGES) {
                break;
            }
            // Only the top of an added or removed subtree: its descendants are marked too but stay folded.
            var parent = e.parent(vm.planeProperty().get());
            RegistryDiff.Change parentChange = parent == null ? null : vm.shown().changeOf(parent);
            if (parentChange != null && parentChange != RegistryDiff.Change.CHANGED) {
                continue;
            }
            EntryTreeItem it = itemFor(e, true);
            if (it != null && it.getParent() != null) {
                it.getParent().setExpanded(true);
                shown++;
            }
        }
        IORegistryEntry sel = vm.selectedProperty().get();
        if (sel != null) {
            reveal(sel, true);
        }
    }

    /** Expands the entry's first-parent path and selects it; false when the entry is not in this plane. */
    boolean reveal(IORegistryEntry e, boolean select) {
        EntryTreeItem item = itemFor(e, true);
        if (item == null) {
            return false;
        }
        if (select) {
            syncing = true;
            tree.getSelectionModel().select(item);
            syncing = false;
            int row = tree.getRow(item);
            if (row >= 0) {
                tree.scrollTo(Math.max(0, row - 5));
            }
        }
        return true;
    }

    private EntryTreeItem itemFor(IORegistryEntry e, boolean expand) {
        return itemFor(tree.getRoot(), e, expand);
    }

    private EntryTreeItem itemFor(TreeItem<IORegistryEntry> top, IORegistryEntry e, boolean expand) {
        Document doc = vm.documentProperty().get();
        IORegistryPlane plane = vm.planeProperty().get();
        if (!(top instanceof EntryTreeItem root) || doc == null) {
            return null;
        }
        var comparison = vm.comparisonProperty().get();
        // A ghost (removed) entry hangs under the after-side counterpart of its before-side parent.
        boolean ghost = comparison != null && vm.shown().changeOf(e) == RegistryDiff.Change.REMOVED;
        List<IORegistryEntry> chain = PlaneOrder.ancestry(ghost ? comparison.before().registry() : doc.registry(), e,
                plane);
        if (chain.isEmpty()) {
            return null;
        }
        EntryTreeItem item = root;
        for (int i = 1; i < chain.size(); i++) {
            IORegistryEntry step = chain.get(i);
            if (ghost && comparison.diff().after(step) != null) {
                step = comparison.diff().after(step);
            }
            // Materialize the children before expanding: the selection model then sees one expansion event
            // rather than an expansion followed by insertions it would shift the selection for.
            EntryTreeItem next = item.child(step);
            if (next == null) {
                return null;
            }
            if (expand) {
                item.setExpanded(true);
            }
            item = next;
        }
        return item;
    }

    /**
     * Highlights hits: folds what is open and opens the paths to (the first few hundred) hits. Only the difference
     * is applied: the branches open now (a walk of the expanded items only, not of everything ever materialized)
     * that no hit needs are folded, the missing ones opened, on the attached tree unless the changes times the
     * open rows exceed {@link #ATTACHED_WORK} (a broad search after expand-all), then while it is detached. Rows are
     * re-marked in place: no cell is rebuilt.
     */
    private void showHits() {
        List<IORegistryEntry> hits = vm.search().hitsProperty().get();
        TreeItem<IORegistryEntry> root = tree.getRoot();
        if (root == null) {
            return;
        }
        if (!hits.isEmpty()) {
            Set<TreeItem<IORegistryEntry>> want = Collections.newSetFromMap(new IdentityHashMap<>());
            want.add(root);
            for (int i = 0; i < Math.min(hits.size(), MAX_REVEALED_HITS); i++) {
                EntryTreeItem it = itemFor(root, hits.get(i), false);
                for (TreeItem<IORegistryEntry> p = it == null ? null : it.getParent(); p != null && want.add(p);
                     p = p.getParent()) {
                    // every ancestor of a hit stays open
                }
            }
            List<TreeItem<IORegistryEntry>> close = new ArrayList<>();
            for (TreeItem<IORegistryEntry> t : expanded(root)) {
                if (!want.contains(t)) {
                    close.add(t);
                }
            }
            List<TreeItem<IORegistryEntry>> open = new ArrayList<>();
            for (TreeItem<IORegistryEntry> t : want) {
                if (!t.isExpanded()) {
                    open.add(t);
                }
            }
            // An attached tree works out the row of every item that opens or folds (its selection and focus follow
            // rows): a walk over the open rows above it, unless the item is hidden under a folded branch. So fold
            // top down (close is in breadth-first order: a branch's folded descendants are hidden by then) and
            // open bottom up (a deep branch opens while its ancestors still hide it).
            open.sort(Comparator.comparingInt(RegistryTreePane::depth).reversed());
            int changes = close.size() + open.size();
            boolean detach = (long) changes * Math.max(1, tree.getExpandedItemCount()) > ATTACHED_WORK;
            // Collapsing a branch moves the tree's selection to it; the view-model's selection must not follow.
            syncing = true;
            if (detach) {
                tree.setRoot(null);
            }
            try {
                close.forEach(t -> t.setExpanded(false));
                open.forEach(t -> t.setExpanded(true));
            } finally {
                if (detach) {
                    tree.setRoot(root);
                }
                syncing = false;
            }
            lastFoldChanges = close.size() + open.size();
            IORegistryEntry sel = vm.selectedProperty().get();
            if (sel != null) {
                reveal(sel, true);
            }
        }
        markRows();
    }

    private static int depth(TreeItem<?> t) {
        int d = 0;
        for (TreeItem<?> p = t.getParent(); p != null; p = p.getParent()) {
            d++;
        }
        return d;
    }

    /** Expansion changes the last search made (tests check that a narrowing search does not refold everything). */
    int lastFoldChanges() {
        return lastFoldChanges;
    }

    /** The expanded items below the root (and the root), found by walking only through expanded branches. */
    private static List<TreeItem<IORegistryEntry>> expanded(TreeItem<IORegistryEntry> root) {
        List<TreeItem<IORegistryEntry>> out = new ArrayList<>();
        ArrayDeque<TreeItem<IORegistryEntry>> work = new ArrayDeque<>();
        work.add(root);
        while (!work.isEmpty()) {
            TreeItem<IORegistryEntry> t = work.poll();
            if (t.isExpanded() && !(t instanceof EntryTreeItem et && !et.isLoaded())) {
                out.add(t);
                work.addAll(t.getChildren());
            }
        }
        return out;
    }

    /** Updates the search-hit mark of the rows on screen (a few dozen), instead of refresh() rebuilding cells. */
    private void markRows() {
        for (EntryRow r : rows) {
            IORegistryEntry e = r.getItem();
            r.pseudoClassStateChanged(Styles.SEARCH_HIT, !r.isEmpty() && e != null && vm.search().isHit(e));
        }
    }

    /** Folds every materialized branch below the root. */
    void collapseAll() {
        if (tree.getRoot() != null) {
            collapseAll(tree.getRoot());
        }
    }

    private static void collapseAll(TreeItem<IORegistryEntry> root) {
        ArrayDeque<TreeItem<IORegistryEntry>> work = new ArrayDeque<>(root.getChildren());
        while (!work.isEmpty()) {
            TreeItem<IORegistryEntry> t = work.poll();
            if (t instanceof EntryTreeItem et && et.isLoaded()) {
                t.setExpanded(false);
                work.addAll(t.getChildren());
            }
        }
        root.setExpanded(true);
    }

    /** Expands every entry of the plane (materializes the whole tree). Returns the number of items. */
    int expandAll() {
        TreeItem<IORegistryEntry> root = tree.getRoot();
        if (root == null) {
            return 0;
        }
        // Expand while the tree is detached: each expansion event would otherwise make the attached view and its
        // selection model recount rows, which is quadratic over 100k entries.
        syncing = true;
        tree.setRoot(null);
        int n = 0;
        ArrayDeque<TreeItem<IORegistryEntry>> work = new ArrayDeque<>();
        work.add(root);
        while (!work.isEmpty()) {
            TreeItem<IORegistryEntry> t = work.poll();
            n++;
            if (!t.isLeaf()) {
                work.addAll(t.getChildren());
                t.setExpanded(true);
            }
        }
        tree.setRoot(root);
        syncing = false;
        IORegistryEntry sel = vm.selectedProperty().get();
        if (sel != null) {
            reveal(sel, true);
        }
        return n;
    }

    private final class NameCell extends TreeTableCell<IORegistryEntry, IORegistryEntry> {
        /** The cell's one icon node: updating the cell changes its glyph, not the node (no CSS pass per update). */
        private FontIcon icon;

        @Override
        protected void updateItem(IORegistryEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setText(null);
                // Hidden, not removed: a node put back into the scene is styled again (CSS) on the next pulse.
                if (icon != null) {
                    icon.setVisible(false);
                }
                FullTextCell.show(this, null);
                return;
            }
            IORegistryPlane p = vm.planeProperty().get();
            setText(p == null ? e.name() : e.nameWithLocation(p));
            AppIcon kind = AppIcon.of(vm.shown().kindOf(e));
            if (icon == null) {
                icon = kind.create();
            } else {
                kind.showOn(icon);
            }
            icon.setVisible(true);
            if (getGraphic() != icon) {
                setGraphic(icon);
            }
            FullTextCell.show(this, getText() + "  <class " + e.className() + ">");
        }
    }

    private final class EntryRow extends TreeTableRow<IORegistryEntry> {
        @Override
        protected void updateItem(IORegistryEntry e, boolean empty) {
            super.updateItem(e, empty);
            RegistryDiff.Change c = empty || e == null ? null : vm.shown().changeOf(e);
            pseudoClassStateChanged(Styles.SEARCH_HIT, !empty && e != null && vm.search().isHit(e));
            pseudoClassStateChanged(Styles.ADDED, c == RegistryDiff.Change.ADDED);
            pseudoClassStateChanged(Styles.REMOVED, c == RegistryDiff.Change.REMOVED);
            pseudoClassStateChanged(Styles.CHANGED, c == RegistryDiff.Change.CHANGED);
            pseudoClassStateChanged(Styles.INACTIVE, !empty && e != null && e.state().service() && !e.state().active());
            if (!empty && e != null) {
                setTooltip(null);
                setAccessibleText(e.name() + " " + EntryText.header(e));
            }
        }
    }
}
