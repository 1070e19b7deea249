package dev.ioscope.engine.spi;

/**
 * A ready-made device a family offers for hot-plug (the workbench's device palette; the scenario action
 * {@code plug} takes the same JSON).
 *
 * @param label  what the user picks, e.g. "USB flash drive (SanDisk Ultra Fit)"
 * @param bus    the slots it fits ({@link HotPlugSlot#bus()})
 * @param device the device as a machine description writes it (a JSON object with "type")
 */
public record PaletteDevice(String label, String bus, String device) {
}
