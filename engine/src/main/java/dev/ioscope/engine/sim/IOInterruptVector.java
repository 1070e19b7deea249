package dev.ioscope.engine.sim;

import dev.ioscope.engine.registry.IORegistryEntry;

/**
 * One vector of an interrupt controller (IOInterruptController.h's {@code IOInterruptVector}): who registered it
 * and its enable state. {@code disabledSoft} is the driver's request (enableInterrupt / disableInterrupt),
 * {@code disabledHard} whether the line is off at the hardware; a vector starts both (registerInterrupt, IC4).
 * {@code pending} is IOScope's model of the controller's latch for an assertion that arrived while soft-disabled
 * (IC6): XNU leaves it to the platform's controller, whose code is not open.
 */
final class IOInterruptVector {
    final int number;
    boolean registered;
    boolean disabledSoft;
    boolean disabledHard;
    boolean pending;
    IORegistryEntry nub;
    int source;
    InterruptControllers.Handler handler;
    /** The shared controller this vector was broken out into (IC7), or null. */
    IOSharedInterruptController shared;
    /** Assertions delivered to the handler (what an IOInterruptAccounting first-level count shows). */
    long delivered;

    IOInterruptVector(int number) {
        this.number = number;
    }

    /** Clears everything but the number, as unregisterInterrupt does (all storage except the lock). */
    void clear() {
        registered = false;
        disabledSoft = false;
        disabledHard = false;
        pending = false;
        nub = null;
        source = 0;
        handler = null;
        shared = null;
    }
}
