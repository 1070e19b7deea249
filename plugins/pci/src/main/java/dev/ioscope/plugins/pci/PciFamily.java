package dev.ioscope.plugins.pci;

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
 * IOPCIFamily: the ACPI host bridge driver (AppleACPIPCI), PCI-to-PCI bridges (IOPCI2PCIBridge), IOPCIDevice
 * nubs with a config space, and the drivers of the usual platform functions (LPC, SMBus, HDA, MEI, graphics)
 * matched by IOPCIMatch / IOPCIClassMatch through the core's PCI family matcher.
 */
public final class PciFamily implements HardwareFamily {
    @Override
    public FamilyInfo info() {
        return new FamilyInfo("pci", "PCI family", "1.0",
                "host bridge, bridges, IOPCIDevice nubs with config space, IOPCIMatch matching, hot-plug");
    }

    @Override
    public void register(FamilyContext ctx) {
        ctx.deviceModel("pci-host-bridge", PciModels.HOST_BRIDGE);
        ctx.deviceModel("pci-bridge", PciModels.BRIDGE);
        ctx.deviceModel("pci-device", PciModels.DEVICE);
        ctx.hotPlugSlot(PciHotPlug.slot());
        PciHotPlug.palette().forEach(ctx::paletteDevice);
        ctx.classEntry("IOPCIDevice", "IOService");
        ctx.classEntry("IOPCIBridge", "IOService");
        ctx.driver("AppleACPIPCI", "IOPCIBridge", new HostBridge());
        ctx.driver("IOPCI2PCIBridge", "IOPCIBridge", new PciToPciBridge());
        for (String c : new String[]{"AppleLPC", "AppleSMBusPCI", "AppleHDAController", "AppleMEIDriver",
                "AppleIntelFramebufferController", "AppleThunderboltNHI"}) {
            ctx.classEntry(c, "IOService");
        }
        // power-managed drivers (they join the IOPower plane when they start)
        ctx.table("power", "AppleACPIPCI", Props.threeStatePowerTable());
        ctx.table("power", "IOPCI2PCIBridge", Props.threeStatePowerTable());
        ctx.table("power", "AppleLPC", Props.threeStatePowerTable());
        ctx.table("power", "AppleSMBusPCI", Props.threeStatePowerTable());
        ctx.table("power", "AppleHDAController", Props.threeStatePowerTable());
        ctx.table("power", "AppleMEIDriver", Props.threeStatePowerTable());
        ctx.table("power", "AppleIntelFramebufferController", Props.threeStatePowerTable());
        ctx.table("power", "AppleThunderboltNHI", Props.threeStatePowerTable());
        try {
            ctx.infoPlist(PciFamily.class.getResourceAsStream("Info.plist"), "pci/Info.plist");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** AppleACPIPCI: the root bridge; publishes its bus number and that configuration is done. */
    static final class HostBridge implements DriverBehavior {
        @Override
        public boolean start(DriverContext ctx) {
            ctx.self().setProperty("IOPCIConfigured", OSBoolean.of(true));
            if (ctx.provider().property("bus-number") instanceof OSNumber n) {
                ctx.self().setProperty("bus-number", n);
            }
            return true;
        }
    }

    /**
     * IOPCI2PCIBridge: probe refuses a function whose class code is not a PCI-to-PCI bridge (0x0604xx) even if a
     * loose personality matched it; start records the secondary bus and whether the slot is hot-plug capable.
     */
    static final class PciToPciBridge implements DriverBehavior {
        @Override
        public Integer probe(DriverContext ctx, int score) {
            if (!(ctx.provider().property("class-code") instanceof OSData d) || d.length() < 3) {
                return null;
            }
            byte[] b = d.toByteArray();
            int cls = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16;
            return (cls >> 8) == 0x0604 ? score : null;
        }

        @Override
        public boolean start(DriverContext ctx) {
            if (ctx.provider().property("bridge-bus-range") instanceof OSData r && r.length() >= 4) {
                ctx.self().setProperty("IOPCIBusNumber", OSNumber.of32(r.byteAt(0) & 0xff));
            }
            ctx.self().setProperty("IOPCIHotPlug",
                    OSBoolean.of(ctx.provider().property("PCIHotplugCapable") != null));
            return true;
        }
    }
}
