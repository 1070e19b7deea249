package dev.ioscope.engine.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.os.OSSymbol;

import java.nio.file.Path;

/**
 * Writes a {@link Scenario} back as scenario JSON (docs/scenarios.md), so a session built up by hand (a workbench's
 * console calls, power buttons, hot-plugs) can be saved and replayed with {@code ioscope run}. Reading the output
 * with {@link Scenario#read} gives the same machine, kexts and actions: paths are written absolute (a saved file
 * may live anywhere), every argument keeps the exact string {@link Scenario#read} made of it, and properties use
 * the value forms {@link Scenario#value} reads ({@code {"data": hex}}, {@code {"number": n, "bits": b}}).
 */
public final class ScenarioWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioWriter() {
    }

    public static String write(Scenario s) {
        ObjectNode root = JSON.createObjectNode();
        if (s.snapshot() != null) {
            root.put("snapshot", s.snapshot().toAbsolutePath().toString());
        }
        if (!s.kexts().isEmpty()) {
            ArrayNode k = root.putArray("kexts");
            s.kexts().forEach(p -> k.add(p.toAbsolutePath().toString()));
        }
        if (s.maxSteps() != 1_000_000) {
            root.put("maxSteps", s.maxSteps());
        }
        ArrayNode actions = root.putArray("actions");
        for (Scenario.Action a : s.actions()) {
            actions.add(action(a));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);   // a tree of plain nodes always serializes
        }
    }

    /** Writes {@code s} to {@code file}. */
    public static void write(Scenario s, Path file) throws java.io.IOException {
        java.nio.file.Files.writeString(file, write(s));
    }

    /** One action as a single line of scenario JSON, as it appears in a saved file's {@code actions} array. */
    public static String line(Scenario.Action a) {
        return action(a).toString();
    }

    private static ObjectNode action(Scenario.Action a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("at", a.at());
        o.put("do", a.type());
        a.args().forEach((k, v) -> {
            if (!k.equals("at") && !k.equals("do") && v != null) {
                o.set(k, arg(v.toString()));
            }
        });
        OSDictionary p = a.properties();
        if (a.type().equals("add-notification")) {
            o.set("matching", value(p));
        } else if (a.type().equals("set-property") && p.size() == 1 && p.containsKey("value")) {
            o.set("value", value(p.get("value")));
        } else if (!p.isEmpty()) {
            o.set("properties", value(p));
        }
        return o;
    }

    /**
     * An argument as JSON: a number, boolean or array when reading it back gives exactly this string again (so
     * {@code "scalars": [2,3]} stays an array), otherwise a JSON string.
     */
    private static JsonNode arg(String v) {
        if (!v.isEmpty() && (Character.isDigit(v.charAt(0)) || v.charAt(0) == '-' || v.charAt(0) == '['
                || v.equals("true") || v.equals("false"))) {
            try {
                JsonNode n = JSON.readTree(v);
                if (n != null && !n.isTextual() && !n.isObject() && n.toString().equals(v)) {
                    return n;
                }
            } catch (JsonProcessingException e) {
                // not JSON: a string
            }
        }
        return JSON.getNodeFactory().textNode(v);
    }

    private static JsonNode value(OSObject v) {
        var f = JSON.getNodeFactory();
        if (v instanceof OSString s) {
            return f.textNode(s.value());
        }
        if (v instanceof OSSymbol s) {
            return f.textNode(s.value());
        }
        if (v instanceof OSBoolean b) {
            return f.booleanNode(b.value());
        }
        if (v instanceof OSNumber n) {
            long x = n.value();
            boolean plainReadsBack = n.bits() == 32 || n.bits() == 64 && x != (int) x && (x < 0 || x > 0xffffffffL);
            if (plainReadsBack) {
                return f.numberNode(x);
            }
            return f.objectNode().put("number", x).put("bits", n.bits());
        }
        if (v instanceof OSData d) {
            return f.objectNode().put("data", d.toHex());
        }
        if (v instanceof OSArray a) {
            ArrayNode out = f.arrayNode();
            a.items().forEach(i -> out.add(value(i)));
            return out;
        }
        if (v instanceof OSSet s) {
            ArrayNode out = f.arrayNode();
            s.members().forEach(i -> out.add(value(i)));
            return out;
        }
        if (v instanceof OSDictionary d) {
            ObjectNode out = f.objectNode();
            d.forEach((k, x) -> out.set(k, value(x)));
            return out;
        }
        return f.textNode(String.valueOf(v));
    }
}
