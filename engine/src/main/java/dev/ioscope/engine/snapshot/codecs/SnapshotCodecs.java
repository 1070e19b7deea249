package dev.ioscope.engine.snapshot.codecs;

import dev.ioscope.engine.snapshot.SnapshotReader;
import dev.ioscope.engine.snapshot.SnapshotWriter;
import dev.ioscope.engine.snapshot.archive.IoregArchiveReader;
import dev.ioscope.engine.snapshot.archive.IoregArchiveWriter;
import dev.ioscope.engine.snapshot.devicetree.AppleDeviceTreeReader;
import dev.ioscope.engine.snapshot.devicetree.AppleDeviceTreeWriter;
import dev.ioscope.engine.snapshot.devicetree.DtsReader;
import dev.ioscope.engine.snapshot.devicetree.FdtReader;
import dev.ioscope.engine.snapshot.devicetree.FdtWriter;
import dev.ioscope.engine.snapshot.json.JsonSnapshotReader;
import dev.ioscope.engine.snapshot.json.JsonSnapshotWriter;
import dev.ioscope.engine.snapshot.text.IoregTextReader;
import dev.ioscope.engine.snapshot.text.IoregTextWriter;
import dev.ioscope.engine.snapshot.xml.IoregXmlReader;
import dev.ioscope.engine.snapshot.xml.IoregXmlWriter;

import java.util.List;

/** The one list of built-in readers and writers. Order of READERS is the sniffing order. */
final class SnapshotCodecs {
    static final List<SnapshotReader> READERS = List.of(
            // binary formats with a magic first
            new IoregArchiveReader(),
            new FdtReader(),
            // structured text
            new IoregXmlReader(),
            new JsonSnapshotReader(),
            new DtsReader(),
            // ioreg text starts "+-o " (or tree bars then "+-o ")
            new IoregTextReader(),
            // No magic: sniffs by extension plus a structural check, so it must stay last.
            new AppleDeviceTreeReader()
    );

    static final List<SnapshotWriter> WRITERS = List.of(
            new IoregArchiveWriter(),
            new IoregXmlWriter(),
            new JsonSnapshotWriter(),
            new IoregTextWriter(),
            new FdtWriter(),
            new AppleDeviceTreeWriter()
    );

    private SnapshotCodecs() {
    }
}
