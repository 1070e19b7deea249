package dev.ioscope.app.workbench.power;

import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.EventKind;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JournalKind;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * The power state-change machine as it happens: every {@code power.*} journal event up to the current position,
 * newest at the bottom (the list follows it), in I/O Kit's words (powerStateWillChangeTo, setPowerState,
 * acknowledgeSetPowerState, powerStateDidChangeTo, the system messages, time-outs) by {@link PowerMessageText}.
 */
final class PowerMessages extends ListView<JournalEvent> {
    private final WorkbenchViewModel vm;
    private final ObservableList<JournalEvent> shown = FXCollections.observableArrayList();
    private int scanned;
    private JournalEvent lastScanned;
    private boolean scheduled;

    PowerMessages(WorkbenchViewModel vm) {
        this.vm = vm;
        setId("powerMessages");
        setItems(shown);
        setPlaceholder(new Label("No power messages up to this point"));
        setCellFactory(v -> new Cell());
        vm.events().addListener((ListChangeListener<JournalEvent>) c -> later());
        vm.eventsNowProperty().addListener((o, a, b) -> later());
        setOnMouseClicked(e -> {
            JournalEvent ev = getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && ev != null) {
                vm.selectEvent(ev);
            }
        });
        later();
    }

    private void later() {
        if (!scheduled) {
            scheduled = true;
            Platform.runLater(() -> {
                scheduled = false;
                follow();
            });
        }
    }

    /** Appends what is new when the machine moved forward; reads again when it went back or the journal was cut. */
    private void follow() {
        List<JournalEvent> history = vm.events();
        int now = Math.min(vm.eventsNowProperty().get(), history.size());
        boolean grown = now >= scanned && (scanned == 0 || history.get(scanned - 1) == lastScanned);
        if (!grown) {
            shown.clear();
            scanned = 0;
        }
        if (now == scanned) {
            return;
        }
        List<JournalEvent> more = history.subList(scanned, now).stream()
                .filter(e -> e.kind().in(JournalKind.POWER)).toList();
        scanned = now;
        lastScanned = now == 0 ? null : history.get(now - 1);
        shown.addAll(more);
        if (!shown.isEmpty()) {
            scrollTo(shown.size() - 1);
        }
    }

    /** A trouble sign (time-out, veto, error) in red; the driver's calls and the change's ends stand out. */
    static Color colorOf(EventKind kind) {
        if (!(kind instanceof JournalKind k)) {
            return null;
        }
        return switch (k) {
            case POWER_ACK_TIMEOUT, POWER_CLIENT_ACK_TIMEOUT, POWER_INTEREST_TIMEOUT, POWER_VETO, POWER_ERROR,
                    POWER_SLEEP_CANCELLED -> Color.web("#d62728");
            case POWER_SET_POWER_STATE, POWER_ACK -> Color.web("#2ca02c");
            case POWER_WILL_CHANGE, POWER_DID_CHANGE, POWER_MESSAGE -> Color.web("#1f77b4");
            default -> null;
        };
    }

    private final class Cell extends ListCell<JournalEvent> {
        private final Label time = new Label();
        private final Label text = new Label();
        private final HBox box = new HBox(8, time, text);

        Cell() {
            time.setMinWidth(96);
            time.setPrefWidth(96);
            time.setOpacity(0.7);
        }

        @Override
        protected void updateItem(JournalEvent e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            time.setText(WorkbenchViewModel.formatNs(e.t()));
            text.setText(PowerMessageText.describe(e));
            Color c = colorOf(e.kind());
            text.setStyle(c == null ? "" : "-fx-text-fill: " + web(c) + ";");
            setGraphic(box);
        }
    }

    private static String web(Color c) {
        return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255),
                (int) (c.getBlue() * 255));
    }
}
