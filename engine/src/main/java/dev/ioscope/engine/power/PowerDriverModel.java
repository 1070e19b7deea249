package dev.ioscope.engine.power;

/**
 * What an emulated power driver does when power management calls its setPowerState. Who hears the system's
 * sleep and wake messages is not the power driver's business: that is a registration with the root domain
 * ({@link SleepWakeClient}).
 *
 * @param setPowerStateUs what setPowerState returns: 0 is kIOPMAckImplied (done at once), otherwise the
 *                        microseconds the driver asks for before it calls acknowledgeSetPowerState
 * @param ackUs           when the driver calls acknowledgeSetPowerState after setPowerState, µs; -1 never
 *                        (only read when setPowerStateUs is not 0)
 * @param onSetPowerState the driver's own code run when power management calls its setPowerState (an emulated
 *                        family driver updating its hardware model); never null
 */
public record PowerDriverModel(long setPowerStateUs, long ackUs, SetPowerState onSetPowerState) {
    /** A driver that finishes every setPowerState synchronously. */
    public static final PowerDriverModel SYNCHRONOUS = new PowerDriverModel(0, 0);

    /** The driver's side of {@code IOService::setPowerState(ordinal, whatDevice)}. */
    @FunctionalInterface
    public interface SetPowerState {
        SetPowerState NONE = (from, to) -> {
        };

        void setPowerState(int from, int to);
    }

    public PowerDriverModel {
        onSetPowerState = onSetPowerState == null ? SetPowerState.NONE : onSetPowerState;
    }

    public PowerDriverModel(long setPowerStateUs, long ackUs) {
        this(setPowerStateUs, ackUs, SetPowerState.NONE);
    }

    /** This model with the driver's own setPowerState code. */
    public PowerDriverModel withSetPowerState(SetPowerState code) {
        return new PowerDriverModel(setPowerStateUs, ackUs, code);
    }
}
