package dev.ioscope.app.workbench;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The workbench's composition: which panels, in which order. Exactly one implementation is registered as a
 * service ({@code META-INF/services}); the core loads it instead of importing the panels.
 */
public interface WorkbenchPanels {
    /** The panels in tab order (top-level ones in order, I/O Kit topics in order). */
    List<WorkbenchPanel> panels();

    /** The installed composition (the first one registered), loaded once. */
    static WorkbenchPanels installed() {
        return Installed.PANELS;
    }

    /** Every panel's published state, in panel order. */
    static List<PanelState<?>> states() {
        return installed().panels().stream().flatMap(p -> p.state().stream()).toList();
    }

    /** Lazy holder: the service is loaded on first use. */
    final class Installed {
        private static final WorkbenchPanels PANELS = ServiceLoader.load(WorkbenchPanels.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no WorkbenchPanels service registered"));

        private Installed() {
        }
    }
}
