package dev.ioscope.engine.snapshot.codecs;

import dev.ioscope.engine.snapshot.SnapshotReader;
import dev.ioscope.engine.snapshot.SnapshotWriter;

import java.util.List;

/** The one list of built-in readers and writers. Order of READERS is the sniffing order. */
final class SnapshotCodecs {
    static final List<SnapshotReader> READERS = List.of(
            // binary formats with a magic first
            new dev.ioscope.engine.snapshot.archive.IoregArchiveReader(),
            new dev.ioscope.engine.snapshot.devicetree.FdtReader(),
            // structured text
            new dev.ioscope.engine.snapshot.xml.IoregXmlReader(),
            new dev.ioscope.engine.snapshot.json.JsonSnapshotReader(),
            new dev.ioscope.engine.snapshot.devicetree.DtsReader(),
            // ioreg text starts "+-o " (or tree bars then "+-o ")
            new dev.ioscope.engine.snapshot.text.IoregTextReader(),
            // No magic: sniffs by extension plus a structural check, so it must stay last.
            new dev.ioscope.engine.snapshot.devicetree.AppleDeviceTreeReader()
    );

    static final List<SnapshotWriter> WRITERS = List.of(
            new dev.ioscope.engine.snapshot.archive.IoregArchiveWriter(),
            new dev.ioscope.engine.snapshot.xml.IoregXmlWriter(),
            new dev.ioscope.engine.snapshot.json.JsonSnapshotWriter(),
            new dev.ioscope.engine.snapshot.text.IoregTextWriter(),
            new dev.ioscope.engine.snapshot.devicetree.FdtWriter(),
            new dev.ioscope.engine.snapshot.devicetree.AppleDeviceTreeWriter()
    );

    private SnapshotCodecs() {
    }
}
