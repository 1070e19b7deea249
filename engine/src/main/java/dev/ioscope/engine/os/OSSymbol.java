package dev.ioscope.engine.os;

import java.util.Objects;

/** libkern OSSymbol: a uniqued string, used for dictionary keys and class names. */
public record OSSymbol(String value) implements OSObject {
    public OSSymbol {
        Objects.requireNonNull(value, "value");
    }

    public static OSSymbol of(String value) {
        return new OSSymbol(value);
    }

    @Override
    public boolean isEqualTo(OSObject other) {
        if (other instanceof OSSymbol s) {
            return value.equals(s.value);
        }
        if (other instanceof OSString s) {
            return value.equals(s.value());
        }
        return other instanceof OSData d && d.equalsCString(value);
    }

    @Override
    public String typeName() {
        return "OSSymbol";
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
