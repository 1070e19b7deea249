package dev.ioscope.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Objects;

/**
 * A scenario action's field that takes more than one JSON type — a number or its text ({@code 2}, {@code "2"},
 * {@code "0x1000"}), a flag or its text ({@code true}, {@code "true"}), an array — kept as the file wrote it, so a
 * saved scenario writes it back unchanged. The action that reads it says what it must be and journals a bad one.
 *
 * @param json the value as read (never null; JSON null is a NullNode)
 */
public record JsonValue(JsonNode json) {
    public JsonValue {
        Objects.requireNonNull(json, "json");
    }

    /** A string value. */
    public static JsonValue of(String s) {
        return new JsonValue(JsonNodeFactory.instance.textNode(s));
    }

    /** A whole-number value. */
    public static JsonValue of(long n) {
        return new JsonValue(JsonNodeFactory.instance.numberNode(n));
    }

    /** A boolean value. */
    public static JsonValue of(boolean b) {
        return new JsonValue(JsonNodeFactory.instance.booleanNode(b));
    }

    /** The value as text: a string as itself, anything else as its JSON text ({@code 2}, {@code true}, {@code [1]}). */
    public String text() {
        return json.isTextual() ? json.asText() : json.toString();
    }

    /** The text of a value that may be absent. */
    public static String text(JsonValue v) {
        return v == null ? null : v.text();
    }

    @Override
    public String toString() {
        return text();
    }
}
