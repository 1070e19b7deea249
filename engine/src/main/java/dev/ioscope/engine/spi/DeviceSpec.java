package dev.ioscope.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ioscope.engine.os.OSDictionary;

import java.util.List;

/**
 * One device of a machine description (docs/machines.md): its model type, optional name, location and extra
 * properties, the model's own settings as JSON (e.g. a PCI device's "vendor"), and the devices behind it.
 *
 * @param type       the device model's type, e.g. "pci-device"
 * @param name       the nub's name, or null for the model's default
 * @param location   the nub's location, or null for the model's default
 * @param properties properties merged over the model's own (the machine wins)
 * @param settings   the whole JSON object of this device, for model-specific keys
 * @param children   devices attached behind this one (e.g. PCI devices behind a bridge)
 * @param place      where this device is in the machine file, for error messages ("devices[2].children[0]")
 */
public record DeviceSpec(String type, String name, String location, OSDictionary properties, JsonNode settings,
                         List<DeviceSpec> children, String place) {
    public DeviceSpec {
        children = List.copyOf(children);
        properties = properties == null ? OSDictionary.empty() : properties;
    }

    /** A model setting as text, or the default. */
    public String text(String key, String dflt) {
        JsonNode n = settings == null ? null : settings.get(key);
        return n == null || n.isNull() ? dflt : n.asText();
    }

    /** A model setting as a number (JSON number or "0x..." / decimal string), or the default. */
    public long number(String key, long dflt) {
        JsonNode n = settings == null ? null : settings.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (n.isNumber()) {
            if (!n.canConvertToExactIntegral() || !n.canConvertToLong()) {
                throw new IllegalArgumentException(place + "." + key + ": not a whole number: " + n);
            }
            return n.asLong();
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(place + "." + key + ": a number is expected, not " + n);
        }
        String s = n.asText().strip();
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16)
                    : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(place + "." + key + ": not a number: \"" + s + "\"");
        }
    }

    /**
     * A model setting as a number within the hardware's own range {@code min..max} (docs/machines.md, "Limits"),
     * or the default; {@code limit} names where the range comes from, for the message.
     */
    public long number(String key, long dflt, long min, long max, String limit) {
        long v = number(key, dflt);
        if (v < min || v > max) {
            throw new IllegalArgumentException(place + "." + key + ": " + v + " is outside " + min + ".." + max
                    + " (" + limit + ")");
        }
        return v;
    }
}
