package dev.ioscope.engine.power;

import static dev.ioscope.engine.journal.JournalKind.POWER_IDLE_PERIOD;
import static dev.ioscope.engine.journal.JournalKind.POWER_IDLE_TIMER;
import static dev.ioscope.engine.journal.JournalKind.POWER_TICKLE;

/**
 * The idle timer of IOServicePM.cpp on the virtual clock (rule PM9): {@code setIdleTimerPeriod} (seconds),
 * {@code _activityTickle} / {@code handleActivityTickle}, {@code start_PM_idle_timer} / {@code nextIdleTimeout},
 * {@code idleTimerExpired}, {@code restartIdleTimer}. The timer runs free: a tickle only marks the device active.
 * At expiry, after activity it is re-armed for the period less the whole seconds since the last tickle; without
 * activity the device desire drops one state (never below the last tickle's state before the device has reached
 * it) and the timer restarts while the desire is above 0.
 */
final class IdleTimer {
    private static final long SECOND_NS = 1_000_000_000L;
    private final PowerManager pm;

    IdleTimer(PowerManager pm) {
        this.pm = pm;
    }

    /**
     * activityTickle(kIOPMSuperclassPolicy1, state): a tickle for state 0 does nothing; otherwise the device is
     * marked active and, when {@code s} is above the last tickle's state, the device desire is raised to it.
     * Returns XNU's answer: true when no power change request was issued.
     */
    boolean tickle(PowerNode n, int s) {
        pm.record(POWER_TICKLE, n, "state", String.valueOf(s), "current", String.valueOf(n.current));
        PowerStateTable t = n.table;
        if (t.order(s) == 0) {   // _activityTickle: StateOrder(stateNumber) == 0 does nothing
            return true;
        }
        n.deviceWasActive = true;
        n.tickles++;
        n.lastActivity = pm.clock.now();
        boolean noPowerChange = true;
        if (n.ticklePowerState < 0 || t.order(n.ticklePowerState) < t.order(s)) {
            n.ticklePowerState = s;
            noPowerChange = false;
            // handleActivityTickle, kTickleTypePowerRise: only a state in the table, above the device desire
            int desireOrder = t.order(Math.max(0, n.deviceDesire));   // no device request: kPowerStateZero
            if (t.order(s) > desireOrder && s <= t.lastOrdinal()) {
                n.idleTimerMinPowerState = s;
                n.deviceDesire = s;
                pm.request(n);
            }
        }
        pm.publish(n);
        return noPowerChange;
    }

    /** setIdleTimerPeriod (seconds): the timer (re)starts when the period is above 0. */
    void setPeriod(PowerNode n, long seconds) {
        if (seconds < 0 || seconds > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(n.path + ": setIdleTimerPeriod(" + seconds
                    + ") — a period above INT_MAX is kIOReturnBadArgument");
        }
        n.idlePeriodS = seconds;
        pm.record(POWER_IDLE_PERIOD, n, "seconds", String.valueOf(seconds));
        stop(n);
        if (seconds > 0) {
            restart(n);
        }
        pm.publish(n);
    }

    /** restartIdleTimer: runs while the device desire is above 0, else stays stopped. */
    void restart(PowerNode n) {
        if (n.idlePeriodS <= 0 || n.table == null) {
            return;
        }
        if (n.deviceDesire > 0) {   // fDeviceDesire != kPowerStateZero: the ordinal, not the order
            start(n);
        } else {
            stop(n);
        }
    }

    /** computeDesiredState: a stopped timer restarts when a desire is (re)computed. */
    void desireComputed(PowerNode n) {
        if (n.idlePeriodS > 0 && !n.idleTimerArmed) {
            restart(n);
        }
    }

    void stop(PowerNode n) {
        n.idleTimerArmed = false;
        n.idleGeneration++;
    }

    /** start_PM_idle_timer with nextIdleTimeout: the period less the whole seconds since the last tickle. */
    private void start(PowerNode n) {
        long period = n.idlePeriodS;
        long delay = period;
        if (n.lastActivity >= 0) {
            long deltaS = (pm.clock.now() - n.lastActivity) / SECOND_NS;
            if (deltaS < period) {
                delay = period - deltaS;
            }
        }
        n.idleTimerArmed = true;
        int gen = ++n.idleGeneration;
        pm.clock.after(delay * SECOND_NS, "idle timer " + n.path, () -> expired(n, gen));
    }

    /** idleTimerExpired and the drop request it submits (handleActivityTickle, kTickleTypePowerDrop). */
    private void expired(PowerNode n, int gen) {
        if (gen != n.idleGeneration || n.table == null || n.idlePeriodS <= 0) {
            return;
        }
        n.idleTimerArmed = false;
        if (n.deviceWasActive) {
            n.deviceWasActive = false;
            start(n);
            return;
        }
        if (n.ticklePowerState > 0) {
            n.ticklePowerState--;   // idleTimerExpired: fActivityTicklePowerState-- (the ordinal, as XNU does)
        }
        PowerStateTable t = n.table;
        int desireOrder = t.order(Math.max(0, n.deviceDesire));
        if (desireOrder > t.order(n.idleTimerMinPowerState)) {
            n.deviceDesire = t.indexOfOrder(desireOrder - 1);   // one step down the power order
            pm.record(POWER_IDLE_TIMER, n, "desire", String.valueOf(n.deviceDesire), "current",
                    String.valueOf(n.current));
            pm.request(n);
            restart(n);
        }
        // else: the desire is held at the tickle's state until the device reaches it; XNU keeps ticking to no
        // effect, IOScope parks the timer until changeFinished clears the hold (so a scenario becomes quiet)
    }

    /** all_done: once the device has reached the tickle's state the idle timer may lower it again. */
    void changeDone(PowerNode n) {
        if (n.idleTimerMinPowerState != 0 && n.table != null
                && n.table.order(n.current) >= n.table.order(n.idleTimerMinPowerState)) {
            n.idleTimerMinPowerState = 0;
            if (!n.idleTimerArmed) {
                restart(n);
            }
        }
    }
}
