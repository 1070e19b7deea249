package dev.ioscope.app.workbench.userclient;

import dev.ioscope.app.ui.Styles;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.userclient.UserClientAction;
import dev.ioscope.engine.userclient.UserClientConnection;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Supplier;

/**
 * The memory a console connection mapped ({@code IOConnectMapMemory64} through the scenario {@code map} action):
 * data queues drawn by {@link DataQueueView}, other memory as a hex dump, both redrawn from each published state.
 * "Map" and "Dequeue" are scenario actions like calls, so they replay too.
 */
final class MappedMemoryPane extends VBox {
    private final VBox views = new VBox(6);
    private final TextField memoryType = new TextField("1");
    private List<UserClientConnection.Mapping> shown = List.of();

    MappedMemoryPane(WorkbenchViewModel vm, Supplier<UserClientConnection> connection) {
        super(4);
        setPadding(new Insets(4, 0, 0, 0));
        memoryType.setId("ucMemoryType");
        memoryType.setPrefColumnCount(3);
        Button map = new Button("Map");
        map.setId("ucMap");
        map.setOnAction(e -> act(vm, connection.get(), true));
        Button dequeue = new Button("Dequeue");
        dequeue.setId("ucDequeue");
        dequeue.setOnAction(e -> act(vm, connection.get(), false));
        map.disableProperty().bind(vm.runningProperty());
        dequeue.disableProperty().bind(vm.runningProperty());
        HBox bar = new HBox(6, new Label("Memory type"), memoryType, map, dequeue,
                hint("(demo: 0 = shared buffer, 1 = data queue)"));
        bar.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(views);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        views.setId("ucMemoryViews");
        getChildren().addAll(bar, scroll);
        show(List.of());
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("uc-hint");
        return l;
    }

    /** IOConnectMapMemory64 ({@code map}) or IODataQueueDequeue on the typed memory type. */
    private void act(WorkbenchViewModel vm, UserClientConnection c, boolean map) {
        Long t = MethodForm.parseScalar(memoryType.getText());
        if (c == null || t == null || t < 0 || t > 0xffffffffL) {
            vm.statusProperty().set(c == null ? "open a user client first" : "memory type must be 0..4294967295");
            return;
        }
        vm.userClientAction(map ? new UserClientAction.Map(c.name(), JsonValue.of(t), null)
                : new UserClientAction.Dequeue(c.name(), JsonValue.of(t)));
    }

    /** Shows the connection's mappings (redrawn only when they changed). */
    void show(List<UserClientConnection.Mapping> mappings) {
        if (mappings.equals(shown) && !views.getChildren().isEmpty()) {
            return;
        }
        shown = mappings;
        views.getChildren().clear();
        if (mappings.isEmpty()) {
            views.getChildren().add(hint("No memory mapped on this connection."));
        }
        for (UserClientConnection.Mapping m : mappings) {
            if (m.queue() != null) {
                DataQueueView q = new DataQueueView();
                q.setId("ucQueue" + m.memoryType());
                q.show(m);
                views.getChildren().add(q);
            } else {
                Label title = new Label("memory type " + m.memoryType() + ": " + m.size() + " bytes");
                Label dump = new Label(hexDump(m.hex()));
                dump.setId("ucMemory" + m.memoryType());
                dump.getStyleClass().add(Styles.HEX_DUMP);
                views.getChildren().add(new VBox(2, title, dump));
            }
        }
    }

    /** 16 bytes a line with offsets, as the explorer's hex views print data. */
    static String hexDump(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off < hex.length(); off += 32) {
            StringBuilder row = new StringBuilder(String.format("%04x  ", off / 2));
            String line = hex.substring(off, Math.min(hex.length(), off + 32));
            for (int k = 0; k < line.length(); k += 2) {
                row.append(line, k, k + 2).append(k == 14 ? "  " : " ");
            }
            sb.append(row.toString().stripTrailing()).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
