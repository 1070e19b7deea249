package dev.ioscope.app.workbench;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IOPower plane at the current step as a diagram: a box per member (see {@link PowerBox}), lines from each
 * power parent to its children, laid out by {@link PowerTreeLayout}. Clicking a box selects that entry in the
 * workbench (the registry, matching and timeline follow); the workbench's selection is outlined here too.
 */
final class PowerDiagram extends ScrollPane {
    private final WorkbenchViewModel vm;
    private final Pane canvas = new Pane();
    private final Map<String, PowerBox> boxes = new LinkedHashMap<>();
    private final Label empty = new Label("No power tree yet: it appears with the first power action");

    PowerDiagram(WorkbenchViewModel vm) {
        this.vm = vm;
        setId("powerDiagram");
        // centred while it fits, scrolled when it does not
        javafx.scene.layout.StackPane centre = new javafx.scene.layout.StackPane(canvas);
        centre.setAlignment(javafx.geometry.Pos.TOP_CENTER);
        canvas.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setContent(centre);
        setFitToWidth(true);
        setFitToHeight(true);
        setPannable(true);
        canvas.getStyleClass().add("power-diagram");
        vm.power().addListener((ListChangeListener<PowerRow>) c -> rebuild());
        vm.selectedEntryProperty().addListener((o, a, b) -> outline());
        rebuild();
    }

    private void rebuild() {
        canvas.getChildren().clear();
        boxes.clear();
        if (vm.power().isEmpty()) {
            empty.relocate(PowerTreeLayout.MARGIN, PowerTreeLayout.MARGIN);
            canvas.getChildren().add(empty);
            canvas.setPrefSize(Region.USE_COMPUTED_SIZE, Region.USE_COMPUTED_SIZE);
            return;
        }
        PowerTreeLayout layout = PowerTreeLayout.of(vm.power());
        for (PowerTreeLayout.Edge e : layout.edges()) {
            double midY = (e.y1() + e.y2()) / 2;   // an elbow: down, across, down
            Polyline line = new Polyline(e.x1(), e.y1(), e.x1(), midY, e.x2(), midY, e.x2(), e.y2());
            line.setStroke(Color.web("#8a8a8a"));
            line.setStrokeWidth(1.5);
            canvas.getChildren().add(line);
        }
        for (PowerTreeLayout.Box b : layout.boxes()) {
            PowerBox box = new PowerBox(b.row(), b.row().changing() ? target(b.row().path()) : -1);
            box.relocate(b.x(), b.y());
            box.setOnMouseClicked(ev -> vm.selectedEntryProperty().set(b.row().path()));
            boxes.put(b.row().path(), box);
            canvas.getChildren().add(box);
        }
        canvas.setPrefSize(layout.width(), layout.height());
        outline();
    }

    /** Where the change in progress goes: the journal's last change-begin of the entry up to now (-1: not found). */
    private int target(String path) {
        var events = vm.events();
        int now = Math.min(vm.eventsNowProperty().get(), events.size());
        for (int i = now - 1; i >= 0 && i >= now - 10_000; i--) {
            var e = events.get(i);
            if (e.kind().equals("power.change-begin") && e.entry().equals(path)) {
                try {
                    return Integer.parseInt(e.details().getOrDefault("to", "-1"));
                } catch (NumberFormatException x) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private void outline() {
        String sel = vm.selectedEntryProperty().get();
        boxes.forEach((path, box) -> box.setSelected(path.equals(sel)));
    }

    /** The boxes drawn now, by path (tests, and the lanes' order). */
    Map<String, PowerBox> boxes() {
        return java.util.Collections.unmodifiableMap(boxes);
    }
}
