package dev.ioscope.app.explorer;

import dev.ioscope.app.ui.FullTextCell;
import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.explore.EntryText;
import dev.ioscope.engine.explore.ValueText;
import dev.ioscope.engine.explore.HexDump;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.registry.IORegistryEntry;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;

import java.util.List;
import java.util.function.Function;

/**
 * The selected entry's properties as an expandable key / type / value / decoded table (dictionaries and arrays
 * nest), a hex + ASCII dump of the selected value, and copy actions. In a comparison a Before column shows the
 * old value of changed keys, and added, removed and changed keys are marked.
 */
final class InspectorPane extends BorderPane {
    private final ExplorerViewModel vm;
    private final TreeTableView<PropertyNode> table = new TreeTableView<>();
    private final TreeTableColumn<PropertyNode, String> before = column("Before", 200, PropertyNode::before);
    private final TreeTableColumn<PropertyNode, String> decoded = column("Decoded", 220, PropertyNode::decoded);
    private final TextArea detail = new TextArea();
    private final Label header = new Label();

    InspectorPane(ExplorerViewModel vm, EntryActions actions) {
        this.vm = vm;
        getStyleClass().add(Styles.INSPECTOR);
        table.setId("inspectorTable");
        table.setShowRoot(false);
        // The columns share the pane's width in proportion to their preferred widths: Key and Value get most of
        // it, Type no more than its longest word, and Decoded only when a property of the entry has a reading.
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TreeTableColumn<PropertyNode, String> type = column("Type", 96, PropertyNode::type);
        type.setMinWidth(92);   // "Data (1024)", "Dictionary" whole
        type.setMaxWidth(120);
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.getColumns().setAll(List.of(column("Key", 220, PropertyNode::key), type,
                column("Value", 330, PropertyNode::value), before, decoded));
        before.setVisible(false);
        decoded.setVisible(false);
        table.setRowFactory(t -> new PropertyRow());
        detail.setEditable(false);
        detail.setId("valueDetail");
        detail.getStyleClass().add(Styles.HEX_DUMP);
        detail.setPrefRowCount(6);
        header.setId("inspectorHeader");
        header.getStyleClass().add(Styles.FACT_TITLE);
        header.setMaxWidth(Double.MAX_VALUE);
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        setTop(header);
        setCenter(split);

        MenuItem copyValue = new MenuItem("Copy Value");
        copyValue.setOnAction(e -> copy(selectedText(true)));
        MenuItem copyKey = new MenuItem("Copy Key");
        copyKey.setOnAction(e -> copy(selectedText(false)));
        ContextMenu menu = new ContextMenu(copyValue, copyKey);
        menu.getItems().addAll(actions.copyMenuItems());
        table.setContextMenu(menu);

        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetail(b));
        vm.selectedProperty().addListener((o, a, b) -> show(b));
        vm.comparisonProperty().addListener((o, a, b) -> before.setVisible(b != null));
        show(vm.selectedProperty().get());
    }

    TreeTableView<PropertyNode> table() {
        return table;
    }

    /** Selects the top-level property with this key and scrolls to it; false if the entry has no such key. */
    boolean selectProperty(String key) {
        for (TreeItem<PropertyNode> t : table.getRoot().getChildren()) {
            if (t.getValue().key().equals(key)) {
                table.getSelectionModel().select(t);
                table.scrollTo(Math.max(0, table.getRow(t) - 3));
                return true;
            }
        }
        return false;
    }

    private static TreeTableColumn<PropertyNode, String> column(String title, double width,
                                                               Function<PropertyNode, String> f) {
        TreeTableColumn<PropertyNode, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue().getValue())));
        c.setCellFactory(x -> FullTextCell.forTreeTable());
        return c;
    }

    private void show(IORegistryEntry e) {
        TreeItem<PropertyNode> root = new TreeItem<>();
        boolean anyDecoded = false;
        if (e != null && vm.documentProperty().get() != null) {
            for (PropertyNode n : vm.shown().properties(e)) {
                root.getChildren().add(item(n));
                anyDecoded |= hasDecoded(n);
            }
            header.setText(e.name() + "  " + EntryText.header(e));
        } else {
            header.setText("");
        }
        decoded.setVisible(anyDecoded);
        table.setRoot(root);
        detail.clear();
        if (e != null && vm.search().isHit(e)) {
            revealMatch();
        }
    }

    /** A search hit selected: scroll to the property the search matched on (key, value or BSD name searches). */
    private void revealMatch() {
        TreeItem<PropertyNode> hit = PropertyFinder.find(table.getRoot(), vm.search().query());
        if (hit != null) {
            for (TreeItem<PropertyNode> p = hit.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            table.getSelectionModel().select(hit);
            table.scrollTo(Math.max(0, table.getRow(hit) - 3));
        }
    }

    /** Whether the Decoded column has anything to show for this row or one nested in it. */
    static boolean hasDecoded(PropertyNode n) {
        if (!n.decoded().isEmpty()) {
            return true;
        }
        for (PropertyNode c : n.children()) {
            if (hasDecoded(c)) {
                return true;
            }
        }
        return false;
    }

    /** The Decoded column (tests check it takes no room when nothing decodes). */
    TreeTableColumn<PropertyNode, String> decodedColumn() {
        return decoded;
    }

    private static TreeItem<PropertyNode> item(PropertyNode n) {
        TreeItem<PropertyNode> t = new TreeItem<>(n);
        for (PropertyNode c : n.children()) {
            t.getChildren().add(item(c));
        }
        return t;
    }

    private void showDetail(TreeItem<PropertyNode> item) {
        if (item == null || item.getValue() == null) {
            detail.clear();
            return;
        }
        OSObject v = item.getValue().raw();
        StringBuilder sb = new StringBuilder();
        if (v instanceof OSData d) {
            sb.append(HexDump.dump(d, 4096));
        } else {
            sb.append(ValueText.inline(v));   // the UI's number rule, as in the Value column
        }
        if (!item.getValue().decoded().isEmpty()) {
            sb.append("\n").append(item.getValue().decoded());
        }
        detail.setText(sb.toString());
    }

    private String selectedText(boolean value) {
        TreeItem<PropertyNode> item = table.getSelectionModel().getSelectedItem();
        if (item == null) {
            return null;
        }
        if (!value) {
            return item.getValue().key();
        }
        StringBuilder sb = new StringBuilder();
        EntryText.value(sb, item.getValue().raw());
        return sb.toString();
    }

    static void copy(String text) {
        if (text != null) {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        }
    }

    private static final class PropertyRow extends TreeTableRow<PropertyNode> {
        @Override
        protected void updateItem(PropertyNode n, boolean empty) {
            super.updateItem(n, empty);
            PropertyNode.Status s = empty || n == null ? PropertyNode.Status.SAME : n.status();
            pseudoClassStateChanged(Styles.ADDED, s == PropertyNode.Status.ADDED);
            pseudoClassStateChanged(Styles.REMOVED, s == PropertyNode.Status.REMOVED);
            pseudoClassStateChanged(Styles.CHANGED, s == PropertyNode.Status.CHANGED);
        }
    }
}
