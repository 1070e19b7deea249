package dev.ioscope.plugins.sensors;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.spi.DeviceNode;
import dev.ioscope.engine.spi.FamilyContext;
import dev.ioscope.engine.spi.FamilyInfo;
import dev.ioscope.engine.spi.HardwareFamily;
import dev.ioscope.engine.spi.Props;
import dev.ioscope.engine.userclient.MethodTableJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ioscope.engine.spi.Props.num;
import static dev.ioscope.engine.spi.Props.str;

/**
 * The system management controller: device type {@code "smc"} (an IOACPIPlatformDevice "SMC" with the ACPI id
 * APP0001 that the platform family's AppleSMC personality matches, published by the platform expert) and the
 * AppleSMC driver's behaviour: keys whose values evolve on virtual time, the AppleSMCClient user client (method
 * table {@code AppleSMCClient.methods.json}, also contributed as the "methods" table), a power table, and an IOReport
 * state channel for its power states.
 */
public final class SensorsFamily implements HardwareFamily {
    static final String TABLE = "AppleSMCClient.methods.json";

    private final Map<IORegistryEntry, AppleSMC> running = new LinkedHashMap<>();

    @Override
    public FamilyInfo info() {
        return new FamilyInfo("sensors", "Sensors (SMC) family", "1.0",
                "AppleSMC: 4-char keys (TC0P, F0Ac...) evolving on virtual time, AppleSMCClient,"
                        + " IOReport power states");
    }


    /** The running SMC drivers, in start order. */
    public List<AppleSMC> controllers() {
        return List.copyOf(running.values());
    }

    @Override
    public void register(FamilyContext ctx) {
        running.clear();
        MethodTableJson.MethodTable table = methodTable();
        ctx.deviceModel("smc", (spec, build) -> {
            long fans = spec.number("fans", 2);
            if (fans < 0 || fans > 9) {
                throw new IllegalArgumentException(spec.place() + ".fans: an SMC has 0..9 fans, not " + fans);
            }
            return new DeviceNode("IOACPIPlatformDevice", "SMC", "0",
                OSDictionary.builder()
                        .put("name", Props.strings("APP0001"))
                        .put("compatible", Props.strings("APP0001"))
                        .put("acpi-path", str("IOACPIPlane:/_SB/SMC@0"))
                        .put("IOName", str("APP0001"))
                        .put("smc-fans", num(fans))
                        .put("smc-ambient-celsius", num(spec.number("ambient-celsius", 25)))
                        .build()).alsoIn("IOACPIPlane", "_SB");   // \_SB.SMC in the ACPI namespace
        });
        ctx.driver("AppleSMC", "IOService", new Driver(table));
        ctx.classEntry("AppleSMCClient", "IOUserClient");
        ctx.table("power", "AppleSMC", Props.threeStatePowerTable());
        ctx.table("methods", "AppleSMC", OSString.of(TABLE));
    }

    private static MethodTableJson.MethodTable methodTable() {
        try (InputStream in = SensorsFamily.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IOException("missing resource " + TABLE);
            }
            return MethodTableJson.read(in.readAllBytes(), "sensors/" + TABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MethodTableJson.MethodTableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** AppleSMC::start reads the controller's configuration from its nub and brings the SMC up. */
    final class Driver implements DriverBehavior {
        private final MethodTableJson.MethodTable table;

        Driver(MethodTableJson.MethodTable table) {
            this.table = table;
        }

        @Override
        public boolean start(DriverContext ctx) {
            int fans = ctx.provider().property("smc-fans") instanceof OSNumber n ? (int) n.value() : 2;
            int ambient = ctx.provider().property("smc-ambient-celsius") instanceof OSNumber n ? (int) n.value() : 25;
            running.put(ctx.self(), new AppleSMC(ctx.self(), new SmcKeys(fans, ambient), ctx::now, ctx.reportHub(),
                    table));
            return true;
        }

        /** Power management's setPowerState: the SMC's power-state channel follows (OFF / DOZE / ON). */
        @Override
        public void setPowerState(DriverContext ctx, int from, int to) {
            AppleSMC smc = running.get(ctx.self());
            if (smc != null) {
                smc.setPowerState(to);
            }
        }

        @Override
        public void stop(DriverContext ctx) {
            AppleSMC smc = running.remove(ctx.self());
            if (smc != null) {
                smc.stop();
            }
        }
    }
}
