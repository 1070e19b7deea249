package dev.ioscope.engine.spi;

import dev.ioscope.engine.os.OSDictionary;

/**
 * Where a device can be plugged into a running machine: a nub class (a USB port, a PCI bridge driver...) and the
 * rule that places a device description on it — what its parent model does when the machine is built from a file
 * (a hub gives a device on its port 2 its locationID, tier and port number; a bridge gives a card its bus number).
 *
 * @param slotClass the class of the entry the device is plugged under
 * @param bus       the kind of device it takes ("usb", "pci"), matched against {@link PaletteDevice#bus()}
 * @param placement places a device on one slot
 */
public record HotPlugSlot(String slotClass, String bus, Placement placement) {
    /** Places a device on a slot before it is built. */
    @FunctionalInterface
    public interface Placement {
        /**
         * @param device              the device as the user described it
         * @param slotClass           the slot entry's class (e.g. AppleUSB30XHCIPort, a SuperSpeed port)
         * @param slotProperties      the slot entry's properties (e.g. a port's locationID and PortNum)
         * @param providerProperties  the slot's provider's properties (e.g. the bridge nub's bus range)
         * @return the device with the settings its model needs to sit there
         * @throws IllegalArgumentException when the slot cannot take it
         */
        DeviceSpec place(DeviceSpec device, String slotClass, OSDictionary slotProperties,
                         OSDictionary providerProperties);
    }
}
