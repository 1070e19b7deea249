package dev.ioscope.app.workbench;

import dev.ioscope.app.explorer.PropertyNode;
import dev.ioscope.app.ui.FullTextCell;
import dev.ioscope.app.ui.Styles;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.geometry.Orientation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The IOService plane as it was at the machine's position (the engine's immutable copy), with the selected
 * entry's properties. Rebuilt when the position changes; expansion and selection survive by path.
 */
final class RegistryAtEventPane extends BorderPane {
    private final WorkbenchViewModel vm;
    private final TreeView<EntryNode> tree = new TreeView<>();
    private final TreeTableView<PropertyNode> props = new TreeTableView<>();
    private final Label path = new Label();
    private final Map<String, TreeItem<EntryNode>> byPath = new HashMap<>();
    private final Set<String> expanded = new HashSet<>();
    private boolean syncing;
    private final TreeTableColumn<PropertyNode, String> decoded = column("Decoded", 170, PropertyNode::decoded);

    RegistryAtEventPane(WorkbenchViewModel vm) {
        this.vm = vm;
        tree.setId("workbenchTree");
        tree.setShowRoot(true);
        tree.setCellFactory(v -> new TreeCell<>() {
            @Override
            protected void updateItem(EntryNode n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.nameWithLocation() + "  <" + n.className()
                        + (n.state().isEmpty() ? "" : ", " + n.state()) + ">");
                FullTextCell.show(this, getText());
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            showProperties(b == null ? null : b.getValue());
            if (!syncing && b != null) {
                vm.selectedEntryProperty().set(b.getValue().path());
            }
        });
        MenuItem onEntry = new MenuItem("Break on This Entry");
        onEntry.setOnAction(e -> selected(Breakpoint.On.ENTRY));
        MenuItem onClass = new MenuItem("Break on This Class");
        onClass.setOnAction(e -> selected(Breakpoint.On.CLASS));
        tree.setContextMenu(new ContextMenu(onEntry, onClass));

        vm.registryProperty().addListener((o, a, b) -> rebuild(b));
        vm.selectedEntryProperty().addListener((o, a, b) -> select(b));
        props.setId("workbenchProperties");
        props.setPlaceholder(new Label("Select an entry"));
        props.setShowRoot(false);
        props.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        tree.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        // the explorer's rows (PropertyNode): typed values, printable data as text, PCI / USB ids named, ...
        props.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        props.getColumns().setAll(List.of(column("Key", 150, PropertyNode::key),
                column("Value", 200, PropertyNode::value), decoded));
        path.setId("workbenchEntryPath");
        path.setTooltip(FullTextCell.tooltip());
        path.setMaxWidth(Double.MAX_VALUE);
        path.getStyleClass().add(Styles.FACT_VALUE);
        path.setPadding(new Insets(2, 4, 2, 4));
        BorderPane propsBox = new BorderPane(props);
        propsBox.setTop(path);
        SplitPane split = new SplitPane(tree, propsBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        Label title = new Label("Registry at the current step (IOService)");
        title.getStyleClass().add("workbench-title");
        setTop(title);
        setCenter(split);
        rebuild(vm.registryProperty().get());
    }

    TreeView<EntryNode> tree() {
        return tree;
    }

    private void selected(Breakpoint.On on) {
        TreeItem<EntryNode> it = tree.getSelectionModel().getSelectedItem();
        if (it != null) {
            vm.addBreakpoint(on, on == Breakpoint.On.CLASS ? it.getValue().className() : it.getValue().path());
        }
    }

    private void rebuild(EntryNode root) {
        byPath.values().forEach(it -> {
            if (it.isExpanded()) {
                expanded.add(it.getValue().path());
            } else {
                expanded.remove(it.getValue().path());
            }
        });
        byPath.clear();
        syncing = true;
        try {
            tree.setRoot(root == null ? null : item(root, 0));
            select(vm.selectedEntryProperty().get());
        } finally {
            syncing = false;
        }
    }

    private TreeItem<EntryNode> item(EntryNode n, int depth) {
        TreeItem<EntryNode> it = new LazyItem(n, depth);
        byPath.put(n.path(), it);
        it.setExpanded(depth < 2 || expanded.contains(n.path()));
        return it;
    }

    /**
     * Children made on first look: a 10k-entry registry is copied at every stop, and building every row's item
     * up front would stall the FX thread; only the expanded part is ever built.
     */
    private final class LazyItem extends TreeItem<EntryNode> {
        private final int depth;
        private boolean built;

        LazyItem(EntryNode n, int depth) {
            super(n);
            this.depth = depth;
        }

        @Override
        public boolean isLeaf() {
            return getValue().children().isEmpty();
        }

        @Override
        public ObservableList<TreeItem<EntryNode>> getChildren() {
            if (!built) {
                built = true;
                var kids = new ArrayList<TreeItem<EntryNode>>();
                for (EntryNode c : getValue().children()) {
                    kids.add(item(c, depth + 1));
                }
                super.getChildren().setAll(kids);
            }
            return super.getChildren();
        }
    }

    /** The item of a path, building the items on the way down (IOService paths: parent path + "/" + name). */
    private TreeItem<EntryNode> find(String path) {
        TreeItem<EntryNode> it = byPath.get(path);
        TreeItem<EntryNode> at = tree.getRoot();
        while (it == null && at != null) {
            TreeItem<EntryNode> next = null;
            for (TreeItem<EntryNode> c : at.getChildren()) {
                String p = c.getValue().path();
                if (path.equals(p)) {
                    return c;
                }
                if (path.startsWith(p.endsWith("/") ? p : p + "/")) {
                    next = c;
                }
            }
            at = next;
        }
        return it;
    }

    private void select(String path) {
        TreeItem<EntryNode> it = path == null ? null : find(path);
        boolean was = syncing;
        syncing = true;
        try {
            if (it == null) {
                tree.getSelectionModel().clearSelection();
                showProperties(null);
                return;
            }
            for (TreeItem<EntryNode> p = it.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            tree.getSelectionModel().select(it);
            int row = tree.getRow(it);
            if (row >= 0) {
                tree.scrollTo(Math.max(0, row - 3));
            }
        } finally {
            syncing = was;
        }
    }

    private void showProperties(EntryNode n) {
        TreeItem<PropertyNode> root = new TreeItem<>();
        boolean anyDecoded = false;
        if (n != null) {
            for (PropertyNode p : PropertyNode.of(n.properties())) {
                root.getChildren().add(item(p));
                anyDecoded |= !p.decoded().isEmpty();
            }
        }
        path.setText(n == null ? "" : n.path());
        path.getTooltip().setText(n == null ? "" : n.path());
        decoded.setVisible(anyDecoded);
        props.setRoot(root);
    }

    private static TreeItem<PropertyNode> item(PropertyNode n) {
        TreeItem<PropertyNode> t = new TreeItem<>(n);
        for (PropertyNode c : n.children()) {
            t.getChildren().add(item(c));
        }
        return t;
    }

    private static TreeTableColumn<PropertyNode, String> column(String title, double width,
                                                               Function<PropertyNode, String> f) {
        TreeTableColumn<PropertyNode, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue().getValue())));
        c.setCellFactory(x -> FullTextCell.forTreeTable());
        return c;
    }

    /** The selected entry's property rows (tests). */
    TreeTableView<PropertyNode> properties() {
        return props;
    }
}
