package dev.ioscope.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.json.JsonDocuments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario file (docs/scenarios.md): the machine (a snapshot, a machine description, or an empty platform),
 * kexts, and timed actions.
 *
 * @param file     where it was read from (relative paths in it are relative to its folder), or null
 * @param snapshot the snapshot to start from, or null
 * @param kexts    kexts loaded at time 0
 * @param actions  the actions, in file order
 * @param maxSteps a bound on scheduler steps (a scenario whose drivers loop forever still ends)
 * @param machine  the machine description to boot when there is no snapshot: {@link #DEFAULT_MACHINE}, {@link
 *                 #EMPTY_MACHINE}, or a machine JSON file (resolved against the scenario's folder); null when the
 *                 scenario names none, which {@code ioscope run} and the workbench read as the default machine
 *                 and {@link Simulation#of} (which knows no machines) as the empty platform
 */
public record Scenario(Path file, Path snapshot, List<Path> kexts, List<Action> actions, long maxSteps,
                       String machine) {
    /** {@code "machine": "default"}: the bundled virtual Mac. */
    public static final String DEFAULT_MACHINE = "default";
    /** {@code "machine": "empty"}: only IOPlatformExpertDevice and IOResources, as {@link Simulation#of} builds. */
    public static final String EMPTY_MACHINE = "empty";

    public Scenario {
        kexts = List.copyOf(kexts);
        actions = List.copyOf(actions);
    }

    /** A scenario naming no machine. */
    public Scenario(Path file, Path snapshot, List<Path> kexts, List<Action> actions, long maxSteps) {
        this(file, snapshot, kexts, actions, maxSteps, null);
    }

    /** This scenario on another machine (null: none named). */
    public Scenario withMachine(String m) {
        return new Scenario(file, snapshot, kexts, actions, maxSteps, m);
    }

    /** This scenario with other actions. */
    public Scenario withActions(List<Action> more) {
        return new Scenario(file, snapshot, kexts, more, maxSteps, machine);
    }

    /** Whether the machine is built from a description (no snapshot, and not the empty platform). */
    public boolean bootsMachine() {
        return snapshot == null && !EMPTY_MACHINE.equals(machine);
    }

    /**
     * One timed action: at {@code at} ns, what {@code op} says (a record per action; docs/scenarios.md).
     *
     * @param at    virtual time, ns
     * @param op    the action and its typed fields
     * @param doc   the file's note on the action ({@code "doc"}), or null
     * @param order the field names as the file gave them ({@code doc} among them), so a saved scenario writes them
     *              in the same order; empty for an action made in code (its record's order)
     */
    public record Action(long at, ScenarioAction op, String doc, List<String> order) {
        public Action {
            Objects.requireNonNull(op, "op");
            order = List.copyOf(order);
        }

        /** An action made in code. */
        public Action(long at, ScenarioAction op) {
            this(at, op, null, List.of());
        }

        /** The action's name ({@code "do"}). */
        public String type() {
            return op.actionName();
        }

        /** This action at another time. */
        public Action at(long t) {
            return new Action(t, op, doc, order);
        }
    }

    public static Scenario read(Path file) throws SnapshotException {
        String name = file.toString();
        JsonNode root = JsonDocuments.readObject(file, "a scenario");
        Path base = file.toAbsolutePath().getParent();
        checkTop(name, root, "snapshot", ActionField.Type.TEXT);
        checkTop(name, root, "maxSteps", ActionField.Type.WHOLE);
        if (root.has("kexts") && !root.get("kexts").isArray()) {
            throw new SnapshotException(name, "kexts", "an array of paths is expected, not " + root.get("kexts"));
        }
        if (root.has("actions") && !root.get("actions").isArray()) {
            throw new SnapshotException(name, "actions", "an array of actions is expected, not " + root.get("actions"));
        }
        Path snapshot = root.hasNonNull("snapshot") ? base.resolve(root.get("snapshot").asText()) : null;
        String machine = null;
        if (root.hasNonNull("machine")) {
            if (!root.get("machine").isTextual()) {
                throw new SnapshotException(name, "machine", "\"machine\" is \"default\", \"empty\" or a file name");
            }
            if (snapshot != null) {
                throw new SnapshotException(name, "machine",
                        "a scenario starts from a snapshot or a machine, not both");
            }
            machine = root.get("machine").asText();
            if (!machine.equals(DEFAULT_MACHINE) && !machine.equals(EMPTY_MACHINE)) {
                machine = base.resolve(machine).toString();
            }
        }
        List<Path> kexts = new ArrayList<>();
        int kextIndex = 0;
        for (JsonNode k : root.path("kexts")) {
            if (!k.isTextual()) {
                throw new SnapshotException(name, "kexts[" + kextIndex + "]", "a path string is expected, not " + k);
            }
            kextIndex++;
            kexts.add(base.resolve(k.asText()));
        }
        List<Action> actions = new ArrayList<>();
        int i = 0;
        for (JsonNode a : root.path("actions")) {
            String place = "actions[" + i++ + "]";
            if (!a.isObject() || !a.hasNonNull("do")) {
                throw new SnapshotException(name, place, "an action is an object with \"do\"");
            }
            if (!a.get("do").isTextual()) {
                throw new SnapshotException(name, place + ".do", "the action's name is a string, not " + a.get("do"));
            }
            String type = a.get("do").asText();
            ActionType<?> core = core(type);
            ScenarioAction op;
            if (core != null) {
                op = core.read(name, place, a);
            } else {
                // whether another action is known depends on the plugins loaded: Simulation.of types it
                op = unread(name, place, type, a);
            }
            List<String> order = new ArrayList<>();
            a.fieldNames().forEachRemaining(f -> {
                if (!f.equals("at") && !f.equals("do")) {
                    order.add(f);
                }
            });
            actions.add(new Action(a.path("at").asLong(0), op, a.hasNonNull("doc") ? a.get("doc").asText() : null,
                    order));
        }
        long maxSteps = root.path("maxSteps").asLong(1_000_000);
        return new Scenario(file, snapshot, kexts, actions, maxSteps, machine);
    }

    /** The core action named {@code id}, or null. */
    static ActionType<?> core(String id) {
        for (ActionType<?> t : CoreAction.TYPES) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** An action the core does not know: its common fields checked, the rest kept for its extension to read. */
    private static ScenarioAction.Unread unread(String file, String place, String type, JsonNode a)
            throws SnapshotException {
        ObjectNode fields = ActionType.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            var f = it.next();
            ActionField common = ActionType.COMMON.stream().filter(c -> c.json().equals(f.getKey())).findFirst()
                    .orElse(null);
            if (common == null) {
                fields.set(f.getKey(), f.getValue());
            } else if (!common.type().accepts(f.getValue())) {
                throw new SnapshotException(file, place + "." + f.getKey(), common.type().words
                        + " is expected, not " + f.getValue());
            }
        }
        return new ScenarioAction.Unread(type, fields);
    }

    /** A top-level field of the JSON type {@code type}, when present. */
    private static void checkTop(String file, JsonNode root, String key, ActionField.Type type)
            throws SnapshotException {
        JsonNode n = root.get(key);
        if (n != null && !n.isNull() && !type.accepts(n)) {
            throw new SnapshotException(file, key, type.words + " is expected, not " + n);
        }
    }

    /**
     * JSON to libkern values: string → OSString, integer → 32-bit OSNumber (64-bit when it does not fit),
     * boolean → OSBoolean, array → OSArray, object → OSDictionary, except {@code {"data":"hex"}} → OSData and
     * {@code {"number":n,"bits":b}} → OSNumber of that width.
     */
    public static OSObject value(JsonNode n, String file, String place, int depth) throws SnapshotException {
        if (depth > 64) {
            throw new SnapshotException(file, place, "nesting deeper than 64");
        }
        if (n.isTextual()) {
            return OSString.of(n.asText());
        }
        if (n.isBoolean()) {
            return OSBoolean.of(n.asBoolean());
        }
        if (n.isIntegralNumber()) {
            long v = n.asLong();
            return OSNumber.of(v, v == (int) v || (v >= 0 && v <= 0xffffffffL) ? 32 : 64);
        }
        if (n.isArray()) {
            List<OSObject> items = new ArrayList<>();
            for (JsonNode x : n) {
                items.add(value(x, file, place, depth + 1));
            }
            return OSArray.of(items);
        }
        if (n.isObject()) {
            if (n.size() == 1 && n.has("data") && n.get("data").isTextual()) {
                try {
                    return OSData.ofHex(n.get("data").asText());
                } catch (IllegalArgumentException e) {
                    throw new SnapshotException(file, place, "bad hex in \"data\"");
                }
            }
            if (n.has("number") && n.size() <= 2) {
                int bits = n.path("bits").asInt(32);
                try {
                    return OSNumber.of(n.get("number").asLong(), bits);
                } catch (IllegalArgumentException e) {
                    throw new SnapshotException(file, place, e.getMessage());
                }
            }
            OSDictionary.Builder b = OSDictionary.builder();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var f = it.next();
                b.put(f.getKey(), value(f.getValue(), file, place + "." + f.getKey(), depth + 1));
            }
            return b.build();
        }
        throw new SnapshotException(file, place, "unsupported JSON value " + n.getNodeType());
    }
}
