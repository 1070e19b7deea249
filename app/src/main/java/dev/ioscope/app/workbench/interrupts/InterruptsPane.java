package dev.ioscope.app.workbench.interrupts;

import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.InterruptTree;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;

import java.util.List;

/**
 * The interrupt tree at the current step: each interrupt controller, its vectors in use (type, enabled, pending,
 * how many assertions it delivered, shared or not) and the handlers on each (a shared vector's sub-vectors), as
 * docs/interrupts-and-dma.md describes. Rebuilt when the engine publishes a different tree.
 */
public final class InterruptsPane extends BorderPane {
    private final TreeView<String> tree = new TreeView<>();
    private final Label none = new Label("No interrupt controller: a scenario registers one "
            + "(register-interrupt-controller)");

    public InterruptsPane(WorkbenchViewModel vm) {
        tree.setId("interruptTree");
        tree.setShowRoot(false);
        none.setId("interruptsNone");
        none.setWrapText(true);
        Label title = new Label("Interrupt controllers → vectors → handlers");
        title.getStyleClass().add("workbench-title");
        setTop(title);
        vm.interruptsProperty().addListener((o, a, now) -> show(now));
        show(vm.interruptsProperty().get());
    }

    TreeView<String> tree() {
        return tree;
    }

    private void show(List<InterruptTree.Controller> controllers) {
        TreeItem<String> root = new TreeItem<>("interrupts");
        for (InterruptTree.Controller c : controllers) {
            TreeItem<String> ci = new TreeItem<>(InterruptLabels.controller(c));
            ci.setExpanded(true);
            for (InterruptTree.Vector v : c.vectors()) {
                TreeItem<String> vi = new TreeItem<>(InterruptLabels.vector(v));
                vi.setExpanded(true);
                v.handlers().forEach(h -> vi.getChildren().add(new TreeItem<>(InterruptLabels.handler(h))));
                ci.getChildren().add(vi);
            }
            root.getChildren().add(ci);
        }
        tree.setRoot(root);
        setCenter(controllers.isEmpty() ? none : tree);
    }
}
