package dev.ioscope.engine.machine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ioscope.engine.io.InputFiles;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.snapshot.json.JsonDocuments;
import dev.ioscope.engine.spi.DeviceSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads machine descriptions (docs/machines.md). Errors are SnapshotExceptions naming file, place and problem. */
public final class MachineReader {
    /** Bounds a description's nesting (a device tree deeper than this is a mistake, not a machine). */
    static final int MAX_DEPTH = 64;
    static final long MAX_BYTES = 4L << 20;

    private MachineReader() {
    }

    public static MachineDescription read(Path file) throws SnapshotException {
        return read(InputFiles.read(file, MAX_BYTES), file.toString());
    }

    public static MachineDescription read(InputStream in, String name) throws SnapshotException {
        try (in) {
            return read(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new SnapshotException(name, null, "cannot read: " + e.getMessage());
        }
    }

    public static MachineDescription read(byte[] data, String name) throws SnapshotException {
        JsonNode root = JsonDocuments.readObject(data, name, "a machine description");
        if (!root.path("platform").isObject()) {
            throw new SnapshotException(name, "platform", "missing the \"platform\" device object");
        }
        DeviceSpec platform = device(root.get("platform"), name, "platform", 0);
        return new MachineDescription(root.path("name").asText("machine"), platform, name);
    }

    /**
     * One device object as a machine description writes it (a hot-plugged device; a palette entry): the scenario's
     * JSON node as read, or JSON text (the palette's).
     */
    public static DeviceSpec device(Object json, String file, String place) throws SnapshotException {
        JsonNode n = json instanceof JsonNode j ? j : json == null ? null
                : JsonDocuments.readObject(
                        json.toString().getBytes(StandardCharsets.UTF_8), file, "a device");
        if (n == null) {
            throw new SnapshotException(file, place, "no device given");
        }
        return device(n, file, place, 0);
    }

    private static DeviceSpec device(JsonNode n, String file, String place, int depth) throws SnapshotException {
        if (depth > MAX_DEPTH) {
            throw new SnapshotException(file, place, "devices nested deeper than " + MAX_DEPTH);
        }
        if (!n.isObject()) {
            throw new SnapshotException(file, place, "a device is a JSON object");
        }
        if (!n.path("type").isTextual()) {
            throw new SnapshotException(file, place, "a device needs a \"type\" string");
        }
        OSDictionary props = OSDictionary.empty();
        if (n.has("properties")) {
            if (!(value(n.get("properties"), file, place + ".properties", depth) instanceof OSDictionary d)) {
                throw new SnapshotException(file, place + ".properties", "must be a JSON object");
            }
            props = d;
        }
        List<DeviceSpec> children = new ArrayList<>();
        JsonNode kids = n.path("children");
        if (!kids.isMissingNode() && !kids.isArray()) {
            throw new SnapshotException(file, place + ".children", "must be an array");
        }
        int i = 0;
        for (JsonNode c : kids) {
            children.add(device(c, file, place + ".children[" + i++ + "]", depth + 1));
        }
        return new DeviceSpec(n.get("type").asText(), text(n, "name"), text(n, "location"), props, n, children,
                place);
    }

    private static String text(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asText() : null;
    }

    /** JSON to libkern values, exactly as scenarios write them (docs/scenarios.md): one reading for both files. */
    static OSObject value(JsonNode n, String file, String place, int depth) throws SnapshotException {
        return Scenario.value(n, file, place, depth);
    }
}
