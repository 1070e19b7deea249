package dev.ioscope.engine.sim;

import static dev.ioscope.engine.journal.JournalKind.INTERRUPT_ACTION;
import static dev.ioscope.engine.journal.JournalKind.INTERRUPT_DISABLE;
import static dev.ioscope.engine.journal.JournalKind.INTERRUPT_ENABLE;
import static dev.ioscope.engine.journal.JournalKind.INTERRUPT_MASKED;

import dev.ioscope.engine.registry.IORegistryEntry;

/**
 * IOInterruptEventSource: interrupt {@code index} of a provider (a device model raises it) counted in primary
 * interrupt context ({@code producerCount++}, signalWorkAvailable) and handled on the work loop: checkForWork
 * calls the action once with every interrupt counted since the last call ({@code numInts = producerCount -
 * consumerCount}). disable masks the interrupt at the provider; one raised while masked is held pending by the
 * interrupt controller and delivered when enabled again. Rules IN1-IN4 in docs/iokit-rules.md.
 */
public final class IOInterruptEventSource extends IOEventSource {
    /** The action: (source, number of interrupts since the last call). */
    @FunctionalInterface
    public interface Action {
        void interruptOccurred(IOInterruptEventSource source, int count);
    }

    private final IORegistryEntry provider;
    private final int index;
    private final Action action;
    private long producerCount;
    private long consumerCount;
    private boolean pendingWhileMasked;

    public IOInterruptEventSource(IORegistryEntry owner, String name, IORegistryEntry provider, int index,
                                  Action action) {
        super(owner, name);
        this.provider = provider;
        this.index = index;
        this.action = action;
    }

    public IORegistryEntry provider() {
        return provider;
    }

    public int index() {
        return index;
    }

    public long producerCount() {
        return producerCount;
    }

    public long consumerCount() {
        return consumerCount;
    }

    /** The device raised the interrupt (what the provider's interrupt controller delivers). */
    void interruptOccurred() {
        if (!enabled) {
            pendingWhileMasked = true;
            record(INTERRUPT_MASKED, "source", name, "index", String.valueOf(index));
            return;
        }
        producerCount++;
        signalWorkAvailable();
    }

    @Override
    public void enable() {
        boolean was = enabled;
        super.enable();
        if (!was) {
            record(INTERRUPT_ENABLE, "source", name, "index", String.valueOf(index));
        }
        if (pendingWhileMasked) {
            pendingWhileMasked = false;
            interruptOccurred();
        }
    }

    @Override
    public void disable() {
        boolean was = enabled;
        super.disable();
        if (was) {
            record(INTERRUPT_DISABLE, "source", name, "index", String.valueOf(index));
        }
    }

    @Override
    boolean checkForWork() {
        long produced = producerCount;
        long n = produced - consumerCount;
        if (n > 0 && action != null) {
            record(INTERRUPT_ACTION, "source", name, "index", String.valueOf(index), "count", String.valueOf(n));
            consumerCount = produced;
            action.interruptOccurred(this, (int) Math.min(Integer.MAX_VALUE, n));
        }
        return false;
    }
}
