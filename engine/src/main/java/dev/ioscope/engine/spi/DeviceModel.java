package dev.ioscope.engine.spi;

/**
 * Turns one device of a machine description into the nubs it publishes (Renode's idea: the machine file says
 * what is there, the model knows what it looks like to I/O Kit).
 */
@FunctionalInterface
public interface DeviceModel {
    /**
     * @param spec  the device as the machine file describes it
     * @param build the builder, to build the devices behind this one ({@link ModelBuilder#build})
     * @return the top nub; the builder merges {@code spec.properties()} over it
     * @throws IllegalArgumentException naming {@code spec.place()} when the description is wrong
     */
    DeviceNode build(DeviceSpec spec, ModelBuilder build);

    /** What a model can ask of the machine being built. */
    interface ModelBuilder {
        /** Builds a child device through its own model (any family's). */
        DeviceNode build(DeviceSpec child);

        /** A machine-wide counter (e.g. "pci.bus" numbers), starting at 0; deterministic per boot. */
        int next(String counter);
    }
}
