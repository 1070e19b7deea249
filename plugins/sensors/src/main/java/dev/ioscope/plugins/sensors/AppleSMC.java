package dev.ioscope.plugins.sensors;

import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.report.IOReportHub;
import dev.ioscope.engine.report.IOReportLegend;
import dev.ioscope.engine.report.IOReportTypes;
import dev.ioscope.engine.report.IOReportUnit;
import dev.ioscope.engine.report.IOStateReporter;
import dev.ioscope.engine.userclient.DriverUserClients;
import dev.ioscope.engine.userclient.IOExternalMethodAction;
import dev.ioscope.engine.userclient.IOExternalMethodArguments;
import dev.ioscope.engine.userclient.MethodTableJson;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import static dev.ioscope.engine.iokit.IOReturn.kIOReturnSuccess;
import static dev.ioscope.plugins.sensors.SmcParamStruct.*;

/**
 * One running AppleSMC instance: its keys ({@link SmcKeys}), the AppleSMCClient user client whose selector 2
 * (kSMCHandleYPCEvent) answers key-info / read-key / key-at-index requests in an {@link SmcParamStruct}, and an
 * IOReport state channel "SMC Power State" (states OFF / DOZE / ON, the indices of its power table).
 */
public final class AppleSMC {
    public static final String GROUP = "SMC";
    public static final long POWER_CHANNEL = 0x534D4350L;   // 'SMCP'
    static final String[] STATES = {"OFF", "DOZE", "ON"};

    private final IORegistryEntry self;
    private final SmcKeys keys;
    private final LongSupplier clock;
    private final IOStateReporter power;
    private int lastPowerState = -1;
    private long calls;

    AppleSMC(IORegistryEntry self, SmcKeys keys, LongSupplier clock, IOReportHub hub, MethodTableJson.MethodTable t) {
        this.self = self;
        this.keys = keys;
        this.clock = clock;
        power = new IOStateReporter(self.registryEntryID(), IOReportTypes.kIOReportCategoryPower, STATES.length,
                IOReportUnit.kIOReportUnit_ns, clock);
        power.addChannel(POWER_CHANNEL, "SMC Power State");
        self.setProperty(IOReportLegend.kIOReportLegendKey,
                IOReportLegend.write(List.of(IOReportLegend.of(power, GROUP, "Power"))));
        self.setProperty(IOReportLegend.kIOReportLegendPublicKey, OSBoolean.of(true));
        hub.addReporterLegend(self.name(), power, GROUP, "Power");
        setPowerState(STATES.length - 1);    // start() leaves the SMC on and usable
        IOExternalMethodAction none = (target, ref, a) -> kIOReturnSuccess;
        DriverUserClients.provide(self, new DriverUserClients.Implementation(t, Map.of(
                "userClientOpen", none, "userClientClose", none, "handleYPCEvent", this::handleYPCEvent)));
    }

    public IORegistryEntry entry() {
        return self;
    }

    public SmcKeys keys() {
        return keys;
    }

    public IOStateReporter powerReporter() {
        return power;
    }

    /** Calls that reached the SMC (kSMCHandleYPCEvent). */
    public long calls() {
        return calls;
    }

    /** Records a power-state change in the state channel (no-op when unchanged). */
    public void setPowerState(int state) {
        if (state != lastPowerState && state >= 0 && state < STATES.length) {
            power.setChannelState(POWER_CHANNEL, state);
            lastPowerState = state;
        }
    }


    void stop() {
        setPowerState(0);
        DriverUserClients.withdraw(self);
    }

    /** kSMCHandleYPCEvent: the IOKit call succeeds; the SMC's own verdict is in the result byte. */
    int handleYPCEvent(Object target, Object reference, IOExternalMethodArguments a) {
        calls++;
        ByteBuffer in = SmcParamStruct.of(a.structureInput);
        ByteBuffer out = SmcParamStruct.of(new byte[0]);
        int keyCode = in.getInt(KEY);
        String key = SmcKeys.fourCC(keyCode);
        out.putInt(KEY, keyCode);
        int command = in.get(DATA8) & 0xff;
        int result;
        switch (command) {
            case kSMCGetKeyInfo -> {
                SmcKeys.KeyInfo k = keys.info(key);
                result = k == null ? kSMCKeyNotFound : kSMCSuccess;
                if (k != null) {
                    out.putInt(KEY_INFO_SIZE, k.size()).putInt(KEY_INFO_TYPE, SmcKeys.fourCC(k.type()))
                            .put(KEY_INFO_ATTRIBUTES, (byte) k.attributes());
                }
            }
            case kSMCReadKey -> {
                byte[] v = keys.read(key, clock.getAsLong());
                result = v == null ? kSMCKeyNotFound : kSMCSuccess;
                if (v != null) {
                    // the caller passes the size kSMCGetKeyInfo gave; the SMC copies that many bytes at most
                    int n = Math.min(v.length, Math.min(Math.max(in.getInt(KEY_INFO_SIZE), 0), BYTES_MAX));
                    out.position(BYTES);
                    out.put(v, 0, n == 0 ? v.length : n);
                    out.putInt(KEY_INFO_SIZE, v.length);
                }
            }
            case kSMCGetKeyFromIndex -> {
                int i = in.getInt(DATA32);
                List<SmcKeys.KeyInfo> all = keys.keys();
                result = i >= 0 && i < all.size() ? kSMCSuccess : kSMCKeyNotFound;
                if (result == kSMCSuccess) {
                    out.putInt(KEY, SmcKeys.fourCC(all.get(i).key()));
                }
            }
            default -> result = kSMCError;   // writes and firmware commands are not modelled
        }
        out.put(RESULT, (byte) result);
        int n = Math.min(SIZE, a.structureOutput.length);
        System.arraycopy(out.array(), 0, a.structureOutput, 0, n);
        a.structureOutputSize = n;
        return kIOReturnSuccess;
    }
}
