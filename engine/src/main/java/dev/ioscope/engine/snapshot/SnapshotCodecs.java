package dev.ioscope.engine.snapshot;

import java.util.List;

/** The one list of built-in readers and writers. Order of READERS is the sniffing order. */
final class SnapshotCodecs {
    static final List<SnapshotReader> READERS = List.of(
            new dev.ioscope.engine.snapshot.devicetree.FdtReader(),
            new dev.ioscope.engine.snapshot.devicetree.DtsReader(),
            // No magic: sniffs by extension plus a structural check, so it must stay last.
            new dev.ioscope.engine.snapshot.devicetree.AppleDeviceTreeReader()
    );

    static final List<SnapshotWriter> WRITERS = List.of(
            new dev.ioscope.engine.snapshot.devicetree.FdtWriter(),
            new dev.ioscope.engine.snapshot.devicetree.AppleDeviceTreeWriter()
    );

    private SnapshotCodecs() {
    }
}
