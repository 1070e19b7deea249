package dev.ioscope.app.workbench;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Hot-plug a nub: parent, class, name, location and properties (ioreg-style lines); matching follows. */
final class PublishDialog {
    private PublishDialog() {
    }

    static void show(Window owner, WorkbenchViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Publish a nub");
        String sel = vm.selectedEntryProperty().get();
        TextField parent = new TextField(sel == null ? "IOService:/" : sel);
        TextField cls = new TextField("IOPCIDevice");
        TextField name = new TextField("ethernet");
        TextField loc = new TextField("1f,6");
        TextArea props = new TextArea("vendor-id = <86800000>\ndevice-id = <b8150000>");
        props.setPrefRowCount(6);
        parent.setId("publishParent");
        cls.setId("publishClass");
        name.setId("publishName");
        props.setId("publishProperties");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Provider"), parent);
        g.addRow(1, new Label("Class"), cls);
        g.addRow(2, new Label("Name"), name);
        g.addRow(3, new Label("Location"), loc);
        g.addRow(4, new Label("Properties"), props);
        parent.setPrefColumnCount(36);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.publish(parent.getText().strip(),
                cls.getText().strip(), name.getText().strip(), loc.getText().strip(), props.getText()));
    }
}
