package dev.ioscope.app;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The one way a UI test waits: until what the engine or a job thread and then the FX thread make true, then one
 * more round of FX events. The bound is generous because CI machines are loaded (a whole virtual Mac boots in some
 * tests); it only matters when a test fails, since a condition that holds ends the wait at once. No test sleeps.
 */
public final class Await {
    /** Seconds before a wait gives up and the test fails with a timeout. */
    public static final long BOUND_SECONDS = 120;

    private Await() {
    }

    public static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(BOUND_SECONDS, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
