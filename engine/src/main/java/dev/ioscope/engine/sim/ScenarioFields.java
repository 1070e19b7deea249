package dev.ioscope.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ioscope.engine.io.SnapshotException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields each core scenario action takes and the JSON type of each (docs/scenarios.md), checked when the
 * scenario is read: a wrong type is rejected with the file, the action's index and the field, never coerced
 * ({@code "at": "5"} is not 5, {@code "index": true} is not 1), and a field a core action does not take is
 * refused as the typo it is. One entry per action, so the checks move with the action when actions become typed.
 * Extension actions (power, user clients, machine) have their own readers; for them only {@code do} and
 * {@code at} are checked here.
 */
final class ScenarioFields {
    /** A field's JSON type. */
    enum Kind {
        TEXT("a string"), WHOLE("a whole number of at least 0"), OBJECT("a JSON object"), ANY("any JSON value");

        final String words;

        Kind(String words) {
            this.words = words;
        }

        boolean accepts(JsonNode n) {
            return switch (this) {
                case TEXT -> n.isTextual();
                case WHOLE -> n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0;
                case OBJECT -> n.isObject();
                case ANY -> true;
            };
        }
    }

    /** Fields every action may have. */
    private static final Map<String, Kind> COMMON = fields("do", Kind.TEXT, "at", Kind.WHOLE, "doc", Kind.TEXT);

    private static final Map<String, Map<String, Kind>> CORE = Map.ofEntries(
            Map.entry("publish", fields("parent", Kind.TEXT, "class", Kind.TEXT, "name", Kind.TEXT,
                    "location", Kind.TEXT, "properties", Kind.OBJECT)),
            Map.entry("register", fields("path", Kind.TEXT)),
            Map.entry("terminate", fields("path", Kind.TEXT)),
            Map.entry("set-property", fields("path", Kind.TEXT, "key", Kind.TEXT, "value", Kind.ANY)),
            Map.entry("load-kext", fields("path", Kind.TEXT)),
            Map.entry("unload-kext", fields("bundle", Kind.TEXT)),
            Map.entry("add-notification", fields("type", Kind.TEXT, "matching", Kind.OBJECT)),
            Map.entry("advance", fields()),
            Map.entry("raise-interrupt", fields("path", Kind.TEXT, "index", Kind.WHOLE, "controller", Kind.TEXT,
                    "vector", Kind.WHOLE)),
            Map.entry("register-interrupt-controller", fields("name", Kind.TEXT, "path", Kind.TEXT,
                    "vectors", Kind.WHOLE, "level", Kind.ANY, "shareable", Kind.ANY)),
            Map.entry("add-interrupt-source", fields("path", Kind.TEXT, "index", Kind.WHOLE, "name", Kind.TEXT,
                    "filter", Kind.TEXT, "enable", Kind.ANY)),
            Map.entry("dma-transfer", fields("path", Kind.TEXT, "ranges", Kind.TEXT, "type", Kind.TEXT,
                    "prepared", Kind.ANY, "direction", Kind.TEXT, "output", Kind.TEXT, "numAddressBits", Kind.ANY,
                    "maxSegmentSize", Kind.ANY, "maxTransferSize", Kind.ANY, "alignment", Kind.ANY,
                    "alignmentLength", Kind.ANY, "alignmentInternalSegments", Kind.ANY, "lastPhysical", Kind.ANY,
                    "lowMemory", Kind.ANY, "offset", Kind.ANY, "length", Kind.ANY, "perCall", Kind.ANY,
                    "memory", Kind.TEXT)),
            Map.entry("memory-create", fields("name", Kind.TEXT, "path", Kind.TEXT, "task", Kind.TEXT,
                    "direction", Kind.TEXT, "capacity", Kind.ANY, "alignment", Kind.ANY, "physicalMask", Kind.ANY,
                    "options", Kind.TEXT, "ranges", Kind.TEXT, "type", Kind.TEXT)),
            Map.entry("memory-prepare", fields("name", Kind.TEXT, "direction", Kind.TEXT)),
            Map.entry("memory-complete", fields("name", Kind.TEXT)),
            Map.entry("memory-set-length", fields("name", Kind.TEXT, "length", Kind.ANY)),
            Map.entry("memory-map", fields("name", Kind.TEXT, "as", Kind.TEXT, "task", Kind.TEXT,
                    "options", Kind.TEXT, "address", Kind.ANY, "offset", Kind.ANY, "length", Kind.ANY)),
            Map.entry("memory-unmap", fields("map", Kind.TEXT)),
            Map.entry("memory-release", fields("name", Kind.TEXT, "map", Kind.TEXT)),
            Map.entry("enable-interrupt", fields("path", Kind.TEXT, "source", Kind.TEXT)),
            Map.entry("disable-interrupt", fields("path", Kind.TEXT, "source", Kind.TEXT)),
            Map.entry("remove-notification", fields("id", Kind.WHOLE)),
            Map.entry("dext-crash", fields("server", Kind.TEXT)));

    private ScenarioFields() {
    }

    private static Map<String, Kind> fields(Object... kv) {
        Map<String, Kind> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Kind) kv[i + 1]);
        }
        return m;
    }

    /** Checks action {@code a} (at {@code place}, e.g. "actions[3]") of type {@code type}. */
    static void check(String file, String place, String type, JsonNode a) throws SnapshotException {
        Map<String, Kind> own = CORE.get(type);
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            var f = it.next();
            Kind k = COMMON.get(f.getKey());
            if (k == null && own != null) {
                k = own.get(f.getKey());
                if (k == null) {
                    throw new SnapshotException(file, place + "." + f.getKey(), "\"" + type + "\" takes no field \""
                            + f.getKey() + "\" (it takes: " + String.join(", ", own.keySet()) + ")");
                }
            }
            if (k != null && !k.accepts(f.getValue())) {
                throw new SnapshotException(file, place + "." + f.getKey(), k.words + " is expected, not "
                        + f.getValue());
            }
        }
    }

    /** A top-level field of the JSON type {@code kind}, when present. */
    static void checkTop(String file, JsonNode root, String key, Kind kind) throws SnapshotException {
        JsonNode n = root.get(key);
        if (n != null && !n.isNull() && !kind.accepts(n)) {
            throw new SnapshotException(file, key, kind.words + " is expected, not " + n);
        }
    }
}
