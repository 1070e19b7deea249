package dev.ioscope.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A scenario action's type: its name ({@code "do"}), its fields and the record that holds them
 * (docs/scenarios.md). It reads an action from JSON once, checking every field's JSON type and refusing a field
 * the action does not take, and writes the record back as the same JSON. The record's components are the fields
 * in order, each named after its field ({@link ActionField#component()}); that is checked when the type is made,
 * so a field renamed on one side only fails at once.
 *
 * @param <A> the action's record
 */
public final class ActionType<A extends ScenarioAction> {
    /** Fields every action may have besides its own. */
    static final List<ActionField> COMMON = List.of(ActionField.text("do"), ActionField.whole("at"),
            ActionField.text("doc"));

    private final String id;
    private final Class<A> record;
    private final List<ActionField> fields;
    private final RecordComponent[] components;
    private final Constructor<A> constructor;

    private ActionType(String id, Class<A> record, List<ActionField> fields) {
        this.id = id;
        this.record = record;
        this.fields = List.copyOf(fields);
        if (record == null) {
            components = new RecordComponent[0];
            constructor = null;
            return;
        }
        components = record.getRecordComponents();
        if (components == null || components.length != fields.size()) {
            throw new IllegalArgumentException(record.getName() + " is not a record of " + fields.size()
                    + " fields for \"" + id + "\"");
        }
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            ActionField f = fields.get(i);
            if (!components[i].getName().equals(f.component()) || components[i].getType() != f.type().javaType) {
                throw new IllegalArgumentException(record.getName() + "." + components[i].getName() + " does not "
                        + "hold \"" + f.json() + "\" (" + f.type().javaType.getSimpleName() + " " + f.component()
                        + ")");
            }
            types[i] = components[i].getType();
        }
        try {
            constructor = record.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(record.getName() + " has no canonical constructor", e);
        }
    }

    /** The type of action {@code id} held by {@code record}, whose components are {@code fields} in order. */
    public static <A extends Record & ScenarioAction> ActionType<A> of(String id, Class<A> record,
                                                                       ActionField... fields) {
        return new ActionType<>(id, record, List.of(fields));
    }

    /** An action no loaded vocabulary knows yet (read before the plugins that perform it are known). */
    static ActionType<ScenarioAction.Unread> unknown(String id) {
        return new ActionType<>(id, null, List.of());
    }

    /** The action's name, as {@code "do"} gives it. */
    public String id() {
        return id;
    }

    /** The record that holds the action's fields. */
    public Class<A> record() {
        return record;
    }

    /** The fields the action takes, in the order its record holds them. */
    public List<ActionField> fields() {
        return fields;
    }

    /**
     * Reads the action {@code a} (an object with {@code "do"}) at {@code place} (e.g. "actions[3]") of
     * {@code file}: every field must be one this action takes, of its type.
     */
    public A read(String file, String place, JsonNode a) throws SnapshotException {
        check(file, place, a);
        Object[] args = new Object[fields.size()];
        for (int i = 0; i < args.length; i++) {
            ActionField f = fields.get(i);
            JsonNode n = a.get(f.json());
            String at = place + "." + f.json();
            args[i] = switch (f.type()) {
                case TEXT -> n == null ? null : n.asText();
                case WHOLE -> n == null ? null : n.asLong();
                case OBJECT -> n == null ? OSDictionary.empty() : (OSDictionary) Scenario.value(n, file, at, 0);
                case VALUE -> n == null ? null : Scenario.value(n, file, at, 0);
                case JSON -> n == null ? null : new JsonValue(n);
            };
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new SnapshotException(file, place, String.valueOf(e.getCause().getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record.getName() + " cannot be made", e);
        }
    }

    private void check(String file, String place, JsonNode a) throws SnapshotException {
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            var f = it.next();
            ActionField field = field(COMMON, f.getKey());
            if (field == null) {
                field = field(fields, f.getKey());
            }
            if (field == null) {
                throw new SnapshotException(file, place + "." + f.getKey(), "\"" + id + "\" takes no field \""
                        + f.getKey() + "\" (it takes: " + String.join(", ", names()) + ")");
            }
            if (!field.type().accepts(f.getValue())) {
                throw new SnapshotException(file, place + "." + f.getKey(), field.type().words + " is expected, not "
                        + f.getValue());
            }
        }
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        fields.forEach(f -> out.add(f.json()));
        return out;
    }

    private static ActionField field(List<ActionField> in, String json) {
        for (ActionField f : in) {
            if (f.json().equals(json)) {
                return f;
            }
        }
        return null;
    }

    /** The field named {@code json} in a file, or null when this action takes none of that name. */
    public ActionField field(String json) {
        return field(fields, json);
    }

    /** The value {@code a} holds for {@code f}: a String, Long, OSDictionary, OSObject or {@link JsonValue}. */
    public Object get(ScenarioAction a, ActionField f) {
        int i = fields.indexOf(f);
        if (i < 0 || !record.isInstance(a)) {
            throw new IllegalArgumentException("\"" + id + "\" has no field \"" + f.json() + "\"");
        }
        try {
            return components[i].getAccessor().invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record.getName() + "." + f.component() + " cannot be read", e);
        }
    }

    /**
     * Writes {@code a}'s present fields into {@code out}: in {@code order} (the names as a file gave them, {@code doc}
     * among them; empty: the record's order), libkern data ({@code properties}, {@code matching}, {@code value})
     * last, as the file format has always been written.
     */
    void write(ScenarioAction a, String doc, List<String> order, ObjectNode out) {
        List<ActionField> seq = new ArrayList<>();
        for (String name : order) {
            ActionField f = name.equals("doc") ? COMMON.get(2) : field(name);
            if (f != null && !seq.contains(f)) {
                seq.add(f);
            }
        }
        fields.stream().filter(f -> !seq.contains(f)).forEach(seq::add);
        if (!seq.contains(COMMON.get(2))) {
            seq.add(COMMON.get(2));
        }
        for (ActionField f : seq) {
            if (f == COMMON.get(2)) {
                put(out, f, doc);
            } else if (!f.type().libkern()) {
                put(out, f, get(a, f));
            }
        }
        for (ActionField f : seq) {
            if (f.type().libkern()) {
                put(out, f, get(a, f));
            }
        }
    }

    private static void put(ObjectNode out, ActionField f, Object v) {
        if (v == null || v instanceof OSDictionary d && d.isEmpty()) {
            return;
        }
        switch (f.type()) {
            case TEXT -> out.put(f.json(), (String) v);
            case WHOLE -> out.put(f.json(), (Long) v);
            case OBJECT, VALUE -> out.set(f.json(), ScenarioWriter.value((OSObject) v));
            case JSON -> out.set(f.json(), ((JsonValue) v).json());
        }
    }

    /** An empty JSON object, to build an action's fields in. */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public String toString() {
        return id;
    }
}
