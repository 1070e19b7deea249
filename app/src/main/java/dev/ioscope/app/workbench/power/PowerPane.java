package dev.ioscope.app.workbench.power;

import dev.ioscope.app.workbench.WorkbenchViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Power view: the actions on top, then the IOPower plane at the current step as a diagram
 * ({@link PowerDiagram}), each member's state over virtual time ({@link PowerSwimLanes}) and the power
 * state-change machine's messages up to the current position ({@link PowerMessages}).
 */
public final class PowerPane extends VBox {
    public PowerPane(WorkbenchViewModel vm) {
        super(6);
        setPadding(new Insets(6));
        setId("powerPane");
        SplitPane parts = new SplitPane(new PowerDiagram(vm), new PowerSwimLanes(vm), new PowerMessages(vm));
        parts.setOrientation(Orientation.VERTICAL);
        parts.setDividerPositions(0.44, 0.68);
        VBox.setVgrow(parts, Priority.ALWAYS);
        getChildren().addAll(new PowerActionsBar(vm), parts);
    }
}
