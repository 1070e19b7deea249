package dev.ioscope.engine.snapshot.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * IOScope's JSON registry format (shape documented in docs/cli.md): a header, the plane list, and one flat
 * object per entry with its per-plane links by ID. Flat rather than nested, so that entries with several
 * parents and several planes are written once and no depth limit applies to deep trees.
 */
public final class JsonSnapshotWriter implements SnapshotWriter {
    static final String FORMAT_TAG = "ioscope-registry";
    static final int VERSION = 1;

    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.JSON;
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        IORegistry reg = snapshot.registry();
        g.writeStartObject();
        g.writeStringField("format", FORMAT_TAG);
        g.writeNumberField("version", VERSION);
        g.writeStringField("sourceFormat", snapshot.format().name());
        if (snapshot.source() != null) {
            g.writeStringField("source", snapshot.source());
        }
        g.writeFieldName("info");
        JsonValues.writeDictionary(g, snapshot.info());
        g.writeArrayFieldStart("planes");
        for (IORegistryPlane p : reg.planes()) {
            g.writeString(p.name());
        }
        g.writeEndArray();
        g.writeStringField("root", id(reg.root()));
        g.writeArrayFieldStart("entries");
        for (IORegistryEntry e : reg.entries()) {
            writeEntry(g, reg, e);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    static String id(IORegistryEntry e) {
        return "0x" + Long.toHexString(e.registryEntryID());
    }

    private static void writeEntry(JsonGenerator g, IORegistry reg, IORegistryEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id(e));
        g.writeStringField("class", e.className());
        if (!e.inheritance().isEmpty()) {
            g.writeArrayFieldStart("inheritance");
            for (String c : e.inheritance()) {
                g.writeString(c);
            }
            g.writeEndArray();
        }
        g.writeStringField("name", e.name());
        if (e.location() != null) {
            g.writeStringField("location", e.location());
        }
        writeState(g, e.state());
        g.writeObjectFieldStart("planes");
        for (IORegistryPlane p : reg.planes()) {
            boolean linked = e.inPlane(p) || e.ownName(p) != null || e.ownLocation(p) != null
                    || !e.children(p).isEmpty();
            if (!linked) {
                continue;
            }
            g.writeObjectFieldStart(p.name());
            if (e.ownName(p) != null) {
                g.writeStringField("name", e.ownName(p));
            }
            if (e.ownLocation(p) != null) {
                g.writeStringField("location", e.ownLocation(p));
            }
            writeIds(g, "parents", e.parents(p));
            writeIds(g, "children", e.children(p));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeFieldName("properties");
        JsonValues.writeDictionary(g, e.properties());
        if (!e.snapshotInfo().isEmpty()) {
            g.writeFieldName("snapshotInfo");
            JsonValues.writeDictionary(g, e.snapshotInfo());
        }
        g.writeEndObject();
    }

    private static void writeIds(JsonGenerator g, String field, List<IORegistryEntry> es) throws IOException {
        if (es.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (IORegistryEntry x : es) {
            g.writeString(id(x));
        }
        g.writeEndArray();
    }

    private static void writeState(JsonGenerator g, EntryState s) throws IOException {
        g.writeObjectFieldStart("state");
        g.writeBooleanField("service", s.service());
        g.writeBooleanField("registered", s.registered());
        g.writeBooleanField("matched", s.matched());
        g.writeBooleanField("active", s.active());
        g.writeNumberField("busy", s.busyState());
        g.writeNumberField("busyTimeMs", s.busyTimeMs());
        g.writeNumberField("retain", s.retainCount());
        g.writeEndObject();
    }
}
