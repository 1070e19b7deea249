package dev.ioscope.engine.power;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IOPMPowerFlags bits of a power state's capabilityFlags, outputPowerCharacter and inputPowerRequirement,
 * with the values of XNU's {@code iokit/IOKit/pwr_mgt/IOPM.h}.
 */
public final class IOPMPowerFlags {
    public static final int kIOPMPowerOn = 0x00000002;
    public static final int kIOPMDeviceUsable = 0x00008000;
    public static final int kIOPMLowPower = 0x00010000;
    public static final int kIOPMPreventIdleSleep = 0x00000040;
    public static final int kIOPMSleepCapability = 0x00000004;
    public static final int kIOPMRestartCapability = 0x00000080;
    public static final int kIOPMSleep = 0x00000001;
    public static final int kIOPMRestart = 0x00000080;
    public static final int kIOPMInitialDeviceState = 0x00000100;
    public static final int kIOPMRootDomainState = 0x00000200;
    /** Old names (IOPM.h keeps them as aliases). */
    public static final int kIOPMAuxPowerOn = 0x00000020;
    public static final int kIOPMPreventSystemSleep = 0x00000010;
    public static final int kIOPMMaxPerformance = 0x00004000;
    public static final int kIOPMClockNormal = 0x00000004;
    public static final int kIOPMClockRunning = 0x00000008;
    public static final int kIOPMPowerStateVersion1 = 1;
    public static final int kIOPMPowerStateVersion2 = 2;
    /** setPowerState's return value meaning "done, no acknowledgement will follow". */
    public static final long kIOPMAckImplied = 0;

    private static final Map<String, Integer> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("kIOPMPowerOn", kIOPMPowerOn);
        NAMES.put("kIOPMDeviceUsable", kIOPMDeviceUsable);
        NAMES.put("kIOPMLowPower", kIOPMLowPower);
        NAMES.put("kIOPMPreventIdleSleep", kIOPMPreventIdleSleep);
        NAMES.put("kIOPMSleepCapability", kIOPMSleepCapability);
        NAMES.put("kIOPMRestartCapability", kIOPMRestartCapability);
        NAMES.put("kIOPMSleep", kIOPMSleep);
        NAMES.put("kIOPMInitialDeviceState", kIOPMInitialDeviceState);
        NAMES.put("kIOPMRootDomainState", kIOPMRootDomainState);
        NAMES.put("kIOPMAuxPowerOn", kIOPMAuxPowerOn);
        NAMES.put("kIOPMPreventSystemSleep", kIOPMPreventSystemSleep);
        NAMES.put("kIOPMMaxPerformance", kIOPMMaxPerformance);
        NAMES.put("kIOPMClockRunning", kIOPMClockRunning);
    }

    private IOPMPowerFlags() {
    }

    /** A flag by its IOPM.h name (kIOPMRestart is kIOPMRestartCapability's value); null when unknown. */
    public static Integer byName(String name) {
        return "kIOPMRestart".equals(name) ? Integer.valueOf(kIOPMRestart) : NAMES.get(name);
    }

    /** The names of the set bits, for the journal (the first name wins where two share a bit). */
    public static String describe(int flags) {
        if (flags == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        int rest = flags;
        for (var e : NAMES.entrySet()) {
            if ((rest & e.getValue()) == e.getValue() && e.getValue() != 0) {
                sb.append(sb.isEmpty() ? "" : "|").append(e.getKey());
                rest &= ~e.getValue();
            }
        }
        if (rest != 0) {
            sb.append(sb.isEmpty() ? "" : "|").append("0x").append(Integer.toHexString(rest));
        }
        return sb.toString();
    }
}
