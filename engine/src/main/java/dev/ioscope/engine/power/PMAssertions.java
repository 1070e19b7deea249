package dev.ioscope.engine.power;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The root domain's driver assertions (IOPMrootDomain.cpp {@code createPMAssertion}, {@code releasePMAssertion},
 * {@code evaluateAssertions}, {@code checkSystemSleepAllowed}; bits from pwr_mgt/IOPM.h). While an assertion with
 * kIOPMDriverAssertionCPUBit or kIOPMDriverAssertionPreventSystemIdleSleepBit is held, idle sleep is not allowed;
 * a demand sleep is not held off (rule PM16).
 */
final class PMAssertions {
    static final int kIOPMDriverAssertionCPUBit = 0x01;
    static final int kIOPMDriverAssertionPreventSystemIdleSleepBit = 0x02;
    /** NO_IDLE_SLEEP_ASSERTIONS_MASK's other member, kIOPMDriverAssertionReservedBit7 (IOMediaBSDClient's). */
    static final int kIOPMDriverAssertionReservedBit7 = 0x80;
    private static final Map<String, Integer> NAMES = Map.of(
            "kIOPMDriverAssertionCPUBit", kIOPMDriverAssertionCPUBit,
            "kIOPMDriverAssertionPreventSystemIdleSleepBit", kIOPMDriverAssertionPreventSystemIdleSleepBit,
            "kIOPMDriverAssertionUSBExternalDeviceBit", 0x04,
            "kIOPMDriverAssertionBluetoothHIDDevicePairedBit", 0x08,
            "kIOPMDriverAssertionExternalMediaMountedBit", 0x10,
            "kIOPMDriverAssertionReservedBit5", 0x20,
            "kIOPMDriverAssertionPreventDisplaySleepBit", 0x40,
            "kIOPMDriverAssertionReservedBit7", kIOPMDriverAssertionReservedBit7,
            "kIOPMDriverAssertionMagicPacketWakeEnabledBit", 0x100,
            "kIOPMDriverAssertionNetworkKeepAliveActiveBit", 0x200);
    /** What keeps the system from idle sleep: the CPU bit (checkSystemSleepAllowed) and the no-idle-sleep mask. */
    static final int PREVENTS_IDLE_SLEEP = kIOPMDriverAssertionCPUBit | kIOPMDriverAssertionPreventSystemIdleSleepBit
            | kIOPMDriverAssertionReservedBit7;

    /** One held assertion: the scenario's id, its bits, the owner's path and description. */
    record Held(String id, int bits, String owner, String description) {
    }

    private final Map<String, Held> held = new LinkedHashMap<>();

    /** {@code kIOPMDriverAssertionCPUBit|...} or a number. */
    static int bits(String spec) {
        int bits = 0;
        for (String part : spec.split("\\|")) {
            String p = part.trim();
            Integer b = NAMES.get(p);
            if (b != null) {
                bits |= b;
            } else {
                try {
                    bits |= Integer.decode(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("\"bits\": unknown assertion bit " + p);
                }
            }
        }
        return bits;
    }

    void create(Held a) {
        if (held.containsKey(a.id())) {
            throw new IllegalArgumentException("assertion " + a.id() + " is already held");
        }
        held.put(a.id(), a);
    }

    Held release(String id) {
        Held a = held.remove(id);
        if (a == null) {
            throw new IllegalArgumentException("no assertion " + id
                    + " is held (releasePMAssertion: kIOReturnNotFound)");
        }
        return a;
    }

    /** The held assertions that keep the system from idle sleep, oldest first. */
    List<Held> idleSleepPreventers() {
        return held.values().stream().filter(a -> (a.bits() & PREVENTS_IDLE_SLEEP) != 0).toList();
    }
}
