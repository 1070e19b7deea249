package dev.ioscope.engine.snapshot.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistry;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.RegistryDepth;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.SnapshotReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads IOScope's JSON registry format (written by {@link JsonSnapshotWriter}). */
public final class JsonSnapshotReader implements SnapshotReader {
    @Override
    public SnapshotFormat format() {
        return SnapshotFormat.JSON;
    }

    @Override
    public boolean sniff(byte[] head, String fileName) {
        String s = new String(head, StandardCharsets.UTF_8).stripLeading();
        return s.startsWith("{") && s.contains("\"" + JsonSnapshotWriter.FORMAT_TAG + "\"");
    }

    /** One entry's fields as read, linked in a second pass once every ID is known. */
    private record PendingLinks(IORegistryEntry entry, Map<String, List<String>> parents,
                                Map<String, List<String>> children) {
    }

    @Override
    public Snapshot read(byte[] data, String name, ParseLimits limits) throws SnapshotException {
        JsonFactory f = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth()).maxStringLength(limits.maxStringBytes() * 2).build()).build();
        JsonParser p = null;
        try {
            p = f.createParser(data);
            return parse(p, name, limits);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new SnapshotException(name, place(loc), e.getOriginalMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new SnapshotException(name, p == null ? null : place(p.currentLocation()), e.getMessage());
        }
    }

    private static String place(JsonLocation loc) {
        return loc == null ? null : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private Snapshot parse(JsonParser p, String name, ParseLimits limits) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT, "a JSON object");
        IORegistry reg = null;
        String rootId = null;
        List<String> planes = new ArrayList<>();
        OSDictionary info = OSDictionary.empty();
        SnapshotFormat sourceFormat = SnapshotFormat.JSON;
        String source = null;
        boolean tagged = false;
        List<PendingLinks> pending = new ArrayList<>();
        Map<String, IORegistryEntry> byId = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "format" -> {
                    if (t != JsonToken.VALUE_STRING || !JsonSnapshotWriter.FORMAT_TAG.equals(p.getText())) {
                        throw new IOException("not an IOScope registry (\"format\" is not \""
                                + JsonSnapshotWriter.FORMAT_TAG + "\")");
                    }
                    tagged = true;
                }
                case "version" -> {
                    if (t != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != JsonSnapshotWriter.VERSION) {
                        throw new IOException("unsupported IOScope JSON version " + p.getText());
                    }
                }
                case "sourceFormat" -> sourceFormat = SnapshotFormat.parse(p.getText()).orElse(SnapshotFormat.JSON);
                case "source" -> source = p.getText();
                case "info" -> info = dictionary(p, limits);
                case "planes" -> {
                    expect(t, JsonToken.START_ARRAY, "an array of plane names");
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        planes.add(p.getText());
                    }
                }
                case "root" -> rootId = p.getText();
                case "entries" -> {
                    expect(t, JsonToken.START_ARRAY, "an array of entries");
                    if (rootId == null) {
                        throw new IOException("\"root\" must come before \"entries\"");
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        if (pending.size() >= limits.maxCount()) {
                            throw new IOException("more than " + limits.maxCount() + " entries");
                        }
                        ParsedEntry pe = entry(p, limits);
                        if (reg == null) {
                            if (!pe.id().equals(rootId)) {
                                throw new IOException("the first entry must be the root " + rootId);
                            }
                            reg = IORegistry.create(parseId(pe.id()), pe.name());
                            for (String plane : planes) {
                                reg.plane(plane);
                            }
                        }
                        PendingLinks pl = materialize(reg, pe, pending.isEmpty());
                        if (byId.put(JsonSnapshotWriter.id(pl.entry()), pl.entry()) != null) {
                            throw new IOException("duplicate entry id " + JsonSnapshotWriter.id(pl.entry()));
                        }
                        pending.add(pl);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (!tagged) {
            throw new IOException("not an IOScope registry (no \"format\": \"" + JsonSnapshotWriter.FORMAT_TAG + "\")");
        }
        if (reg == null) {
            throw new IOException("no entries");
        }
        for (String plane : planes) {
            reg.plane(plane);
        }
        checkDepth(pending, limits);
        link(reg, pending, byId);
        return new Snapshot(reg, sourceFormat == SnapshotFormat.JSON ? SnapshotFormat.JSON : sourceFormat, info,
                source);
    }

    /**
     * Before any link is made: each plane's recorded children, as IDs, no deeper than the limit and without a
     * cycle (attaching a deep chain one by one would cost depth steps per link).
     */
    private static void checkDepth(List<PendingLinks> pending, ParseLimits limits) throws IOException {
        Set<String> planes = new LinkedHashSet<>();
        for (PendingLinks pl : pending) {
            planes.addAll(pl.children().keySet());
        }
        for (String plane : planes) {
            Map<String, List<String>> children = new HashMap<>();
            for (PendingLinks pl : pending) {
                children.put(JsonSnapshotWriter.id(pl.entry()), pl.children().getOrDefault(plane, List.of()));
            }
            int depth = RegistryDepth.deepest(children.keySet(), id -> children.getOrDefault(id, List.of()));
            if (depth == RegistryDepth.CYCLE) {
                throw new IOException("the links of the " + plane + " plane make a cycle");
            }
            if (depth > limits.maxDepth()) {
                throw new IOException("the " + plane + " plane is " + depth + " levels deep, deeper than "
                        + limits.maxDepth() + " levels");
            }
        }
    }

    /** Children in recorded order make the links; recorded parent order is then restored exactly. */
    private static void link(IORegistry reg, List<PendingLinks> pending, Map<String, IORegistryEntry> byId)
            throws IOException {
        for (PendingLinks pl : pending) {
            for (var e : pl.children().entrySet()) {
                IORegistryPlane plane = reg.plane(e.getKey());
                for (String cid : e.getValue()) {
                    IORegistryEntry child = resolve(byId, cid);
                    try {
                        reg.attach(child, pl.entry(), plane);
                    } catch (IllegalArgumentException ex) {
                        throw new IOException(ex.getMessage());
                    }
                }
            }
        }
        for (PendingLinks pl : pending) {
            for (var e : pl.parents().entrySet()) {
                IORegistryPlane plane = reg.plane(e.getKey());
                List<IORegistryEntry> parents = new ArrayList<>();
                for (String pid : e.getValue()) {
                    parents.add(resolve(byId, pid));
                }
                try {
                    reg.setLinkOrder(pl.entry(), plane, parents, null);
                } catch (IllegalArgumentException ex) {
                    throw new IOException("entry " + JsonSnapshotWriter.id(pl.entry()) + ": its parents in "
                            + plane + " do not list it as their child");
                }
            }
        }
    }

    private static IORegistryEntry resolve(Map<String, IORegistryEntry> byId, String id) throws IOException {
        IORegistryEntry e = byId.get(id);
        if (e == null) {
            throw new IOException("link to unknown entry id " + id);
        }
        return e;
    }

    /** An entry's fields as read from the file. */
    private record ParsedEntry(String id, String cls, String name, String location, List<String> inheritance,
                               EntryState state, OSDictionary properties, OSDictionary snapshotInfo,
                               Map<String, String[]> planeNames, Map<String, List<String>> parents,
                               Map<String, List<String>> children) {
    }

    private ParsedEntry entry(JsonParser p, ParseLimits limits) throws IOException {
        String id = null;
        String cls = null;
        String nm = null;
        String loc = null;
        List<String> inheritance = List.of();
        EntryState state = EntryState.PLAIN;
        OSDictionary props = OSDictionary.empty();
        OSDictionary snapInfo = OSDictionary.empty();
        Map<String, String[]> planeNames = new LinkedHashMap<>();
        Map<String, List<String>> parents = new LinkedHashMap<>();
        Map<String, List<String>> children = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> id = p.getText();
                case "class" -> cls = p.getText();
                case "name" -> nm = p.getText();
                case "location" -> loc = t == JsonToken.VALUE_NULL ? null : p.getText();
                case "inheritance" -> inheritance = strings(p);
                case "state" -> state = state(p);
                case "properties" -> props = dictionary(p, limits);
                case "snapshotInfo" -> snapInfo = dictionary(p, limits);
                case "planes" -> {
                    expect(t, JsonToken.START_OBJECT, "an object of planes");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String plane = p.currentName();
                        expect(p.nextToken(), JsonToken.START_OBJECT, "a plane object");
                        String[] nl = new String[2];
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String pf = p.currentName();
                            p.nextToken();
                            switch (pf) {
                                case "name" -> nl[0] = p.getText();
                                case "location" -> nl[1] = p.getText();
                                case "parents" -> parents.put(plane, strings(p));
                                case "children" -> children.put(plane, strings(p));
                                default -> p.skipChildren();
                            }
                        }
                        planeNames.put(plane, nl);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (id == null || cls == null || nm == null) {
            throw new IOException("an entry needs \"id\", \"class\" and \"name\"");
        }
        return new ParsedEntry(id, cls, nm, loc, inheritance, state, props, snapInfo, planeNames, parents, children);
    }

    private static PendingLinks materialize(IORegistry reg, ParsedEntry pe, boolean isRoot) throws IOException {
        long numericId = parseId(pe.id());
        IORegistryEntry e;
        if (isRoot) {
            e = reg.root();
        } else {
            try {
                e = reg.createEntry(numericId, pe.cls(), pe.name());
            } catch (IllegalArgumentException ex) {
                throw new IOException(ex.getMessage());
            }
        }
        e.setName(pe.name());
        e.setClassName(pe.cls());
        e.setInheritance(pe.inheritance());
        e.setLocation(pe.location());
        e.setState(pe.state());
        e.setProperties(pe.properties());
        e.setSnapshotInfo(pe.snapshotInfo());
        for (var pn : pe.planeNames().entrySet()) {
            IORegistryPlane plane = reg.plane(pn.getKey());
            if (pn.getValue()[0] != null) {
                e.setName(plane, pn.getValue()[0]);
            }
            if (pn.getValue()[1] != null) {
                e.setLocation(plane, pn.getValue()[1]);
            }
        }
        return new PendingLinks(e, pe.parents(), pe.children());
    }

    private static long parseId(String id) throws IOException {
        try {
            if (id.startsWith("0x") || id.startsWith("0X")) {
                return Long.parseUnsignedLong(id.substring(2), 16);
            }
            return Long.parseUnsignedLong(id);
        } catch (NumberFormatException e) {
            throw new IOException("bad entry id " + id);
        }
    }

    private static EntryState state(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, "a state object");
        boolean service = false;
        boolean registered = false;
        boolean matched = false;
        boolean active = false;
        int busy = 0;
        long busyTime = -1;
        int retain = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "service" -> service = p.getBooleanValue();
                case "registered" -> registered = p.getBooleanValue();
                case "matched" -> matched = p.getBooleanValue();
                case "active" -> active = p.getBooleanValue();
                case "busy" -> busy = p.getIntValue();
                case "busyTimeMs" -> busyTime = p.getLongValue();
                case "retain" -> retain = p.getIntValue();
                default -> p.skipChildren();
            }
        }
        return new EntryState(service, registered, matched, active, busy, busyTime, retain);
    }

    private static List<String> strings(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, "an array of strings");
        List<String> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            out.add(p.getText());
        }
        expect(p.currentToken(), JsonToken.END_ARRAY, "only strings in the array");
        return out;
    }

    private static OSDictionary dictionary(JsonParser p, ParseLimits limits) throws IOException {
        OSObject v = JsonValues.read(p, 0, limits.maxDepth());
        if (!(v instanceof OSDictionary d)) {
            throw new IOException("expected a dictionary, found " + v.typeName());
        }
        return d;
    }

    private static void expect(JsonToken actual, JsonToken wanted, String what) throws IOException {
        if (actual != wanted) {
            throw new IOException("expected " + what + ", found " + (actual == null ? "end of input" : actual));
        }
    }
}
