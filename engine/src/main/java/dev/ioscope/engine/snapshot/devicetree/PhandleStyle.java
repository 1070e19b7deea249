package dev.ioscope.engine.snapshot.devicetree;

/**
 * dtc's {@code -H} option: which properties carry an auto-assigned phandle. dtc's default today is
 * {@link #EPAPR}; old dtc versions wrote {@link #BOTH} ({@code linux,phandle} first), as QEMU's bamboo .dtb shows.
 */
public enum PhandleStyle {
    /** {@code linux,phandle} only. */
    LEGACY,
    /** {@code phandle} only (the Devicetree Specification's property). */
    EPAPR,
    /** {@code linux,phandle} then {@code phandle}. */
    BOTH
}
