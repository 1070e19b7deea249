package dev.ioscope.engine.os;

import java.util.Objects;

/**
 * A value a snapshot could not represent: {@code ioreg} prints e.g. {@code "IOSomething is not serializable"}
 * for objects that do not serialize. We keep the exact text so export reproduces it, and never
 * confuse it with a real OSString.
 */
public record OSUnserializable(String text) implements OSObject {
    public OSUnserializable {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public boolean isEqualTo(OSObject other) {
        return other instanceof OSUnserializable u && u.text.equals(text);
    }

    @Override
    public String typeName() {
        return "OSUnserializable";
    }
}
