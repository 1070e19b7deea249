package dev.ioscope.engine.power;

/**
 * One row of a driver's power state array, the fields of {@code IOPMPowerState} (iokit/IOKit/IOPMpowerState.h).
 * Version 1 has {@code unbudgetedPower} where version 2 ({@code IOPMPowerStateV2}) has {@code stateOrder}; the
 * field is kept here as {@code stateOrder} and only read for version 2 tables. Times are microseconds.
 */
public record IOPMPowerState(int version, int capabilityFlags, int outputPowerCharacter, int inputPowerRequirement,
                             long staticPower, long stateOrder, long powerToAttain, long timeToAttain,
                             long settleUpTime, long timeToLower, long settleDownTime, long powerDomainBudget) {

    /** A version 1 state with only the flags that matter to the power tree. */
    public static IOPMPowerState of(int capabilityFlags, int outputPowerCharacter, int inputPowerRequirement) {
        return new IOPMPowerState(IOPMPowerFlags.kIOPMPowerStateVersion1, capabilityFlags, outputPowerCharacter,
                inputPowerRequirement, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** With settle times (µs) after raising to / lowering to this state. */
    public IOPMPowerState withSettle(long up, long down) {
        return new IOPMPowerState(version, capabilityFlags, outputPowerCharacter, inputPowerRequirement, staticPower,
                stateOrder, powerToAttain, timeToAttain, up, timeToLower, down, powerDomainBudget);
    }

    /**
     * Whether a parent whose current state supplies {@code domainState} (its outputPowerCharacter) powers this
     * state: every bit this state requires is supplied (IOService::maxCapabilityForDomainState's test).
     */
    public boolean poweredBy(int domainState) {
        return (domainState & inputPowerRequirement) == inputPowerRequirement;
    }
}
