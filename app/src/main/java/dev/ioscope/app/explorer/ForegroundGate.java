package dev.ioscope.app.explorer;

import java.util.concurrent.TimeUnit;

/**
 * Lets background work stand aside while the user waits: the FX thread holds the gate while a search it asked for
 * is running, and a background builder passes it between chunks of its work, waiting while it is held. On two
 * cores the index's rest otherwise takes half the machine from a search typed right after an open
 * (docs/benchmarks.md, sixth session). A builder never waits longer than {@link #MAX_WAIT_MILLIS} at one pass,
 * so a hold that is never released slows the build down but never stops it.
 */
final class ForegroundGate {
    /** The longest one pass waits: longer than a search of 100k entries and its frame take. */
    static final long MAX_WAIT_MILLIS = 250;

    private boolean held;
    private boolean waiting;

    /** Holds or releases the gate; any thread. */
    synchronized void hold(boolean hold) {
        held = hold;
        if (!hold) {
            notifyAll();
        }
    }

    synchronized boolean isHeld() {
        return held;
    }

    /** True while a builder waits at the gate (tests). */
    synchronized boolean isWaiting() {
        return waiting;
    }

    /** Waits while the gate is held, at most {@link #MAX_WAIT_MILLIS}; an interrupt ends the wait. */
    synchronized void pass() {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
        try {
            while (held) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                waiting = true;
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting = false;
        }
    }
}
