package dev.ioscope.engine.power;

/**
 * The idle timer of IOServicePM.cpp (setIdleTimerPeriod, activityTickle, idleTimerExpired) on the virtual clock:
 * a period without a tickle lowers the device desire one state (rule P7 in docs/iokit-rules.md).
 */
final class IdleTimer {
    private final PowerManager pm;

    IdleTimer(PowerManager pm) {
        this.pm = pm;
    }

    /**
     * activityTickle(kIOPMSuperclassPolicy1, state): records activity for the idle timer and raises the device
     * desire to {@code state} when it is lower. True when the device is already in that state or higher.
     */
    boolean tickle(PowerNode n, int s) {
        n.tickles++;
        n.lastActivity = pm.clock.now();
        boolean usable = n.current >= s && !n.changing();
        pm.record("power.tickle", n, "state", String.valueOf(s), "current", String.valueOf(n.current));
        if (n.deviceDesire < s) {
            n.deviceDesire = s;
            pm.request(n);
        }
        arm(n);
        pm.publish(n);
        return usable;
    }

    /** setIdleTimerPeriod: after {@code periodMs} without a tickle, the device desire drops by one state. */
    void setPeriod(PowerNode n, long periodMs) {
        n.idlePeriodNs = Math.max(0, periodMs) * 1_000_000L;
        n.idleGeneration++;
        n.idleTimerArmed = false;
        n.lastActivity = pm.clock.now();
        pm.record("power.idle-period", n, "ms", String.valueOf(periodMs));
        arm(n);
        pm.publish(n);
    }

    void arm(PowerNode n) {
        if (n.idlePeriodNs <= 0 || n.idleTimerArmed || n.table == null) {
            return;
        }
        n.idleTimerArmed = true;
        int gen = n.idleGeneration;
        long due = n.lastActivity + n.idlePeriodNs;
        if (due <= pm.clock.now()) {
            due = pm.clock.now() + n.idlePeriodNs;   // a parked timer starts again with a full period
            n.lastActivity = pm.clock.now();
        }
        pm.clock.at(due, "idle timer " + n.path, () -> idleTimerExpired(n, gen));
    }

    /** IOService::idleTimerExpired: no activity for a whole period → the device desire goes one state down. */
    private void idleTimerExpired(PowerNode n, int gen) {
        if (gen != n.idleGeneration || n.table == null) {
            return;
        }
        n.idleTimerArmed = false;
        if (pm.clock.now() - n.lastActivity < n.idlePeriodNs) {
            arm(n);   // a tickle came in this period: wait a full period from it
            return;
        }
        int from = Math.max(n.current, n.deviceDesire);
        if (from <= 0 || from - 1 == n.deviceDesire) {
            // nothing to lower (or another client holds the device up): the timer parks until the next tickle
            // or power change re-arms it (XNU keeps it ticking to the same effect)
            return;
        }
        n.deviceDesire = from - 1;
        n.lastActivity = pm.clock.now();
        pm.record("power.idle-timer", n, "desire", String.valueOf(n.deviceDesire), "current",
                String.valueOf(n.current));
        pm.request(n);
        if (n.deviceDesire > 0) {
            arm(n);
        }
    }
}
