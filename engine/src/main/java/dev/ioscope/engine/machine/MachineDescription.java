package dev.ioscope.engine.machine;

import dev.ioscope.engine.spi.DeviceSpec;

/**
 * A machine description (docs/machines.md): a name and the platform device, whose children are everything
 * else (PCI host bridges, ...), each built by the device model its "type" names.
 *
 * @param name     display name ("IOScope Virtual Mac")
 * @param platform the root device: its nub is the IOPlatformExpertDevice
 * @param source   the file it was read from, for messages
 */
public record MachineDescription(String name, DeviceSpec platform, String source) {
}
