package dev.ioscope.engine.os;

/**
 * A libkern container or scalar value as it appears in an I/O Kit property table.
 *
 * <p>All values are immutable. {@link #equals(Object)} is exact structural equality (it also
 * compares what a snapshot keeps but I/O Kit ignores, such as an OSNumber's width), while
 * {@link #isEqualTo(OSObject)} follows libkern's {@code isEqualTo} rules, which matching uses.
 */
public sealed interface OSObject
        permits OSDictionary, OSArray, OSSet, OSString, OSSymbol, OSNumber, OSData, OSBoolean, OSUnserializable {

    /** libkern's {@code isEqualTo}: the equality I/O Kit uses when it compares property values. */
    boolean isEqualTo(OSObject other);

    /** The libkern class name of this value, e.g. {@code OSDictionary}. */
    String typeName();
}
