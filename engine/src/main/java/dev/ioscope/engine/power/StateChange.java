package dev.ioscope.engine.power;

import static dev.ioscope.engine.journal.JournalKind.POWER_ACK;
import static dev.ioscope.engine.journal.JournalKind.POWER_ACK_TIMEOUT;
import static dev.ioscope.engine.journal.JournalKind.POWER_CHANGE_BEGIN;
import static dev.ioscope.engine.journal.JournalKind.POWER_CHANGE_END;
import static dev.ioscope.engine.journal.JournalKind.POWER_CHILDREN_READY;
import static dev.ioscope.engine.journal.JournalKind.POWER_DID_CHANGE;
import static dev.ioscope.engine.journal.JournalKind.POWER_INTEREST_ACK;
import static dev.ioscope.engine.journal.JournalKind.POWER_INTEREST_TIMEOUT;
import static dev.ioscope.engine.journal.JournalKind.POWER_SET_POWER_STATE;
import static dev.ioscope.engine.journal.JournalKind.POWER_SET_POWER_STATE_FAILED;
import static dev.ioscope.engine.journal.JournalKind.POWER_WILL_CHANGE;

import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.journal.JournalKind;

import java.util.List;

/**
 * One power state change of one service, IOServicePM.cpp's change machine (OurChangeStart …
 * OurChangeNotifyInterestedDriversWillChange → notifyAll → notifyInterestedDrivers, then notifyChildren →
 * OurChangeSetPowerState → OurChangeWaitForPowerSettle → OurChangeNotifyInterestedDriversDidChange) as journal
 * events (rule PM4): {@code power.change-begin}; {@code power.will-change} (powerStateWillChangeTo to each
 * interested driver, waiting for their answers); the children told (powerDomainWillChangeTo): those the new
 * output no longer powers change down first and the service waits for them ({@code power.children-ready});
 * {@code power.set-power-state} (its return value is a time budget in µs); {@code power.ack} or
 * {@code power.ack-timeout}; settle time; {@code power.did-change} (powerStateDidChangeTo);
 * {@code power.change-end}, after which the children may rise.
 */
final class StateChange {
    private final PowerManager pm;
    private final PowerNode n;
    private final int from;
    private final int to;

    private final boolean initial;
    /** Not forced by the parent: the service went where its clients want (OurChange, not ParentChange). */
    private final boolean selfInitiated;

    StateChange(PowerManager pm, PowerNode n, int to) {
        this.pm = pm;
        this.n = n;
        this.from = n.current;
        this.to = to;
        this.initial = n.initialChangePending;
        this.selfInitiated = to == pm.desired(n);
    }

    void begin() {
        n.target = to;
        pm.changeStarted();
        // IS_POWER_DROP: StateOrder(fHeadNotePowerState) < StateOrder(fCurrentPowerState)
        String direction = n.table.above(from, to) ? "down" : "up";
        if (initial) {
            pm.record(POWER_CHANGE_BEGIN, n, "from", String.valueOf(from), "to", String.valueOf(to), "direction",
                    direction, "initial", "true");
        } else {
            pm.record(POWER_CHANGE_BEGIN, n, "from", String.valueOf(from), "to", String.valueOf(to), "direction",
                    direction);
        }
        pm.clock.after(PowerManager.STEP_NS, "will change " + n.path, this::tellWillChange);
    }

    /** notifyAll's first half: the interested drivers, then (notifyChildren) the power children. */
    private void tellWillChange() {
        notifyInterested("powerStateWillChangeTo", POWER_WILL_CHANGE, this::tellChildren);
    }

    /**
     * powerDomainWillChangeTo to each child: a child the new output no longer powers changes down at once
     * (ParentChangeStart) and acknowledges when done; the service waits for every child (leaves first).
     */
    private void tellChildren() {
        if (pm.childrenFit(n)) {
            setPowerStateSoon();
            return;
        }
        n.waitingChange = this;
        for (PowerNode c : List.copyOf(n.children)) {
            if (c.table != null && !c.table.get(c.current).poweredBy(n.supply())) {
                pm.adjust(c);
            }
        }
    }

    void childrenReady() {
        pm.record(POWER_CHILDREN_READY, n, "to", String.valueOf(to));
        setPowerStateSoon();
    }

    private void setPowerStateSoon() {
        pm.clock.after(PowerManager.STEP_NS, "setPowerState " + n.path, this::setPowerState);
    }

    /**
     * Tells every interested driver; each returns 0 (IOPMAckImplied) or a budget in µs and then must call
     * acknowledgePowerChange. The change goes on when all have answered or their ack timers ran out.
     */
    private void notifyInterested(String call, JournalKind kind, Runnable next) {
        long waitNs = 0;
        for (InterestedDriver d : n.interested) {
            pm.record(kind, n, "driver", d.name(), "to", String.valueOf(to), "call", call, "returned",
                    String.valueOf(d.returnUs()));
            if (d.returnUs() <= 0) {
                continue;
            }
            long limitNs = PowerManager.ackTimeoutNs(d.returnUs());
            if (d.ackUs() >= 0 && d.ackUs() * 1000 < limitNs) {
                waitNs = Math.max(waitNs, d.ackUs() * 1000);
                pm.clock.after(d.ackUs() * 1000, "acknowledgePowerChange " + d.name(), () -> pm.record(
                        POWER_INTEREST_ACK, n, "driver", d.name(), "call", "acknowledgePowerChange", "afterUs",
                        String.valueOf(d.ackUs()), "late", String.valueOf(d.ackUs() > d.returnUs())));
            } else {
                waitNs = Math.max(waitNs, limitNs);
                // ackTimerTick: the tardy informee gets IOPMTardyAckPowerStateChange; the change goes on
                pm.clock.after(limitNs, "ack timer " + d.name(), () -> pm.record(POWER_INTEREST_TIMEOUT, n,
                        "driver", d.name(), "message", d.name() + "::" + call + "(" + d.name() + ", " + n.entry.name()
                                + ", " + from + " -> " + to + ") timed out after " + limitNs / 1_000_000 + " ms",
                        "property", "IOPMTardyAckPowerStateChange"));
            }
        }
        if (waitNs == 0) {
            next.run();
        } else {
            pm.clock.after(waitNs, call + " answered " + n.path, next);
        }
    }

    /** setPowerState: 0 (kIOPMAckImplied) = done; otherwise the driver has that many µs to acknowledge. */
    private void setPowerState() {
        if (initial && (n.table.get(to).capabilityFlags() & IOPMPowerFlags.kIOPMInitialDeviceState) != 0) {
            // notifyControllingDriver: the initial change into a kIOPMInitialDeviceState state skips setPowerState
            pm.record(POWER_SET_POWER_STATE, n, "from", String.valueOf(from), "to", String.valueOf(to),
                    "returned", "0", "skipped", "kIOPMInitialDeviceState");
            settle();
            return;
        }
        long budgetUs = n.driver.setPowerStateUs();
        try {
            n.driver.onSetPowerState().setPowerState(from, to);
        } catch (RuntimeException | LinkageError e) {
            // a plugin's driver code that throws is the driver's failure, logged like a kernel would; the
            // change itself goes on (power management does not roll back a state the driver did not reach)
            pm.record(POWER_SET_POWER_STATE_FAILED, n, "to", String.valueOf(to), "reason", String.valueOf(e));
        }
        pm.record(POWER_SET_POWER_STATE, n, "from", String.valueOf(from), "to", String.valueOf(to), "returned",
                String.valueOf(budgetUs));
        if (budgetUs <= 0) {   // IOPMAckImplied, or a negative result (an error): taken as done
            settle();
            return;
        }
        // notifyControllingDriverDone: a budget under kMinAckTimeoutTicks is raised to it; the ack timer ticks
        // every ACK_TIMER_PERIOD and fDriverTimer = budget / period + 1 ticks
        long timeoutNs = PowerManager.ackTimeoutNs(budgetUs);
        long ackUs = n.driver.ackUs();
        if (ackUs >= 0 && ackUs * 1000 < timeoutNs) {
            pm.clock.after(ackUs * 1000, "acknowledgeSetPowerState " + n.path, () -> {
                pm.record(POWER_ACK, n, "call", "acknowledgeSetPowerState", "afterUs", String.valueOf(ackUs),
                        "late", String.valueOf(ackUs > budgetUs));
                settle();
            });
            return;
        }
        pm.clock.after(timeoutNs, "ack timer " + n.path, () -> {
            // IOServicePM.cpp ackTimerTick: the tardy driver is marked, the error logged, the change goes on
            n.entry.setProperty("IOPMTardyAckSetPowerState", OSBoolean.TRUE);
            pm.record(POWER_ACK_TIMEOUT, n, "message", n.entry.name() + "::setPowerState(" + n.path + ", "
                    + from + " -> " + to + ") timed out after " + timeoutNs / 1_000_000 + " ms", "budgetUs",
                    String.valueOf(budgetUs));
            settle();
        });
        if (ackUs >= 0) {
            pm.clock.after(ackUs * 1000, "stray ack " + n.path, () -> pm.record(POWER_ACK, n, "call",
                    "acknowledgeSetPowerState", "afterUs", String.valueOf(ackUs), "late", "true", "ignored",
                    "true"));
        }
    }

    /**
     * Settle time (IOServicePM.cpp startSettleTimer): raising, the settleUpTime of every state stepped into;
     * lowering, the settleDownTime of every state stepped out of — stepping along the power order.
     */
    private void settle() {
        long us = 0;
        PowerStateTable t = n.table;
        int a = t.order(from);
        int b = t.order(to);
        for (int o = Math.min(a, b) + 1; o <= Math.max(a, b); o++) {
            IOPMPowerState s = t.get(t.indexOfOrder(o));
            us += b > a ? s.settleUpTime() : s.settleDownTime();
        }
        pm.clock.after(Math.max(PowerManager.STEP_NS, us * 1000), "settle " + n.path, this::tellDidChange);
    }

    private void tellDidChange() {
        n.current = to;
        notifyInterested("powerStateDidChangeTo", POWER_DID_CHANGE, this::end);
    }

    private void end() {
        n.target = -1;
        pm.record(POWER_CHANGE_END, n, "state", String.valueOf(to));
        pm.changeFinished(n, selfInitiated);
    }
}
