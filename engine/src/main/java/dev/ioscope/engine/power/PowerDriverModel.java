package dev.ioscope.engine.power;

/**
 * What an emulated driver does when power management calls it.
 *
 * @param setPowerStateUs what setPowerState returns: 0 is kIOPMAckImplied (done at once), otherwise the
 *                        microseconds the driver asks for before it calls acknowledgeSetPowerState
 * @param ackUs           when the driver calls acknowledgeSetPowerState after setPowerState, µs; -1 never
 *                        (only read when setPowerStateUs is not 0)
 * @param vetoSleep       answers kIOMessageCanSystemSleep with a veto (cancelPowerChange)
 * @param sleepAckUs      acknowledges kIOMessageSystemWillSleep this late (allowPowerChange), µs; 0 at once
 */
public record PowerDriverModel(long setPowerStateUs, long ackUs, boolean vetoSleep, long sleepAckUs) {
    /** A driver that finishes every setPowerState synchronously and never objects. */
    public static final PowerDriverModel SYNCHRONOUS = new PowerDriverModel(0, 0, false, 0);
}
