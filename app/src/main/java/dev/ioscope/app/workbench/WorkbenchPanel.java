package dev.ioscope.app.workbench;

import javafx.scene.Node;

import java.util.List;
import java.util.function.Function;

/**
 * A tab of the workbench's right-hand pane. Panels register with the core through {@link WorkbenchPanels}; the
 * core never names a panel's classes (ArchitectureTest).
 */
public interface WorkbenchPanel {
    /** Where the tab goes: a top-level tab, or a sub-tab of the "I/O Kit" topics. */
    enum Group { TOP, IO_KIT }

    /** The tab's label, e.g. "Power". */
    String title();

    /** The tab's place. */
    Group group();

    /** The tab's content, built once per window on the FX thread. */
    Node create(WorkbenchViewModel vm);

    /** A panel made of its parts. */
    static WorkbenchPanel of(String title, Group group, Function<WorkbenchViewModel, ? extends Node> create,
                             PanelState<?>... state) {
        List<PanelState<?>> states = List.of(state);
        return new WorkbenchPanel() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public Group group() {
                return group;
            }

            @Override
            public Node create(WorkbenchViewModel vm) {
                return create.apply(vm);
            }

            @Override
            public List<PanelState<?>> state() {
                return states;
            }
        };
    }

    /** The state this panel needs published with the machine (none unless it says so). */
    default List<PanelState<?>> state() {
        return List.of();
    }
}
