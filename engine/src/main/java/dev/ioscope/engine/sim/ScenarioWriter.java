package dev.ioscope.engine.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario as the JSON {@link Scenario#read} reads (docs/scenarios.md): what the workbench saves so that
 * {@code ioscope run} replays a session headlessly with the same journal. Paths are written absolute (the file may
 * be saved anywhere); libkern values in the shapes {@link Scenario#value} reads back to equal values.
 */
public final class ScenarioWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Fields of libkern data, written after an action's other fields. */
    private static final List<String> LIBKERN = List.of("value", "matching", "properties");

    private ScenarioWriter() {
    }

    /** The scenario as a JSON object (callers may add their own keys, e.g. the workbench's breakpoints). */
    public static ObjectNode toJson(Scenario s) {
        ObjectNode root = F.objectNode();
        if (s.snapshot() != null) {
            root.put("snapshot", s.snapshot().toAbsolutePath().toString());
        } else if (s.machine() != null) {
            root.put("machine", s.machine());
        }
        if (!s.kexts().isEmpty()) {
            ArrayNode k = root.putArray("kexts");
            for (Path p : s.kexts()) {
                k.add(p.toAbsolutePath().toString());
            }
        }
        root.put("maxSteps", s.maxSteps());
        ArrayNode actions = root.putArray("actions");
        for (Scenario.Action a : s.actions()) {
            actions.add(action(a));
        }
        return root;
    }

    /** Pretty-printed JSON text. */
    public static String write(ObjectNode json) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);   // a tree of plain nodes always serialises
        }
    }

    /** One action as a single line of JSON, as it appears in a saved file's {@code actions} array. */
    public static String line(Scenario.Action a) {
        return action(a).toString();
    }

    static ObjectNode action(Scenario.Action a) {
        ObjectNode n = F.objectNode();
        n.put("at", a.at());
        n.put("do", a.type());
        if (a.op() instanceof ScenarioAction.Unread u) {
            // an action no extension has typed yet: its fields as read, libkern data last as for every action
            List<String> names = new ArrayList<>(a.order());
            u.fields().fieldNames().forEachRemaining(f -> {
                if (!names.contains(f)) {
                    names.add(f);
                }
            });
            for (String f : names) {
                if (f.equals("doc") && a.doc() != null) {
                    n.put("doc", a.doc());
                } else if (u.fields().has(f) && !LIBKERN.contains(f)) {
                    n.set(f, u.fields().get(f));
                }
            }
            LIBKERN.stream().filter(u.fields()::has).forEach(f -> n.set(f, u.fields().get(f)));
        } else {
            a.op().actionType().write(a.op(), a.doc(), a.order(), n);
        }
        return n;
    }

    /** libkern → JSON, the inverse of {@link Scenario#value}. */
    public static JsonNode value(OSObject v) {
        if (v instanceof OSString s) {
            return F.textNode(s.value());
        }
        if (v instanceof OSSymbol s) {
            return F.textNode(s.value());
        }
        if (v instanceof OSBoolean b) {
            return F.booleanNode(b.value());
        }
        if (v instanceof OSNumber n) {
            // Scenario.value reads a plain integer as 32 bits when it fits, else 64: other widths say so
            boolean plain = n.bits() == 32 || (n.bits() == 64 && n.value() > 0xffffffffL);
            if (plain) {
                return F.numberNode(n.value());
            }
            ObjectNode o = F.objectNode();
            o.put("number", n.value());
            o.put("bits", n.bits());
            return o;
        }
        if (v instanceof OSData d) {
            ObjectNode o = F.objectNode();
            o.put("data", d.toHex());
            return o;
        }
        if (v instanceof OSArray a) {
            ArrayNode arr = F.arrayNode();
            a.items().forEach(x -> arr.add(value(x)));
            return arr;
        }
        if (v instanceof OSSet set) {
            ArrayNode arr = F.arrayNode();
            set.members().forEach(x -> arr.add(value(x)));
            return arr;
        }
        if (v instanceof OSDictionary d) {
            ObjectNode o = F.objectNode();
            d.forEach((k, x) -> o.set(k, value(x)));
            return o;
        }
        return F.textNode(String.valueOf(v));
    }
}
