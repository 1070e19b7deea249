package dev.ioscope.engine.snapshot;

import java.util.List;

/** The one list of built-in readers and writers. Order of READERS is the sniffing order. */
final class SnapshotCodecs {
    static final List<SnapshotReader> READERS = List.of(
            new dev.ioscope.engine.snapshot.archive.IoregArchiveReader(),
            new dev.ioscope.engine.snapshot.xml.IoregXmlReader()
    );

    static final List<SnapshotWriter> WRITERS = List.of(
            new dev.ioscope.engine.snapshot.archive.IoregArchiveWriter(),
            new dev.ioscope.engine.snapshot.xml.IoregXmlWriter()
    );

    private SnapshotCodecs() {
    }
}
