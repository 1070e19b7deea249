package dev.ioscope.plugins.platform;

import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.spi.FamilyContext;
import dev.ioscope.engine.spi.FamilyInfo;
import dev.ioscope.engine.spi.HardwareFamily;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The platform: the IOPlatformExpertDevice at the root with its identity (model, board-id, serial number,
 * UUID), the ACPI platform expert driver, CPU and ACPI device nubs, the resource-matched services that hang
 * off IOResources, and the IODeviceTree plane skeleton (chosen, options, cpus, efi, memory).
 */
public final class PlatformFamily implements HardwareFamily {
    public static final String BUNDLE = "com.apple.driver.AppleACPIPlatform";

    @Override
    public FamilyInfo info() {
        return new FamilyInfo("platform", "Platform expert family", "1.0",
                "IOPlatformExpertDevice, ACPI platform expert, CPUs, ACPI devices, IOResources clients, IODeviceTree");
    }

    @Override
    public void register(FamilyContext ctx) {
        ctx.deviceModel(PlatformModel.TYPE, new PlatformModel());
        ctx.classEntry("IOPlatformExpert", "IOService");
        ctx.classEntry("IOACPIPlatformExpert", "IOPlatformExpert");
        ctx.classEntry("AppleACPIPlatformExpert", "IOACPIPlatformExpert");
        ctx.classEntry("IOPlatformDevice", "IOService");
        ctx.classEntry("IOACPIPlatformDevice", "IOPlatformDevice");
        ctx.classEntry("IOCPU", "IOService");
        ctx.classEntry("AppleACPIEC", "IOService");
        ctx.classEntry("AppleACPILid", "IOService");
        ctx.classEntry("AppleACPIButton", "IOService");
        ctx.classEntry("AppleACPIACAdapter", "IOService");
        ctx.classEntry("AppleHPET", "IOService");
        ctx.classEntry("AppleRTC", "IOService");
        ctx.classEntry("AppleSMC", "IOService");
        ctx.classEntry("AppleSmartBatteryManager", "IOService");
        ctx.classEntry("AppleLMUController", "IOService");
        for (String c : PlatformModel.RESOURCE_SERVICES) {
            ctx.classEntry(c, "IOService");
        }
        ctx.driver("AppleACPICPU", "IOCPU", new AcpiCpu());
        // !registered in the real dumps of the corpus (MacBookPro8-1, the Hackintosh)
        ctx.unregisteredDriver("AppleHPET");
        ctx.unregisteredDriver("AppleACPIACAdapter");
        try {
            ctx.infoPlist(PlatformFamily.class.getResourceAsStream("Info.plist"), "platform/Info.plist");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * AppleACPICPU: refuses an ACPI processor object without a processor index (as the real driver refuses one
     * the MADT does not list), and publishes its logical CPU number on start.
     */
    static final class AcpiCpu implements DriverBehavior {
        @Override
        public Integer probe(DriverContext ctx, int score) {
            return ctx.provider().property("processor-index") instanceof OSNumber ? score : null;
        }

        @Override
        public boolean start(DriverContext ctx) {
            OSNumber n = (OSNumber) ctx.provider().property("processor-index");
            ctx.self().setProperty("IOCPUNumber", OSNumber.of32(n.value()));
            ctx.self().setProperty("IOCPUState", OSString.of("Running"));
            return true;
        }
    }
}
