package dev.ioscope.engine.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;

/**
 * One field of a scenario action as a file writes it: its JSON name and its type. The record component that
 * holds it is named after it ({@code "interval-us"} → {@code intervalUs}; {@code "class"} → {@code className}).
 *
 * @param json the field's name in the file
 * @param type what the field holds
 */
public record ActionField(String json, Type type) {
    /** What a field holds, the JSON it takes and the Java type its record component has. */
    public enum Type {
        /** A JSON string: {@code String}. */
        TEXT("a string", String.class),
        /** A JSON whole number of at least 0: {@code Long}. */
        WHOLE("a whole number of at least 0", Long.class),
        /** A JSON object read as libkern values: {@code OSDictionary} (empty when absent). */
        OBJECT("a JSON object", OSDictionary.class),
        /** Any JSON value read as a libkern value: {@code OSObject}. */
        VALUE("any JSON value", OSObject.class),
        /** Any JSON value, kept as written: {@link JsonValue}. */
        JSON("any JSON value", JsonValue.class);

        final String words;
        final Class<?> javaType;

        Type(String words, Class<?> javaType) {
            this.words = words;
            this.javaType = javaType;
        }

        boolean accepts(JsonNode n) {
            return switch (this) {
                case TEXT -> n.isTextual();
                case WHOLE -> n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0;
                case OBJECT -> n.isObject();
                case VALUE, JSON -> true;
            };
        }

        /** Whether the field is libkern data, which a saved action writes after its other fields. */
        boolean libkern() {
            return this == OBJECT || this == VALUE;
        }
    }

    public static ActionField text(String json) {
        return new ActionField(json, Type.TEXT);
    }

    public static ActionField whole(String json) {
        return new ActionField(json, Type.WHOLE);
    }

    public static ActionField object(String json) {
        return new ActionField(json, Type.OBJECT);
    }

    public static ActionField libkern(String json) {
        return new ActionField(json, Type.VALUE);
    }

    public static ActionField json(String json) {
        return new ActionField(json, Type.JSON);
    }

    /** The record component's name for this field. */
    String component() {
        if (json.equals("class")) {
            return "className";
        }
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : json.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}
