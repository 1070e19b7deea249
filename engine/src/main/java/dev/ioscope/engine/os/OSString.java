package dev.ioscope.engine.os;

import java.util.Objects;

/** libkern OSString: an immutable string. Equal (isEqualTo) to an OSSymbol with the same characters. */
public record OSString(String value) implements OSObject {
    public OSString {
        Objects.requireNonNull(value, "value");
    }

    public static OSString of(String value) {
        return new OSString(value);
    }

    @Override
    public boolean isEqualTo(OSObject other) {
        // OSString::isEqualTo(const OSMetaClassBase *) accepts any OSString, and OSSymbol is an OSString;
        // it also compares against OSData holding the same bytes (libkern OSString::isEqualTo(const OSData*)).
        if (other instanceof OSString s) {
            return value.equals(s.value);
        }
        if (other instanceof OSSymbol s) {
            return value.equals(s.value());
        }
        return other instanceof OSData d && d.equalsCString(value);
    }

    @Override
    public String typeName() {
        return "OSString";
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
