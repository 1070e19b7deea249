package dev.ioscope.app.workbench.devices;

import dev.ioscope.app.ui.AppIcon;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.spi.PaletteDevice;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The device palette: the machine's hot-plug slots (USB ports, PCI bridges) and the ready-made devices its
 * families offer. "Plug In" adds a {@code plug} action at the current time; "Unplug" an {@code unplug} of the
 * entry selected in the registry. Both are journal events and part of a saved session.
 */
public final class DevicesPane extends VBox {
    private final ObservableList<DevicePalette.Slot> slots = FXCollections.observableArrayList();
    private final ObservableList<PaletteDevice> devices = FXCollections.observableArrayList();
    private final CheckBox freeOnly = new CheckBox("Free slots only");
    private final ListView<DevicePalette.Slot> slotList = new ListView<>(slots);
    private final ListView<PaletteDevice> deviceList = new ListView<>(devices);
    private final WorkbenchViewModel vm;

    public DevicesPane(WorkbenchViewModel vm) {
        super(6);
        this.vm = vm;
        setPadding(new Insets(6));
        freeOnly.setSelected(true);
        freeOnly.setId("devicesFreeOnly");
        slotList.setId("deviceSlots");
        deviceList.setId("paletteDevices");
        slotList.setPlaceholder(new Label("No hot-plug slots: a machine loaded from a snapshot has none;\n"
                + "open the virtual Mac (or a machine description) to plug devices."));
        deviceList.setPlaceholder(new Label("Pick a slot to see the devices that fit it"));
        slotList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DevicePalette.Slot s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setGraphic((s.bus().equals("usb") ? AppIcon.USB : AppIcon.PCI).create());
                String tail = s.path().substring(s.path().lastIndexOf('/') + 1);
                String parent = s.path().substring(0, Math.max(0, s.path().lastIndexOf('/')));
                setText(tail + "  —  " + s.className() + (s.occupied() ? "  (in use)" : "") + "\n    "
                        + parent.substring(parent.lastIndexOf('/') + 1));
            }
        });
        deviceList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PaletteDevice d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.label());
            }
        });
        slotList.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            devices.setAll(s == null ? List.of() : vm.panelState(DevicePalette.STATE).get().devicesFor(s));
            if (!devices.isEmpty()) {
                deviceList.getSelectionModel().selectFirst();
            }
            if (s != null) {
                vm.selectedEntryProperty().set(s.path());
            }
        });
        vm.panelState(DevicePalette.STATE).addListener((o, a, p) -> refresh());
        freeOnly.selectedProperty().addListener((o, a, b) -> refresh());

        Button plug = new Button("Plug In", AppIcon.POWER.create());
        plug.setId("plugDevice");
        plug.setOnAction(e -> {
            DevicePalette.Slot s = slotList.getSelectionModel().getSelectedItem();
            PaletteDevice d = deviceList.getSelectionModel().getSelectedItem();
            if (s != null && d != null) {
                vm.plug(s.path(), d);
            }
        });
        plug.disableProperty().bind(vm.runningProperty().or(slotList.getSelectionModel().selectedItemProperty()
                .isNull()).or(deviceList.getSelectionModel().selectedItemProperty().isNull()));
        Button unplug = new Button("Unplug Selected Entry", AppIcon.UNPLUG.create());
        unplug.setId("unplugDevice");
        unplug.setOnAction(e -> vm.unplug(vm.selectedEntryProperty().get()));
        unplug.disableProperty().bind(vm.runningProperty().or(vm.selectedEntryProperty().isNull()));

        Label slotsTitle = new Label("Slots");
        slotsTitle.getStyleClass().add("section-title");
        Label devicesTitle = new Label("Devices that fit");
        devicesTitle.getStyleClass().add("section-title");
        VBox.setVgrow(slotList, Priority.ALWAYS);
        deviceList.setPrefHeight(150);
        getChildren().addAll(new HBox(10, slotsTitle, freeOnly), slotList, devicesTitle, deviceList,
                new HBox(6, plug, unplug));
        refresh();
    }

    private void refresh() {
        DevicePalette.Slot keep = slotList.getSelectionModel().getSelectedItem();
        var all = vm.panelState(DevicePalette.STATE).get().slots();
        slots.setAll(freeOnly.isSelected() ? all.stream().filter(s -> !s.occupied()).toList() : all);
        if (keep != null) {
            slots.stream().filter(s -> s.path().equals(keep.path())).findFirst()
                    .ifPresent(s -> slotList.getSelectionModel().select(s));
        }
    }
}
