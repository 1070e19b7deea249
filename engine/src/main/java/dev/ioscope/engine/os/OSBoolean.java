package dev.ioscope.engine.os;

/** libkern OSBoolean: the two shared instances kOSBooleanTrue and kOSBooleanFalse. */
public enum OSBoolean implements OSObject {
    FALSE, TRUE;

    public static OSBoolean of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public boolean value() {
        return this == TRUE;
    }

    @Override
    public boolean isEqualTo(OSObject other) {
        return this == other;
    }

    @Override
    public String typeName() {
        return "OSBoolean";
    }

    @Override
    public String toString() {
        return value() ? "Yes" : "No";
    }
}
