package dev.ioscope.engine.power;

/**
 * Why the system sleeps: IOPMPrivate.h's kIOPMSleepReason values. Only idle sleep asks clients for permission
 * (kIOMessageCanSystemSleep) and can be vetoed or prevented by an assertion; every other reason is a demand
 * sleep (IOPMrootDomain.cpp {@code privateSleepSystem} → {@code evaluatePolicy(kStimulusDemandSystemSleep)} →
 * {@code changePowerStateWithOverrideTo}, whose kIOPMSkipAskPowerDown makes {@code systemMessageFilter} drop
 * kIOMessageCanSystemSleep). Rule PM14.
 */
public enum SleepReason {
    CLAMSHELL("clamshell", 101),
    POWER_BUTTON("powerButton", 102),
    /** kIOPMSleepReasonSoftware: a user's sleep request (the Apple menu, IOPMSleepSystem). */
    SOFTWARE("software", 103),
    IDLE("idle", 105),
    LOW_POWER("lowPower", 106),
    THERMAL_EMERGENCY("thermalEmergency", 107),
    MAINTENANCE("maintenance", 108);

    private final String word;
    private final int value;

    SleepReason(String word, int value) {
        this.word = word;
        this.value = value;
    }

    public String word() {
        return word;
    }

    /** The kIOPMSleepReason value (IOPMPrivate.h). */
    public int value() {
        return value;
    }

    /** Demand sleep: no permission asked, no veto, assertions do not hold it off. */
    public boolean demand() {
        return this != IDLE;
    }

    /** A scenario's {@code reason}: one of the words above, or {@code user} for a user's (software) sleep. */
    public static SleepReason of(String word) {
        if (word == null || word.equals("user")) {
            return word == null ? IDLE : SOFTWARE;
        }
        for (SleepReason r : values()) {
            if (r.word.equals(word)) {
                return r;
            }
        }
        throw new IllegalArgumentException("\"reason\" is idle, user, software, clamshell, powerButton, lowPower, "
                + "thermalEmergency or maintenance, not " + word);
    }
}
