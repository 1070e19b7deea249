package dev.ioscope.engine.power;

import java.util.List;

/**
 * A driver's power state array after the checks registerPowerDriver makes (IOServicePM.cpp
 * {@code IOService::registerPowerDriver}): at least two states, every state of version 1 or 2 (all the same
 * version), for version 2 a {@code stateOrder} that is a permutation of 0..n-1. IOScope also refuses what XNU
 * accepts but cannot be right: more than {@link #MAX_STATES} states, and a table whose capability does not
 * grow with the ordinal (state 0 must not be usable while a higher state is not powered on).
 */
public record PowerStateTable(List<IOPMPowerState> states) {
    /** A bound on the table size (XNU has no fixed one; 32 is far above any real driver). */
    public static final int MAX_STATES = 32;

    public PowerStateTable {
        states = List.copyOf(states);
    }

    /** Checks a driver's table; throws {@link PowerTableException} naming the state and the problem. */
    public static PowerStateTable validate(String driver, List<IOPMPowerState> states) {
        if (states == null || states.size() < 2) {
            throw new PowerTableException(driver, -1, "a power state array needs at least 2 states (has "
                    + (states == null ? 0 : states.size()) + ") — registerPowerDriver returns kIOReturnBadArgument");
        }
        if (states.size() > MAX_STATES) {
            throw new PowerTableException(driver, -1, states.size() + " states, more than " + MAX_STATES);
        }
        int version = states.get(0).version();
        if (version != IOPMPowerFlags.kIOPMPowerStateVersion1 && version != IOPMPowerFlags.kIOPMPowerStateVersion2) {
            throw new PowerTableException(driver, 0, "version " + version
                    + " is neither kIOPMPowerStateVersion1 (1) nor kIOPMPowerStateVersion2 (2)");
        }
        boolean[] orderSeen = new boolean[states.size()];
        for (int i = 0; i < states.size(); i++) {
            IOPMPowerState s = states.get(i);
            if (s.version() != version) {
                throw new PowerTableException(driver, i, "version " + s.version() + " differs from state 0's "
                        + version);
            }
            if (version == IOPMPowerFlags.kIOPMPowerStateVersion2) {
                if (s.stateOrder() < 0 || s.stateOrder() >= states.size() || orderSeen[(int) s.stateOrder()]) {
                    throw new PowerTableException(driver, i, "stateOrder " + s.stateOrder()
                            + " is not a unique value in 0.." + (states.size() - 1));
                }
                orderSeen[(int) s.stateOrder()] = true;
            }
            if (s.staticPower() < 0 || s.settleUpTime() < 0 || s.settleDownTime() < 0 || s.timeToAttain() < 0
                    || s.timeToLower() < 0) {
                throw new PowerTableException(driver, i, "negative power or time");
            }
            if (i > 0) {
                IOPMPowerState lower = states.get(i - 1);
                boolean lowerOn = (lower.capabilityFlags() & IOPMPowerFlags.kIOPMPowerOn) != 0;
                boolean thisOn = (s.capabilityFlags() & IOPMPowerFlags.kIOPMPowerOn) != 0;
                if (lowerOn && !thisOn) {
                    throw new PowerTableException(driver, i, "power states ascend: state " + (i - 1)
                            + " is kIOPMPowerOn but state " + i + " is not");
                }
                if (lower.staticPower() > s.staticPower() && s.staticPower() != 0) {
                    throw new PowerTableException(driver, i, "power states ascend: staticPower " + s.staticPower()
                            + " is below state " + (i - 1) + "'s " + lower.staticPower());
                }
            }
        }
        return new PowerStateTable(states);
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
