package dev.ioscope.plugins.example;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.spi.DeviceNode;
import dev.ioscope.engine.spi.FamilyContext;
import dev.ioscope.engine.spi.FamilyInfo;
import dev.ioscope.engine.spi.HardwareFamily;

import java.io.IOException;
import java.io.UncheckedIOException;

import static dev.ioscope.engine.spi.Props.num;

/**
 * The example family of docs/plugins.md: a thermometer nub ({@code "type": "example-thermometer"} in a
 * machine description) and a driver that reads it. Small on purpose: one device model, one driver with
 * emulated behaviour, one personality in an Info.plist resource.
 */
public final class ThermometerFamily implements HardwareFamily {
    @Override
    public FamilyInfo info() {
        return new FamilyInfo("example", "Example thermometer family", "1.0",
                "a thermometer nub and its driver; the plugin guide's walk-through");
    }

    @Override
    public void register(FamilyContext ctx) {
        // 1. A device model: what the nub looks like to I/O Kit.
        ctx.deviceModel("example-thermometer", (spec, build) -> new DeviceNode("ExampleThermometerDevice",
                "THM" + build.next("example.thermometer"), null, OSDictionary.builder()
                .put("sensor-kind", OSString.of("thermal"))
                .put("sensor-id", num(spec.number("sensor-id", 0)))
                .put("millikelvin-at-boot", num(spec.number("millikelvin", 300_150)))
                .build()));
        // 2. Class-catalogue entries: the nub is an IOService, the driver too.
        ctx.classEntry("ExampleThermometerDevice", "IOService");
        // 3. A driver class with emulated behaviour.
        ctx.driver("ExampleThermometerDriver", "IOService", new Driver());
        // 4. Its personality, Info.plist-shaped, like a kext's.
        try {
            ctx.infoPlist(ThermometerFamily.class.getResourceAsStream("Info.plist"), "example/Info.plist");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses a thermometer without a sensor id; on start publishes the temperature it reads, in °C·100. */
    static final class Driver implements DriverBehavior {
        @Override
        public Integer probe(DriverContext ctx, int score) {
            return ctx.provider().property("sensor-id") instanceof OSNumber ? score : null;
        }

        @Override
        public boolean start(DriverContext ctx) {
            long mk = ((OSNumber) ctx.provider().property("millikelvin-at-boot")).value();
            ctx.self().setProperty("Temperature", OSNumber.of32((mk - 273_150) / 10));
            ctx.self().setProperty("Units", OSString.of("centi-degrees Celsius"));
            return true;
        }
    }
}
