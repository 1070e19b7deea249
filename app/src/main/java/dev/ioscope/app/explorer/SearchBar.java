package dev.ioscope.app.explorer;

import dev.ioscope.app.ui.AppIcon;
import dev.ioscope.app.ui.HoverTips;
import dev.ioscope.app.ui.Styles;
import dev.ioscope.engine.explore.SearchField;
import dev.ioscope.engine.registry.IORegistryPlane;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The plane selector and IORegistryExplorer-style search field, with the advanced filters (which fields,
 * regular expression) in a row that the filter toggle shows.
 */
final class SearchBar extends VBox {
    private final TextField field = new TextField();
    private final ComboBox<IORegistryPlane> planes = new ComboBox<>();

    SearchBar(ExplorerViewModel vm) {
        SearchViewModel s = vm.search();
        planes.setId("planeSelector");
        planes.setItems(vm.planes());
        planes.valueProperty().bindBidirectional(vm.planeProperty());
        planes.setConverter(new StringConverter<>() {
            @Override
            public String toString(IORegistryPlane p) {
                return p == null ? "" : p.name();
            }

            @Override
            public IORegistryPlane fromString(String str) {
                return null;
            }
        });
        field.setId("searchField");
        field.setPromptText("Search names, classes, BSD names  (Ctrl+F)");
        field.textProperty().bindBidirectional(s.textProperty());
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    s.previous();
                } else {
                    s.next();
                }
            } else if (e.getCode() == KeyCode.ESCAPE) {
                field.clear();
            }
        });
        Button prev = iconButton(AppIcon.PREVIOUS, "Previous hit (Shift+Enter)", s::previous);
        prev.setId("previousHit");
        Button next = iconButton(AppIcon.NEXT, "Next hit (Enter, F3)", s::next);
        next.setId("nextHit");
        Label count = new Label();
        count.setId("hitCount");
        count.getStyleClass().add(Styles.HIT_COUNT);
        count.textProperty().bind(s.summaryProperty());
        ToggleButton filters = new ToggleButton(null, AppIcon.FILTERS.create());
        filters.setId("advancedToggle");
        HoverTips.set(filters, "Advanced filters");
        filters.selectedProperty().bindBidirectional(s.advancedProperty());

        HBox top = new HBox(new Label("Plane"), planes, spacer(12), field, prev, next, count, filters);
        top.getStyleClass().add(Styles.SEARCH_BAR);

        HBox advanced = new HBox();
        advanced.getStyleClass().add(Styles.ADVANCED_SEARCH);
        advanced.getChildren().add(new Label("Match in:"));
        for (SearchField f : SearchField.values()) {
            CheckBox c = new CheckBox(f.label());
            c.setId("field-" + f.name());
            c.selectedProperty().bindBidirectional(s.fieldProperty(f));
            advanced.getChildren().add(c);
        }
        CheckBox regex = new CheckBox("Regular expression");
        regex.setId("regexToggle");
        regex.selectedProperty().bindBidirectional(s.regexProperty());
        advanced.getChildren().addAll(spacer(12), regex);
        advanced.visibleProperty().bind(s.advancedProperty());
        advanced.managedProperty().bind(s.advancedProperty());
        getChildren().addAll(top, advanced);
    }

    void focusSearch() {
        field.requestFocus();
        field.selectAll();
    }

    private static Region spacer(double w) {
        Region r = new Region();
        r.setMinWidth(w);
        return r;
    }

    private static Button iconButton(AppIcon icon, String tip, Runnable action) {
        Button b = new Button(null, icon.create());
        HoverTips.set(b, tip);
        b.setOnAction(e -> action.run());
        return b;
    }
}
