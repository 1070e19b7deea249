package dev.ioscope.engine.userclient;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes a method table as JSON:
 * <pre>
 * {"userClient": "IOScopeDemoUserClient",
 *  "methods": [{"selector": 0, "name": "getVersion", "scalarInputs": 0, "structureInput": 0,
 *               "scalarOutputs": 1, "structureOutput": 0, "async": false, "doc": "…"},
 *              {"selector": 1, "name": "write", "structureInput": "variable", …}]}
 * </pre>
 * A row may describe its structure's fields: {@code "structure": [{"name": "key", "offset": 0, "type": "fourcc"},
 * {"name": "bytes", "offset": 48, "type": "bytes", "size": 32}]} ({@link StructField}; fields must lie inside a
 * fixed-size structure).
 * A size is a number 0..4294967295 or {@code "variable"} (kIOUCVariableStructureSize). Missing shapes default to
 * 0; selectors must be 0..n-1 without gaps or repeats (the table is an array indexed by selector). Errors name the
 * source and the line:column.
 */
public final class MethodTableJson {
    /** A parsed table. */
    public record MethodTable(String userClient, List<MethodDescription> methods) {
    }

    /** A malformed table: names the source, the place and the problem. */
    public static final class MethodTableException extends Exception {
        public MethodTableException(String source, String place, String problem) {
            super(source + ":" + place + ": " + problem);
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private MethodTableJson() {
    }

    public static MethodTable read(byte[] json, String source) throws MethodTableException {
        try (JsonParser p = FACTORY.createParser(json)) {
            expect(p, p.nextToken() == JsonToken.START_OBJECT, source, "expected an object");
            String userClient = null;
            List<MethodDescription> methods = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "userClient" -> userClient = p.getValueAsString();
                    case "methods" -> methods = readMethods(p, source);
                    default -> p.skipChildren();
                }
            }
            expect(p, methods != null, source, "no \"methods\" array");
            Set<Integer> seen = new HashSet<>();
            for (MethodDescription m : methods) {
                if (m.selector() < 0 || m.selector() >= methods.size() || !seen.add(m.selector())) {
                    throw new MethodTableException(source, "methods", "selector " + m.selector()
                            + " repeats or leaves a gap (selectors must be 0.." + (methods.size() - 1) + ")");
                }
            }
            methods.sort((a, b) -> Integer.compare(a.selector(), b.selector()));
            return new MethodTable(userClient, List.copyOf(methods));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new MethodTableException(source, loc == null ? "?" : loc.getLineNr() + ":" + loc.getColumnNr(),
                    e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<MethodDescription> readMethods(JsonParser p, String source) throws IOException,
            MethodTableException {
        expect(p, p.currentToken() == JsonToken.START_ARRAY, source, "\"methods\" must be an array");
        List<MethodDescription> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String place = place(p);
            Integer selector = null;
            String name = null;
            String doc = "";
            String entitlement = null;
            int[] shape = new int[4];
            boolean async = false;
            List<StructField> structure = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "selector" -> selector = (int) size(p, source, false);
                    case "name" -> name = p.getValueAsString();
                    case "doc" -> doc = p.getValueAsString();
                    case "entitlement" -> entitlement = p.getValueAsString();
                    case "async" -> async = p.getValueAsBoolean();
                    case "scalarInputs" -> shape[0] = (int) size(p, source, true);
                    case "structureInput" -> shape[1] = (int) size(p, source, true);
                    case "scalarOutputs" -> shape[2] = (int) size(p, source, true);
                    case "structureOutput" -> shape[3] = (int) size(p, source, true);
                    case "structure" -> structure = readStructure(p, source);
                    default -> p.skipChildren();
                }
            }
            if (selector == null || name == null) {
                throw new MethodTableException(source, place, "a method needs \"selector\" and \"name\"");
            }
            for (StructField f : structure) {
                for (int size : new int[] {shape[1], shape[3]}) {
                    if (size != MethodDescription.VARIABLE && size != 0 && f.end() > Integer.toUnsignedLong(size)) {
                        throw new MethodTableException(source, place, "field " + f.name() + " ends at byte "
                                + f.end() + ", past the " + size + "-byte structure");
                    }
                }
            }
            out.add(new MethodDescription(selector, name, shape[0], shape[1], shape[2], shape[3], async, entitlement,
                    doc, structure));
        }
        expect(p, p.currentToken() == JsonToken.END_ARRAY, source, "methods must be objects");
        return out;
    }

    private static List<StructField> readStructure(JsonParser p, String source) throws IOException,
            MethodTableException {
        expect(p, p.currentToken() == JsonToken.START_ARRAY, source, "\"structure\" must be an array of fields");
        List<StructField> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String place = place(p);
            String name = null;
            String type = null;
            long offset = -1;
            long size = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> name = p.getValueAsString();
                    case "type" -> type = p.getValueAsString();
                    case "offset" -> offset = size(p, source, false);
                    case "size" -> size = size(p, source, false);
                    default -> p.skipChildren();
                }
            }
            if (name == null || type == null || offset < 0) {
                throw new MethodTableException(source, place, "a field needs \"name\", \"offset\" and \"type\"");
            }
            try {
                out.add(new StructField(name, (int) offset, type, (int) size));
            } catch (IllegalArgumentException e) {
                throw new MethodTableException(source, place, "field " + name + ": " + e.getMessage());
            }
        }
        expect(p, p.currentToken() == JsonToken.END_ARRAY, source, "structure fields must be objects");
        return List.copyOf(out);
    }

    private static long size(JsonParser p, String source, boolean variableAllowed) throws IOException,
            MethodTableException {
        if (variableAllowed && p.currentToken() == JsonToken.VALUE_STRING && "variable".equals(p.getText())) {
            return MethodDescription.VARIABLE;
        }
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new MethodTableException(source, place(p), "expected a whole number"
                    + (variableAllowed ? " or \"variable\"" : "") + ", found " + p.getText());
        }
        long v = p.getLongValue();
        if (v < 0 || v > 0xffffffffL) {
            throw new MethodTableException(source, place(p), v + " is outside 0..4294967295");
        }
        return v;
    }

    private static String place(JsonParser p) {
        var loc = p.currentTokenLocation();
        return loc.getLineNr() + ":" + loc.getColumnNr();
    }

    private static void expect(JsonParser p, boolean ok, String source, String problem) throws MethodTableException {
        if (!ok) {
            throw new MethodTableException(source, place(p), problem);
        }
    }

    public static byte[] write(MethodTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            if (table.userClient() != null) {
                g.writeStringField("userClient", table.userClient());
            }
            g.writeArrayFieldStart("methods");
            for (MethodDescription m : table.methods()) {
                g.writeStartObject();
                g.writeNumberField("selector", m.selector());
                g.writeStringField("name", m.name());
                writeSize(g, "scalarInputs", m.scalarInputs());
                writeSize(g, "structureInput", m.structureInputSize());
                writeSize(g, "scalarOutputs", m.scalarOutputs());
                writeSize(g, "structureOutput", m.structureOutputSize());
                g.writeBooleanField("async", m.async());
                if (m.entitlement() != null) {
                    g.writeStringField("entitlement", m.entitlement());
                }
                g.writeStringField("doc", m.doc() == null ? "" : m.doc());
                if (!m.structure().isEmpty()) {
                    g.writeArrayFieldStart("structure");
                    for (StructField f : m.structure()) {
                        g.writeStartObject();
                        g.writeStringField("name", f.name());
                        g.writeNumberField("offset", f.offset());
                        g.writeStringField("type", f.type());
                        if (f.type().equals("bytes")) {
                            g.writeNumberField("size", f.size());
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).concat("\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void writeSize(JsonGenerator g, String field, int v) throws IOException {
        if (v == MethodDescription.VARIABLE) {
            g.writeStringField(field, "variable");
        } else {
            g.writeNumberField(field, Integer.toUnsignedLong(v));
        }
    }
}
