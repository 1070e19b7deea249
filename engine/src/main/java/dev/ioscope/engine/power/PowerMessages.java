package dev.ioscope.engine.power;

/**
 * The system power messages of {@code iokit/IOKit/IOMessage.h}: {@code iokit_common_msg(n)} is
 * {@code sys_iokit | sub_iokit_common | n} = {@code 0xe0000000 | n}.
 */
public enum PowerMessages {
    kIOMessageCanDevicePowerOff(0x200),
    kIOMessageDeviceWillPowerOff(0x210),
    kIOMessageDeviceWillNotPowerOff(0x220),
    kIOMessageDeviceHasPoweredOn(0x230),
    kIOMessageCanSystemPowerOff(0x240),
    kIOMessageSystemWillPowerOff(0x250),
    kIOMessageSystemWillNotPowerOff(0x260),
    kIOMessageCanSystemSleep(0x270),
    kIOMessageSystemWillSleep(0x280),
    kIOMessageSystemWillNotSleep(0x290),
    kIOMessageSystemHasPoweredOn(0x300),
    kIOMessageSystemWillRestart(0x310),
    kIOMessageSystemWillPowerOn(0x320);

    private final int value;

    PowerMessages(int n) {
        this.value = 0xe0000000 | n;
    }

    public int value() {
        return value;
    }

    public String hex() {
        return "0x" + Integer.toHexString(value);
    }
}
