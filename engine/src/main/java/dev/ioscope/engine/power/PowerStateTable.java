package dev.ioscope.engine.power;

import java.util.Arrays;
import java.util.List;

/**
 * A driver's power state array after the checks registerPowerDriver makes (IOServicePM.cpp
 * {@code IOService::registerPowerDriver}), no more and no fewer (rule PM1): at least two states; state 0's version
 * at most kIOPMPowerStateVersion2 (only state 0's version is checked); each state's order in the table is its
 * {@code stateOrder} when its own version is 2 or more, else its index, and every order 0..n-1 must be taken
 * (a duplicate or out-of-range stateOrder leaves one missing: kIOReturnBadArgument).
 */
public record PowerStateTable(List<IOPMPowerState> states) {

    public PowerStateTable {
        states = List.copyOf(states);
    }

    /** Checks a driver's table; throws {@link PowerTableException} naming the state and the problem. */
    public static PowerStateTable validate(String driver, List<IOPMPowerState> states) {
        if (states == null || states.size() < 2) {
            throw new PowerTableException(driver, -1, "a power state array needs at least 2 states (has "
                    + (states == null ? 0 : states.size()) + ") — registerPowerDriver returns kIOReturnBadArgument");
        }
        int version = states.get(0).version();
        if (version > IOPMPowerFlags.kIOPMPowerStateVersion2) {
            throw new PowerTableException(driver, 0, "version " + version
                    + " is above kIOPMPowerStateVersion2 (2) — registerPowerDriver returns kIOReturnBadArgument");
        }
        int n = states.size();
        int[] indexOfOrder = new int[n];
        Arrays.fill(indexOfOrder, -1);
        for (int i = 0; i < n; i++) {
            long order = order(states.get(i), i);
            if (order >= 0 && order < n) {
                indexOfOrder[(int) order] = i;
            }
        }
        for (int order = 0; order < n; order++) {
            if (indexOfOrder[order] < 0) {
                throw new PowerTableException(driver, -1, "no state has stateOrder " + order
                        + " (power state order missing) — registerPowerDriver returns kIOReturnBadArgument");
            }
        }
        return new PowerStateTable(states);
    }

    /** registerPowerDriver: a version 2 (or later) state's stateOrder, an older state's index. */
    private static long order(IOPMPowerState s, int index) {
        return s.version() >= IOPMPowerFlags.kIOPMPowerStateVersion2 ? s.stateOrder() : index;
    }

    public int count() {
        return states.size();
    }

    public IOPMPowerState get(int ordinal) {
        return states.get(ordinal);
    }

    public int highest() {
        return states.size() - 1;
    }

    /** The highest state a parent output powers (IOService::maxCapabilityForDomainState); -1 when none. */
    public int maxFor(int domainState) {
        for (int i = states.size() - 1; i >= 0; i--) {
            if (states.get(i).poweredBy(domainState)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The highest state at or below {@code wanted} that {@code domainState} powers, 0 when none: the state a
     * request gets when the parent limits it (for tables whose requirements do not grow with the ordinal too).
     */
    public int limit(int wanted, int domainState) {
        for (int i = Math.min(wanted, highest()); i > 0; i--) {
            if (states.get(i).poweredBy(domainState)) {
                return i;
            }
        }
        return 0;
    }

    /** The lowest of this (parent's) states whose output powers {@code requirement}; the highest when none does. */
    public int lowestSupplying(int requirement) {
        for (int i = 0; i < states.size(); i++) {
            if ((states.get(i).outputPowerCharacter() & requirement) == requirement) {
                return i;
            }
        }
        return highest();
    }

    /** The state flagged kIOPMInitialDeviceState (the device is already there at registration), or -1. */
    public int initialDeviceState() {
        for (int i = 0; i < states.size(); i++) {
            if ((states.get(i).capabilityFlags() & IOPMPowerFlags.kIOPMInitialDeviceState) != 0) {
                return i;
            }
        }
        return -1;
    }
}
