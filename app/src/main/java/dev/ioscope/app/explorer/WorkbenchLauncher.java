package dev.ioscope.app.explorer;

import dev.ioscope.engine.io.SnapshotException;

import java.nio.file.Path;

/**
 * How the explorer opens a workbench window. The workbench implements it ({@code WorkbenchView.LAUNCHER}) and
 * whoever builds an explorer window hands it in, so the explorer does not depend on the workbench (the
 * workbench does depend on the explorer: it shows the registry at an event in one).
 */
public interface WorkbenchLauncher {
    /** A workbench on an explorer document (its file reloaded, the virtual Mac booted again, or empty). */
    void open(Document doc, boolean dark);

    /** A workbench on a scenario or saved session file. */
    void openSession(Path file, boolean dark) throws SnapshotException;
}
