package dev.ioscope.app.workbench.panels;

import dev.ioscope.app.diagnostics.DiagnosticsPane;
import dev.ioscope.app.diagnostics.DiagnosticsViewModel;
import dev.ioscope.app.workbench.BreakpointsPane;
import dev.ioscope.app.workbench.WorkbenchPanel;
import dev.ioscope.app.workbench.WorkbenchPanels;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.app.workbench.devices.DevicePalette;
import dev.ioscope.app.workbench.devices.DevicesPane;
import dev.ioscope.app.workbench.interrupts.InterruptsPane;
import dev.ioscope.app.workbench.locks.LocksPane;
import dev.ioscope.app.workbench.matching.MatchingPane;
import dev.ioscope.app.workbench.memory.MemoryPane;
import dev.ioscope.app.workbench.power.PowerPane;
import dev.ioscope.app.workbench.power.PowerRow;
import dev.ioscope.app.workbench.report.IOReportDashboard;
import dev.ioscope.app.workbench.report.ReportState;
import dev.ioscope.app.workbench.streams.StreamsPane;
import dev.ioscope.app.workbench.userclient.UserClientConsole;
import dev.ioscope.app.workbench.userclient.UserClientState;
import dev.ioscope.engine.registry.IOKitDiagnostics;

import java.util.List;

import static dev.ioscope.app.workbench.WorkbenchPanel.Group.IO_KIT;
import static dev.ioscope.app.workbench.WorkbenchPanel.Group.TOP;

/**
 * The workbench's panels and their order: the one place that names them (registered as the
 * {@link WorkbenchPanels} service, so the workbench core depends on no panel).
 */
public final class Panels implements WorkbenchPanels {
    private static final List<WorkbenchPanel> ALL = List.of(
            WorkbenchPanel.of("Matching", TOP, MatchingPane::new),
            WorkbenchPanel.of("Breakpoints", TOP, BreakpointsPane::new),
            WorkbenchPanel.of("Power", TOP, PowerPane::new, PowerRow.STATE),
            WorkbenchPanel.of("Devices", TOP, DevicesPane::new, DevicePalette.STATE),
            WorkbenchPanel.of("User clients", TOP, UserClientConsole::new, UserClientState.STATE),
            WorkbenchPanel.of("IOReport", TOP, IOReportDashboard::new, ReportState.STATE),
            WorkbenchPanel.of("Interrupts", IO_KIT, InterruptsPane::new),
            WorkbenchPanel.of("Memory & DMA", IO_KIT, MemoryPane::new),
            WorkbenchPanel.of("Locks", IO_KIT, LocksPane::new),
            WorkbenchPanel.of("Diagnostics", IO_KIT, Panels::diagnosticsPane),
            WorkbenchPanel.of("Streams", IO_KIT, StreamsPane::new));

    @Override
    public List<WorkbenchPanel> panels() {
        return ALL;
    }

    /** The running machine's live IOKitDiagnostics (rule DG3), from the root of the registry at each stop. */
    private static DiagnosticsPane diagnosticsPane(WorkbenchViewModel vm) {
        DiagnosticsViewModel dvm = new DiagnosticsViewModel();
        vm.registryProperty().addListener((o, a, root) -> dvm.sourceProperty().set(root == null ? null
                : IOKitDiagnostics.from(root.properties().get(IOKitDiagnostics.KEY)).orElse(null)));
        return new DiagnosticsPane(dvm);
    }
}
