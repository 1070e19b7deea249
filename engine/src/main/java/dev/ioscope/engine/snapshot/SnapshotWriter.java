package dev.ioscope.engine.snapshot;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one snapshot format. */
public interface SnapshotWriter {
    SnapshotFormat format();

    void write(Snapshot snapshot, OutputStream out) throws IOException;
}
