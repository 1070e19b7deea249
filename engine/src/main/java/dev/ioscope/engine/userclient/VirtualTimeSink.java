package dev.ioscope.engine.userclient;

/**
 * Where later work goes: a scheduler on virtual time. {@code dev.ioscope.engine.sim.Scheduler} fits it
 * ({@code scheduler::now}, {@code scheduler::after}); tests use a small manual queue.
 */
public interface VirtualTimeSink {
    /** Virtual time, ns. */
    long now();

    /** Runs {@code action} {@code delayNs} after now, labelled {@code what} for the journal. */
    void after(long delayNs, String what, Runnable action);
}
