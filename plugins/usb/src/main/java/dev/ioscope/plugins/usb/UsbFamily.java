package dev.ioscope.plugins.usb;

import dev.ioscope.engine.os.OSArray;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.spi.FamilyContext;
import dev.ioscope.engine.spi.FamilyInfo;
import dev.ioscope.engine.spi.HardwareFamily;
import dev.ioscope.engine.spi.Props;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * IOUSBHostFamily: an xHCI controller on PCI, its ports, hubs, devices and interfaces from descriptor bytes,
 * the IOUSB plane, and the drivers that match them (composite device, hub, HID and mass-storage interfaces).
 */
public final class UsbFamily implements HardwareFamily {
    @Override
    public FamilyInfo info() {
        return new FamilyInfo("usb", "USB host family", "1.0",
                "xHCI controller, ports, hubs, IOUSBHostDevice/IOUSBHostInterface from descriptors, IOUSB plane");
    }

    @Override
    public void register(FamilyContext ctx) {
        ctx.deviceModel("usb-xhci", UsbModels.XHCI);
        ctx.deviceModel("usb-hub", UsbModels.HUB);
        ctx.deviceModel("usb-device", UsbModels.DEVICE);
        UsbHotPlug.slots().forEach(ctx::hotPlugSlot);
        UsbHotPlug.palette().forEach(ctx::paletteDevice);
        ctx.classEntry("IOUSBHostDevice", "IOService");
        ctx.classEntry("IOUSBHostInterface", "IOService");
        ctx.classEntry("AppleUSBHostPort", "IOService");
        ctx.classEntry("AppleUSBXHCIPort", "AppleUSBHostPort");
        ctx.classEntry("AppleUSB20XHCIPort", "AppleUSBXHCIPort");
        ctx.classEntry("AppleUSB30XHCIPort", "AppleUSBXHCIPort");
        ctx.classEntry("AppleUSB20HubPort", "AppleUSBHostPort");
        ctx.classEntry("AppleUSBHostController", "IOService");
        ctx.classEntry("AppleUSBXHCI", "AppleUSBHostController");
        ctx.classEntry("AppleUSBXHCIPCI", "AppleUSBXHCI");
        ctx.driver("AppleIntelCNLUSBXHCI", "AppleUSBXHCIPCI", new XhciController());
        ctx.driver("AppleUSBHostCompositeDevice", "IOService", new CompositeDevice());
        ctx.driver("AppleUSB20Hub", "IOService", new Hub());
        ctx.classEntry("IOHIDDevice", "IOService");
        ctx.classEntry("IOUSBHostHIDDevice", "IOHIDDevice");
        ctx.classEntry("IOUSBMassStorageDriver", "IOService");
        ctx.classEntry("BroadcomBluetoothHostControllerUSBTransport", "IOService");
        ctx.classEntry("AppleUSBVideoSupport", "IOService");
        // drivers that stay !registered on real Macs (MacBookPro8-1 and Hackintosh dumps in the corpus
        // (engine/src/test/resources/real))
        ctx.unregisteredDriver("AppleUSBHostCompositeDevice");
        ctx.unregisteredDriver("BroadcomBluetoothHostControllerUSBTransport");
        // power-managed drivers (they join the IOPower plane when they start)
        ctx.table("power", "AppleIntelCNLUSBXHCI", Props.threeStatePowerTable());
        ctx.table("power", "AppleUSBXHCIPCI", Props.threeStatePowerTable());
        ctx.table("power", "AppleUSB20Hub", Props.threeStatePowerTable());
        ctx.table("power", "AppleUSBHostCompositeDevice", Props.threeStatePowerTable());
        try {
            ctx.infoPlist(UsbFamily.class.getResourceAsStream("Info.plist"), "usb/Info.plist");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** xHCI needs its register BAR (BAR0): probe refuses a function with no assigned memory range. */
    static final class XhciController implements DriverBehavior {
        @Override
        public Integer probe(DriverContext ctx, int score) {
            return ctx.provider().property("assigned-addresses") instanceof OSData d && d.length() >= 20 ? score : null;
        }

        @Override
        public boolean start(DriverContext ctx) {
            ctx.self().setProperty("kUSBSleepSupported", OSBoolean.of(true));
            ctx.self().setProperty("UsbRTD3Supported", OSBoolean.of(true));
            return true;
        }
    }

    /** AppleUSBHostCompositeDevice: sets the device's configuration (SET_CONFIGURATION to the first one). */
    static final class CompositeDevice implements DriverBehavior {
        @Override
        public boolean start(DriverContext ctx) {
            if (!(ctx.provider().property("bConfigurationValue") instanceof OSNumber cfg)) {
                return false; // no configuration descriptor: nothing to configure
            }
            ctx.provider().setProperty("kUSBCurrentConfiguration", cfg);
            return true;
        }
    }

    /** AppleUSB20Hub: powers its ports; reports their count. */
    static final class Hub implements DriverBehavior {
        @Override
        public boolean start(DriverContext ctx) {
            ctx.self().setProperty("PortCount", OSNumber.of32(4));
            ctx.self().setProperty("HubWakeEnabled", OSArray.of());
            return true;
        }
    }
}
