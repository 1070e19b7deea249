package dev.ioscope.app.workbench;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.HashMap;
import java.util.Map;

/**
 * The power tree at the current step: each member indented under its power parent, with its state as a bar
 * (filled share = ordinal / highest; amber while a change is in progress); sleep, wake and idle as actions at
 * the current time.
 */
final class PowerPane extends VBox {
    PowerPane(WorkbenchViewModel vm) {
        super(6);
        setPadding(new Insets(6));
        Button sleep = new Button("Sleep");
        sleep.setId("powerSleep");
        sleep.setOnAction(e -> vm.power("sleep", 0));
        Button wake = new Button("Wake");
        wake.setId("powerWake");
        wake.setOnAction(e -> vm.power("wake", 0));
        Button idle = new Button("Idle 100 ms");
        idle.setOnAction(e -> vm.power("idle", 100));
        for (Button b : new Button[] {sleep, wake, idle}) {
            b.disableProperty().bind(vm.runningProperty());
        }
        ListView<PowerRow> list = new ListView<>(vm.power());
        list.setId("powerTree");
        list.setPlaceholder(new Label("No power tree yet: it appears with the first power action"));
        list.setCellFactory(v -> new ListCell<>() {
            private final Rectangle full = new Rectangle(60, 10, Color.web("#dddddd"));
            private final Rectangle on = new Rectangle(0, 10);
            private final Label text = new Label();

            @Override
            protected void updateItem(PowerRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                int depth = depth(vm, r);
                double share = r.states() <= 1 ? (r.state() > 0 ? 1 : 0) : r.state() / (double) (r.states() - 1);
                on.setWidth(60 * share);
                on.setFill(r.changing() ? Color.web("#f0a30a") : Color.web("#2ca02c"));
                text.setText(r.path().substring(r.path().lastIndexOf('/') + 1) + "   state " + r.state()
                        + (r.states() > 0 ? " of 0…" + (r.states() - 1) : "") + (r.changing() ? "  (changing)" : ""));
                var bar = new javafx.scene.layout.StackPane(full, on);
                javafx.scene.layout.StackPane.setAlignment(on, javafx.geometry.Pos.CENTER_LEFT);
                HBox box = new HBox(8, bar, text);
                box.setPadding(new Insets(0, 0, 0, 16 * depth));
                setGraphic(box);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(new HBox(6, sleep, wake, idle), list);
    }

    private static int depth(WorkbenchViewModel vm, PowerRow r) {
        Map<String, String> parent = new HashMap<>();
        vm.power().forEach(x -> parent.put(x.path(), x.parent()));
        int d = 0;
        for (String p = r.parent(); p != null && !p.isEmpty() && d < 64; p = parent.get(p)) {
            d++;
        }
        return d;
    }
}
