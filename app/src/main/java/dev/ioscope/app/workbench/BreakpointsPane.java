package dev.ioscope.app.workbench;

import dev.ioscope.app.ui.FullTextCell;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Breakpoints on event kinds, classes, entries and property changes: add, list, remove. */
public final class BreakpointsPane extends VBox {
    public BreakpointsPane(WorkbenchViewModel vm) {
        super(6);
        setPadding(new Insets(6));
        ComboBox<Breakpoint.On> on = new ComboBox<>();
        on.getItems().setAll(Breakpoint.On.values());
        on.getSelectionModel().select(Breakpoint.On.KIND);
        on.setId("breakpointOn");
        TextField value = new TextField();
        value.setId("breakpointValue");
        value.setPromptText("service.start, match, IntelMausi, IOService:/…");
        HBox.setHgrow(value, Priority.ALWAYS);
        Button add = new Button("Add");
        add.setId("addBreakpoint");
        Runnable doAdd = () -> {
            vm.addBreakpoint(on.getValue(), value.getText());
            value.clear();
        };
        add.setOnAction(e -> doAdd.run());
        value.setOnAction(e -> doAdd.run());

        ListView<Breakpoint> list = new ListView<>(vm.breakpoints());
        list.setId("breakpoints");
        list.setPlaceholder(new Label("No breakpoints. Add one above, or from the registry tree's menu."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Breakpoint b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : "● " + b.describe());
                FullTextCell.show(this, getText());
            }
        });
        Button remove = new Button("Remove");
        remove.setId("removeBreakpoint");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeBreakpoint(list.getSelectionModel().getSelectedItem()));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                vm.removeBreakpoint(list.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(new HBox(6, on, value, add), list, remove);
    }
}
