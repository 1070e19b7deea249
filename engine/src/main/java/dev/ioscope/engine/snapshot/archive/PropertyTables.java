package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.plist.XmlPlistReader;
import dev.ioscope.engine.os.plist.XmlPlistWriter;
import dev.ioscope.engine.io.SnapshotException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The embedded property plists: IORegistryExplorer stores each entry's property table as an XML plist
 * (CFPropertyListCreateData, with Apple's PLIST DOCTYPE) in the entry's {@code properties} bytes.
 */
final class PropertyTables {
    /** Reads with our XML plist reader (no DTD fetching; entity declarations refused). */
    static final PropertyTableDecoder XML_DECODER = (data, from, to, file, limits) -> {
        OSObject v = XmlPlistReader.read(data, from, to, file, limits);
        if (!(v instanceof OSDictionary d)) {
            throw new SnapshotException(file, null, "property table is a " + v.typeName() + ", not a dictionary");
        }
        return d;
    };

    /**
     * Writes the table's keys in table order (our model keeps the order read, so a round trip is exact),
     * with the standard header and DOCTYPE.
     */
    static final PropertyTableEncoder XML_ENCODER = properties -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + properties.size() * 64);
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new XmlPlistWriter(XmlPlistWriter.KeyOrder.TABLE).writeDocument(properties, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    };

    private PropertyTables() {
    }
}
