package dev.ioscope.engine.userclient;

import dev.ioscope.engine.sim.Scheduler;

/**
 * Wires user clients to the machine's deterministic scheduler: async completions and driver work become scheduler
 * tasks on virtual time, named with the label the user-client code gives them.
 */
public record SchedulerTimeSink(Scheduler scheduler) implements VirtualTimeSink {
    @Override
    public long now() {
        return scheduler.now();
    }

    @Override
    public void after(long delayNs, String what, Runnable action) {
        scheduler.after(delayNs, what, action);
    }
}
