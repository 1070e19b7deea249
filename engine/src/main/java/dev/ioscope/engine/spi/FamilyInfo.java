package dev.ioscope.engine.spi;

import java.util.Objects;

/**
 * A family's identity.
 *
 * @param id          short stable id ("pci", "usb"), also the prefix of the device types it models
 * @param name        human name ("PCI family")
 * @param version     the plugin's version
 * @param description one line on what it emulates
 */
public record FamilyInfo(String id, String name, String version, String description) {
    public FamilyInfo {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        version = version == null ? "" : version;
        description = description == null ? "" : description;
    }
}
