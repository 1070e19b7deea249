package dev.ioscope.engine.snapshot.devicetree;

import java.util.ArrayList;
import java.util.List;

/**
 * One device tree property while a reader builds it: raw value bytes (as the .dtb stores them), the
 * unresolved references inside the value (dtc's markers) and flags.
 */
final class DtProperty {
    final String name;
    byte[] value;
    /** References still to resolve, in value order (dtc's REF_PHANDLE / REF_PATH markers). */
    final List<Reference> references = new ArrayList<>(0);
    boolean deleted;
    /** Apple device tree: bit 31 of the length word (the value is a placeholder iBoot fills in). */
    boolean placeholder;

    DtProperty(String name, byte[] value) {
        this.name = name;
        this.value = value;
    }

    /**
     * A reference in a property value: {@code &label} or {@code &{/path}}.
     *
     * @param offset  byte offset in the value (of the phandle cell, or where the path string goes)
     * @param target  the label, or the path when it starts with '/'
     * @param phandle true for a phandle cell ({@code <&x>}), false for an inserted path string ({@code = &x})
     * @param place   where in the source it was written, for errors
     */
    record Reference(int offset, String target, boolean phandle, String place) {
    }
}
