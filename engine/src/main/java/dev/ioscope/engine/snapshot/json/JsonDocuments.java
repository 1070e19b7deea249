package dev.ioscope.engine.snapshot.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ioscope.engine.io.InputFiles;
import dev.ioscope.engine.io.SnapshotException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a hand-written JSON document whose top is one object (a scenario, a machine description) into a tree. One
 * place for the errors both report, so a user sees the same words for the same mistake in either file: where the
 * JSON breaks ({@code line:column}), that the file cannot be read, or that the top is not an object.
 */
public final class JsonDocuments {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A hand-written scenario or machine description is kilobytes; 64 MiB is far beyond any. */
    public static final long MAX_BYTES = 64L << 20;

    private JsonDocuments() {
    }

    /** The file's top-level object; {@code what} names the document in the error ("a scenario"). */
    public static JsonNode readObject(Path file, String what) throws SnapshotException {
        return readObject(InputFiles.read(file, MAX_BYTES), file.toString(), what);
    }

    /** The top-level object of {@code data}, read from {@code name}. */
    public static JsonNode readObject(byte[] data, String name, String what) throws SnapshotException {
        JsonNode root;
        try {
            root = tree(data);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new SnapshotException(name, loc == null ? null : loc.getLineNr() + ":" + loc.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SnapshotException(name, null, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SnapshotException(name, null, what + " is a JSON object");
        }
        return root;
    }

    /**
     * The same tree {@code ObjectMapper.readTree} builds (int, long and big-integer nodes by size, doubles, the
     * last of duplicate keys), from the streaming parser: an ObjectMapper's first construction costs ~70 ms of
     * class loading, most of what reading the bundled machine took in a fresh JVM (docs/benchmarks.md "Boot").
     * Nesting is bounded by the parser's StreamReadConstraints (depth 1000), reported as malformed JSON.
     */
    static JsonNode tree(byte[] data) throws IOException {
        try (JsonParser p = FACTORY.createParser(data)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            JsonNode n = value(p, t);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "trailing content after the document");
            }
            return n;
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    a.add(value(p, v));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(p, "unexpected " + t);
        }
    }
}
