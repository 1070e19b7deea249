package dev.ioscope.engine.spi;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.sim.DriverBehavior;

import java.io.IOException;
import java.io.InputStream;

/**
 * What a family may contribute. Everything is declarative and collected before the machine boots; a
 * contribution that conflicts with another family's (the same device type twice) is reported against the
 * family that came second and ignored.
 */
public interface FamilyContext {
    /** The family being registered (contributions are attributed to it in reports). */
    FamilyInfo family();

    /** A device model for machine descriptions: {@code {"type": type, ...}} is built by {@code model}. */
    void deviceModel(String type, DeviceModel model);

    /** A class-catalogue entry (OSMetaClass: class and superclass), so matching knows what conforms to what. */
    void classEntry(String className, String superClass);

    /** A driver class with emulated behaviour (probe/start/stop); also declares its class-catalogue entry. */
    void driver(String className, String superClass, DriverBehavior behavior);

    /** One IOKitPersonalities entry, as an Info.plist holds it. {@code bundle} is the kext's identifier. */
    void personality(String bundle, String name, OSDictionary table);

    /**
     * Every personality of an Info.plist-shaped XML resource (its IOKitPersonalities dictionary, bundle id from
     * CFBundleIdentifier). The stream is read fully and closed.
     *
     * @throws IOException when the resource is missing or is not such a plist (the family then fails to load)
     */
    void infoPlist(InputStream in, String resourceName) throws IOException;

    /**
     * Optional tables for features that land separately (power management, user clients, IOReport): a
     * driver class's power-state table, external-method table, or IOReport channel list, each in the shape
     * the consuming feature documents. Kept until that feature asks for them; unknown kinds are kept too.
     *
     * @param kind      "power", "methods" or "ioreport"
     * @param className the driver class the table belongs to
     */
    void table(String kind, String className, OSObject table);

    /** A slot devices of {@code slot.bus()} can be hot-plugged into (scenario action {@code plug}). */
    default void hotPlugSlot(HotPlugSlot slot) {
        throw new UnsupportedOperationException("hot-plug slots are not collected in this context");
    }

    /** A ready-made device for the workbench's device palette. */
    default void paletteDevice(PaletteDevice device) {
        throw new UnsupportedOperationException("palette devices are not collected in this context");
    }

    /**
     * A driver class whose start does not call registerService(), so it stays {@code !registered} in ioreg as on a
     * Mac (e.g. IOGUIDPartitionScheme, AppleUSBHostCompositeDevice). Every other driver a machine starts registers
     * itself at the end of start — what most I/O Kit drivers do, and what real registries show — which also makes
     * it a provider that matching looks at.
     */
    default void unregisteredDriver(String className) {
        throw new UnsupportedOperationException("driver registration is not collected in this context");
    }
}
