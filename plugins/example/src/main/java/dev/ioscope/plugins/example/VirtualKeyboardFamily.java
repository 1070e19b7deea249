package dev.ioscope.plugins.example;

import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.spi.FamilyContext;
import dev.ioscope.engine.spi.FamilyInfo;
import dev.ioscope.engine.spi.HardwareFamily;
import dev.ioscope.engine.userclient.DriverUserClients;
import dev.ioscope.engine.userclient.IOExternalMethodArguments;
import dev.ioscope.engine.userclient.IOMemoryDescriptor;
import dev.ioscope.engine.userclient.MethodTableJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * The example dext of docs/driverkit.md: a virtual HID keyboard whose user client posts input reports. Its
 * Info.plist ({@code VirtualKeyboard-Info.plist}, a dext's: IOUserResources, IOUserClass, IOUserServerName,
 * UserClientProperties) is loaded like any kext's (a scenario's {@code kexts}); this family gives its user class
 * behaviour through the same {@code driver(class, ...)} call a kext class uses, keyed by the IOUserClass.
 */
public final class VirtualKeyboardFamily implements HardwareFamily {
    public static final String USER_CLASS = "ExampleVirtualKeyboard";
    public static final String INFO_PLIST = "VirtualKeyboard-Info.plist";
    static final String METHODS = "VirtualKeyboard.methods.json";
    /** An input report is at most this long (a boot keyboard's is 8 bytes). */
    static final int MAX_REPORT = 64;
    /** Memory type 0: the last report, shared with the client (CopyClientMemoryForType), {@link #MAX_REPORT} bytes. */
    public static final int REPORT_BUFFER = 0;

    @Override
    public FamilyInfo info() {
        return new FamilyInfo("example-dext", "Example DriverKit keyboard", "1.0",
                "a dext's user class emulated: a virtual HID keyboard whose user client posts reports");
    }

    @Override
    public void register(FamilyContext ctx) {
        ctx.driver(USER_CLASS, "IOService", new Keyboard(table()));
    }

    private static MethodTableJson.MethodTable table() {
        try (InputStream in = VirtualKeyboardFamily.class.getResourceAsStream(METHODS)) {
            return MethodTableJson.read(in.readAllBytes(), METHODS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MethodTableJson.MethodTableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Start() publishes what a keyboard says about itself and offers the user client. */
    static final class Keyboard implements DriverBehavior {
        private final MethodTableJson.MethodTable table;

        Keyboard(MethodTableJson.MethodTable table) {
            this.table = table;
        }

        @Override
        public boolean start(DriverContext ctx) {
            IORegistryEntry self = ctx.self();
            self.setProperty("Product", OSString.of("IOScope Virtual Keyboard"));
            self.setProperty("PrimaryUsagePage", OSNumber.of32(1));
            self.setProperty("PrimaryUsage", OSNumber.of32(6));
            self.setProperty("ReportCount", OSNumber.of32(0));
            IOMemoryDescriptor buffer = IOMemoryDescriptor.withCapacity(MAX_REPORT);
            DriverUserClients.provide(self, new DriverUserClients.Implementation(table, Map.of(
                    "postReport", (target, ref, a) -> postReport(self, buffer, a),
                    "reportCount", (target, ref, a) -> reportCount(self, a),
                    "postReportAsync", (target, ref, a) -> postReportAsync(self, buffer, a)),
                    Map.of(REPORT_BUFFER, buffer)));
            return true;
        }

        @Override
        public void stop(DriverContext ctx) {
            DriverUserClients.withdraw(ctx.self());
        }

        /** Keeps the report as LastReport and in the shared buffer (zero-filled past its end), and counts it. */
        private static int postReport(IORegistryEntry self, IOMemoryDescriptor buffer, IOExternalMethodArguments a) {
            if (a.structureInputSize < 1 || a.structureInputSize > MAX_REPORT) {
                return IOReturn.kIOReturnBadArgument;
            }
            byte[] report = Arrays.copyOf(a.structureInput, a.structureInputSize);
            buffer.writeBytes(0, Arrays.copyOf(report, MAX_REPORT), MAX_REPORT);
            self.setProperty("LastReport", OSData.of(report));
            long n = ((OSNumber) self.property("ReportCount")).value();
            self.setProperty("ReportCount", OSNumber.of32(n + 1));
            return IOReturn.kIOReturnSuccess;
        }

        /** Posts the report, then answers through the call's OSAction with the new count (AsyncCompletion). */
        private static int postReportAsync(IORegistryEntry self, IOMemoryDescriptor buffer,
                IOExternalMethodArguments a) {
            int r = postReport(self, buffer, a);
            if (r == IOReturn.kIOReturnSuccess) {
                a.completion.asyncCompletion(r, ((OSNumber) self.property("ReportCount")).value());
            }
            return r;
        }

        private static int reportCount(IORegistryEntry self, IOExternalMethodArguments a) {
            a.scalarOutput[0] = ((OSNumber) self.property("ReportCount")).value();
            return IOReturn.kIOReturnSuccess;
        }
    }
}
