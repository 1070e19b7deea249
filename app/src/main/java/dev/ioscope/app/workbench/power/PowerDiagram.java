package dev.ioscope.app.workbench.power;

import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.journal.JournalKind;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
    private PowerTreeLayout shown;
    private PowerTreeLayout.Direction direction = PowerTreeLayout.Direction.TOP_DOWN;
    private final Label empty = new Label("No power tree yet: it appears with the first power action");

    PowerDiagram(WorkbenchViewModel vm) {
        this.vm = vm;
        setId("powerDiagram");
        // centred while it fits, scrolled when it does not
        StackPane centre = new StackPane(canvas);
        centre.setAlignment(Pos.TOP_CENTER);
        canvas.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        canvas.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);   // wider than the view: scroll, not cut
        setContent(centre);
        setFitToWidth(true);
        setFitToHeight(true);
        setPannable(true);
        canvas.getStyleClass().add("power-diagram");
        vm.panelState(PowerRow.STATE).addListener((o, a, b) -> rebuild());
        vm.selectedEntryProperty().addListener((o, a, b) -> {
            outline();
            if (b != null && boxes.containsKey(b)) {
                reveal(b);
            }
        });
        viewportBoundsProperty().addListener((o, a, b) -> {
            // the direction follows the room there is: lay out again only when it would change
            List<PowerRow> rows = vm.panelState(PowerRow.STATE).get();
            if (!rows.isEmpty() && (PowerTreeLayout.of(rows).width() > viewWidth())
                    != (direction == PowerTreeLayout.Direction.LEFT_RIGHT)) {
                rebuild();
            }
        });
        rebuild();
    }

    private double viewWidth() {
        double w = getViewportBounds() == null ? 0 : getViewportBounds().getWidth();
        return w > 0 ? w : 600;   // not laid out yet: a typical panel
    }

    /** Which way the tree is drawn now (tests). */
    PowerTreeLayout.Direction direction() {
        return direction;
    }

    private void rebuild() {
        canvas.getChildren().clear();
        boxes.clear();
        if (vm.panelState(PowerRow.STATE).get().isEmpty()) {
            empty.relocate(PowerTreeLayout.MARGIN, PowerTreeLayout.MARGIN);
            canvas.getChildren().add(empty);
            canvas.setPrefSize(Region.USE_COMPUTED_SIZE, Region.USE_COMPUTED_SIZE);
            return;
        }
        PowerTreeLayout layout = PowerTreeLayout.of(vm.panelState(PowerRow.STATE).get());
        direction = PowerTreeLayout.Direction.TOP_DOWN;
        if (layout.width() > viewWidth()) {
            // a wide tree (a real Mac's) reads better down the narrow panel, one column per depth
            layout = PowerTreeLayout.of(vm.panelState(PowerRow.STATE).get(), PowerTreeLayout.Direction.LEFT_RIGHT);
            direction = PowerTreeLayout.Direction.LEFT_RIGHT;
        }
        for (PowerTreeLayout.Edge e : layout.edges()) {
            Polyline line = new Polyline(e.points());
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
        shown = layout;
        outline();
        String sel = vm.selectedEntryProperty().get();
        reveal(sel != null && boxes.containsKey(sel) ? sel : "IOService:/IOPMrootDomain");
    }

    /**
     * Scrolls a box into the middle of the view when the tree is larger than the view (after the layout pass:
     * the content's size is known then).
     */
    private void reveal(String path) {
        Platform.runLater(() -> {
            PowerTreeLayout.Box b = shown == null ? null : shown.boxes().stream()
                    .filter(x -> x.row().path().equals(path)).findFirst().orElse(null);
            var view = getViewportBounds();
            if (b == null || view == null) {
                return;
            }
            double w = shown.width() - view.getWidth();
            double h = shown.height() - view.getHeight();
            if (w > 0) {
                setHvalue(clamp((b.x() + PowerTreeLayout.BOX_W / 2 - view.getWidth() / 2) / w));
            }
            if (h > 0) {
                setVvalue(clamp((b.y() + PowerTreeLayout.BOX_H / 2 - view.getHeight() / 2) / h));
            }
        });
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Where the change in progress goes: the journal's last change-begin of the entry up to now (-1: not found). */
    private int target(String path) {
        var events = vm.events();
        int now = Math.min(vm.eventsNowProperty().get(), events.size());
        for (int i = now - 1; i >= 0 && i >= now - 10_000; i--) {
            var e = events.get(i);
            if (e.kind() == JournalKind.POWER_CHANGE_BEGIN && e.entry().equals(path)) {
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
        return Collections.unmodifiableMap(boxes);
    }
}
