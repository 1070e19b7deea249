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

    /**
     * IOServicePMPrivate.h {@code StateOrder}: a state's place in the power order (its {@code stateOrder} in a
     * version 2 table, else its index); an ordinal beyond the table is its own order, as in XNU.
     */
    public int order(int state) {
        return state >= 0 && state < states.size() ? (int) order(states.get(state), state) : state;
    }

    /** {@code stateOrderToIndex}: the state at {@code order} in the power order. */
    public int indexOfOrder(int order) {
        for (int i = 0; i < states.size(); i++) {
            if (order(i) == order) {
                return i;
            }
        }
        throw new IllegalArgumentException("no state has order " + order);
    }

    /** True when {@code a} is above {@code b} in the power order ({@code StateOrder(a) > StateOrder(b)}). */
    public boolean above(int a, int b) {
        return order(a) > order(b);
    }

    /** {@code StateMax}: the higher of two states in the power order ({@code b} when {@code a} is below it). */
    public int max(int a, int b) {
        return order(a) < order(b) ? b : a;
    }

    /** {@code StateMin}: the lower of two states in the power order. */
    public int min(int a, int b) {
        return order(a) < order(b) ? a : b;
    }

    /** {@code fHighestPowerState}: the state of the highest order (the last index in a version 1 table). */
    public int highest() {
        return indexOfOrder(states.size() - 1);
    }

    /** The last ordinal, {@code fNumberOfPowerStates - 1} (what ioreg shows as MaxPowerState). */
    public int lastOrdinal() {
        return states.size() - 1;
    }

    /**
     * The highest state a parent output powers (IOService::maxCapabilityForDomainState →
     * getPowerStateForDomainFlags, which walks the power order down); kPowerStateZero (0) when none.
     */
    public int maxFor(int domainState) {
        for (int order = states.size() - 1; order >= 0; order--) {
            int i = indexOfOrder(order);
            if (states.get(i).poweredBy(domainState)) {
                return i;
            }
        }
        return 0;
    }

    /**
     * The highest state at or below {@code wanted} in the power order that {@code domainState} powers (walking
     * the order down as getPowerStateForDomainFlags does), kPowerStateZero (0) when none: the state a request gets
     * when the parent limits it (for tables whose requirements do not grow with the order too).
     */
    public int limit(int wanted, int domainState) {
        for (int order = Math.min(order(wanted), states.size() - 1); order >= 0; order--) {
            int i = indexOfOrder(order);
            if (states.get(i).poweredBy(domainState)) {
                return i;
            }
        }
        return 0;
    }

    /**
     * A child's request mapped to this (parent's) states (IOService::requestPowerDomainState): the bits no state
     * ever outputs are dropped (fMergedOutputPowerFlags), then the lowest state in the power order whose output
     * has the rest; kPowerStateZero (0) when no single state has them all.
     */
    public int lowestSupplying(int requirement) {
        int merged = 0;
        for (IOPMPowerState s : states) {
            merged |= s.outputPowerCharacter();
        }
        int wanted = requirement & merged;
        for (int order = 0; order < states.size(); order++) {
            int i = indexOfOrder(order);
            if ((states.get(i).outputPowerCharacter() & wanted) == wanted) {
                return i;
            }
        }
        return 0;
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
