package dev.ioscope.engine.snapshot;

import java.util.List;

/** The one list of built-in readers and writers. Order of READERS is the sniffing order. */
final class SnapshotCodecs {
    static final List<SnapshotReader> READERS = List.of(
            new dev.ioscope.engine.snapshot.xml.IoregXmlReader(),
            new dev.ioscope.engine.snapshot.json.JsonSnapshotReader(),
            // text formats after the binary ones: ioreg text starts "+-o " (or tree bars then "+-o ")
            new dev.ioscope.engine.snapshot.text.IoregTextReader()
    );

    static final List<SnapshotWriter> WRITERS = List.of(
            new dev.ioscope.engine.snapshot.xml.IoregXmlWriter(),
            new dev.ioscope.engine.snapshot.json.JsonSnapshotWriter(),
            new dev.ioscope.engine.snapshot.text.IoregTextWriter()
    );

    private SnapshotCodecs() {
    }
}
