package dev.ioscope.engine.registry;

import java.util.Objects;

/** A registry plane (IOService, IODeviceTree, IOPower, ...): a named set of parent/child links. */
public record IORegistryPlane(String name) {
    public static final String IOSERVICE = "IOService";
    public static final String IOPOWER = "IOPower";
    public static final String IODEVICETREE = "IODeviceTree";
    public static final String IOACPIPLANE = "IOACPIPlane";
    public static final String IOUSB = "IOUSB";
    public static final String IOFIREWIRE = "IOFireWire";

    public IORegistryPlane {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("bad plane name: " + name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
