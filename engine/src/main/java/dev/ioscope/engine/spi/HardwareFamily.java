package dev.ioscope.engine.spi;

/**
 * A hardware family plugin: the emulated counterpart of an I/O Kit family (IOPCIFamily, IOUSBHostFamily,
 * IOStorageFamily...). Implementations are found by {@link PluginLoader} through
 * {@code META-INF/services/dev.ioscope.engine.spi.HardwareFamily}; they need a public no-argument constructor.
 *
 * <p>{@link #register} is called once for every machine that is built (so a family may keep per-boot state in
 * objects it creates there). It must only describe: contribute device models, driver classes, personalities
 * and tables to the context. Nothing runs until the machine boots.
 */
public interface HardwareFamily {
    /** Who this family is (shown in the plugin list and in error reports). */
    FamilyInfo info();

    /** Contributes this family's models, classes, behaviours and personalities. */
    void register(FamilyContext ctx);
}
