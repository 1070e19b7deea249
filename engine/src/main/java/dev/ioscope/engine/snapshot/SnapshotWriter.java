package dev.ioscope.engine.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes one snapshot format. */
public interface SnapshotWriter {
    SnapshotFormat format();

    void write(Snapshot snapshot, OutputStream out) throws IOException;

    /**
     * What writing {@code snapshot} in this format leaves out, one sentence each (nothing is lost silently: the
     * CLI prints each as a warning); empty when the format keeps everything.
     */
    default List<String> leftOut(Snapshot snapshot) {
        return List.of();
    }
}
