package dev.ioscope.app.workbench.power;

import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.power.PowerAction;
import dev.ioscope.engine.sim.JsonValue;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;

/**
 * The power actions of docs/scenarios.md at the current time (each becomes a scenario action at now + 1 ns, so
 * the session stays replayable): system Sleep and Wake, Idle for some ms, and on the selected power-managed
 * device Tickle (activityTickle) and Request (changePowerStateTo, changePowerStateToPriv or makeUsable).
 */
final class PowerActionsBar extends VBox {
    /** The {@code via} argument of the scenario action {@code request}, named by the call it makes. */
    private static final List<String> VIA = List.of("driver", "priv", "usable");

    private final WorkbenchViewModel vm;
    private final Label device = new Label();
    private final Spinner<Integer> state = new Spinner<>(0, 0, 0);

    PowerActionsBar(WorkbenchViewModel vm) {
        super(4);
        this.vm = vm;
        Button sleep = button("Sleep", "powerSleep", () -> vm.power(new PowerAction.Sleep(null)));
        Button wake = button("Wake", "powerWake", () -> vm.power(new PowerAction.Wake()));
        Spinner<Integer> ms = new Spinner<>(1, 3_600_000, 100, 100);
        ms.setId("powerIdleMs");
        ms.setEditable(true);
        ms.setPrefWidth(90);
        Button idle = button("Idle", "powerIdle",
                () -> vm.power(new PowerAction.Idle(JsonValue.of(String.valueOf(typed(ms))))));
        Label msLabel = new Label("ms");

        device.setId("powerDevice");
        device.setMinWidth(70);
        Button tickle = button("Tickle", "powerTickle", () -> vm.tickle(vm.selectedEntryProperty().get()));
        state.setId("powerRequestState");
        state.setPrefWidth(64);
        state.setMinWidth(60);   // the state number stays readable when the row is tight
        ChoiceBox<String> via = new ChoiceBox<>(FXCollections.observableList(VIA));
        via.setId("powerRequestVia");
        via.setValue("driver");
        via.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? "" : switch (v) {
                    case "priv" -> "changePowerStateToPriv";
                    case "usable" -> "makeUsable";
                    default -> "changePowerStateTo";
                };
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        state.disableProperty().bind(via.valueProperty().isEqualTo("usable"));
        Button request = button("Request", "powerRequest", () -> vm.requestPowerState(
                vm.selectedEntryProperty().get(), state.getValue(), via.getValue()));

        BooleanBinding noDevice = Bindings.createBooleanBinding(() -> selected() == null,
                vm.selectedEntryProperty(), vm.panelState(PowerRow.STATE));
        for (Button b : new Button[] {sleep, wake, idle}) {
            b.disableProperty().bind(vm.runningProperty());
        }
        for (Button b : new Button[] {tickle, request}) {
            b.disableProperty().bind(vm.runningProperty().or(noDevice));
        }
        vm.selectedEntryProperty().addListener((o, a, b) -> follow());
        vm.panelState(PowerRow.STATE).addListener((o, a, b) -> follow());
        follow();
        // every button and label whole ("Req…" at 1280x800): the device name and the spinners give way instead
        HBox system = new HBox(6, title("System"), sleep, wake, new Separator(Orientation.VERTICAL), idle,
                ms, whole(msLabel));
        HBox selectedDevice = new HBox(6, title("Device"), device, tickle,
                new Separator(Orientation.VERTICAL), request, state, whole(new Label("via")), via);
        system.setAlignment(Pos.CENTER_LEFT);
        selectedDevice.setAlignment(Pos.CENTER_LEFT);
        via.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(system, selectedDevice);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.setMinWidth(48);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static <T extends Region> T whole(T control) {
        control.setMinWidth(Region.USE_PREF_SIZE);
        return control;
    }

    private Button button(String text, String id, Runnable action) {
        Button b = whole(new Button(text));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** What the spinner's editor holds, even when it was typed without Enter (the spinner keeps it unparsed). */
    private static int typed(Spinner<Integer> s) {
        try {
            s.getValueFactory().setValue(s.getValueFactory().getConverter().fromString(s.getEditor().getText()));
        } catch (RuntimeException e) {
            s.getEditor().setText(String.valueOf(s.getValue()));   // not a number: the last good value
        }
        return s.getValue();
    }

    /** The selected entry when it has a power driver, else null. */
    private PowerRow selected() {
        String path = vm.selectedEntryProperty().get();
        return vm.panelState(PowerRow.STATE).get().stream().filter(r -> r.path().equals(path) && r.states() > 0)
                .findFirst().orElse(null);
    }

    /** The device label and the state spinner's range follow the selection and its power state table. */
    private void follow() {
        PowerRow r = selected();
        device.setText(r == null ? "(select one)" : r.name());
        int max = r == null ? 0 : r.states() - 1;
        var f = (SpinnerValueFactory.IntegerSpinnerValueFactory) state.getValueFactory();
        f.setMax(Math.max(0, max));
        if (f.getValue() > max) {
            f.setValue(Math.max(0, max));
        }
    }
}
