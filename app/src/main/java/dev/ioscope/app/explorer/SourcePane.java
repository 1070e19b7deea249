package dev.ioscope.app.explorer;

import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.explore.EntryExport;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

import java.util.Locale;

/**
 * The selected entry (or its subtree) as ioreg text, XML plist or JSON in a read-only, syntax-coloured,
 * searchable code area. Rendered only while the tab is showing.
 */
final class SourcePane extends BorderPane {
    /** Longer renderings are cut: a code area with tens of megabytes helps nobody. */
    static final int MAX_CHARS = 4_000_000;

    private final EntryActions actions;
    private final CodeArea area = new CodeArea();
    private final ComboBox<SnapshotFormat> format = new ComboBox<>();
    private final CheckBox subtree = new CheckBox("Subtree");
    private final TextField find = new TextField();
    private final Label found = new Label();
    private boolean showing;
    private boolean stale = true;

    SourcePane(ExplorerViewModel vm, EntryActions actions) {
        this.actions = actions;
        area.setEditable(false);
        area.setId("sourceArea");
        area.getStyleClass().add(Styles.SOURCE);
        format.getItems().setAll(EntryExport.textFormats());
        format.getSelectionModel().selectFirst();
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(SnapshotFormat f) {
                return f == null ? "" : EntryActions.label(f);
            }

            @Override
            public SnapshotFormat fromString(String s) {
                return null;
            }
        });
        find.setPromptText("Find in source");
        find.setId("sourceFind");
        find.setOnAction(e -> findNext());
        Button next = new Button("Next");
        next.setOnAction(e -> findNext());
        HBox bar = new HBox(6, new Label("Format"), format, subtree, find, next, found);
        bar.setPadding(new Insets(4));
        bar.setAlignment(Pos.CENTER_LEFT);
        setTop(bar);
        setCenter(new VirtualizedScrollPane<>(area));
        format.valueProperty().addListener((o, a, b) -> refresh());
        subtree.selectedProperty().addListener((o, a, b) -> refresh());
        vm.selectedProperty().addListener((o, a, b) -> refresh());
        vm.planeProperty().addListener((o, a, b) -> refresh());
    }

    CodeArea area() {
        return area;
    }

    /** Called when the Source tab is shown or hidden; rendering a big subtree is skipped while hidden. */
    void setShowing(boolean s) {
        showing = s;
        if (s && stale) {
            refresh();
        }
    }

    private void refresh() {
        if (!showing) {
            stale = true;
            return;
        }
        stale = false;
        SnapshotFormat f = format.getValue() == null ? SnapshotFormat.IOREG_TEXT : format.getValue();
        String text = actions.text(f, subtree.isSelected());
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS) + "\n… cut at " + MAX_CHARS + " characters; export to see it all\n";
        }
        area.replaceText(text);
        area.setStyleSpans(0, SourceHighlighter.spans(text, f));
        area.moveTo(0);
        area.requestFollowCaret();
        found.setText("");
    }

    private void findNext() {
        String q = find.getText();
        if (q == null || q.isEmpty()) {
            return;
        }
        String text = area.getText().toLowerCase(Locale.ROOT);
        String needle = q.toLowerCase(Locale.ROOT);
        int from = area.getSelection().getLength() > 0 ? area.getSelection().getEnd() : area.getCaretPosition();
        int at = text.indexOf(needle, from);
        if (at < 0) {
            at = text.indexOf(needle);
        }
        if (at < 0) {
            found.setText("not found");
            return;
        }
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0 && count < 10_000; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        found.setText(count + (count == 1 ? " match" : " matches"));
        area.selectRange(at, at + needle.length());
        area.requestFollowCaret();
    }
}
