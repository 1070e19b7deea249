package dev.ioscope.app.workbench.matching;

import dev.ioscope.app.ui.Styles;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;

import java.util.List;

/**
 * A Matching-table cell: its text coloured by the row's verdict (style classes), the whole text as a tooltip.
 * On a selected row the text takes the selection's colour through the cell's own {@code :row-selected}
 * pseudo-class: a rule keyed on the row's {@code :selected} left a deselected row's text black in the dark theme
 * (the cell's text fill fell back to its initial value; DarkVerdictRowsTest).
 */
final class VerdictCell extends TreeTableCell<MatchRow, String> {
    private final InvalidationListener rowSelection = o -> syncRowSelected();

    VerdictCell() {
        tableRowProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.selectedProperty().removeListener(rowSelection);
            }
            if (b != null) {
                b.selectedProperty().addListener(rowSelection);
            }
            syncRowSelected();
        });
    }

    private void syncRowSelected() {
        pseudoClassStateChanged(Styles.ROW_SELECTED, getTableRow() != null && getTableRow().isSelected());
    }

    @Override
    protected void updateItem(String s, boolean empty) {
        super.updateItem(s, empty);
        MatchRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
        setText(empty ? null : s);
        setVerdictClasses(r == null ? List.of() : MatchingPane.styleClasses(r));
        setTooltip(empty || s == null || s.isEmpty() ? null : new Tooltip(s));
        syncRowSelected();
    }

    /** Changes the verdict classes only when they differ (an update per selection change needs no restyle). */
    private void setVerdictClasses(List<String> wanted) {
        List<String> now = getStyleClass().stream().filter(MatchingPane.VERDICT_CLASSES::contains).toList();
        if (!now.equals(wanted)) {
            getStyleClass().removeAll(MatchingPane.VERDICT_CLASSES);
            getStyleClass().addAll(wanted);
        }
    }
}
