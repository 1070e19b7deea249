package dev.ioscope.engine.sim;

import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.iokit.IOReturn;
import dev.ioscope.engine.registry.IORegistryEntry;

/**
 * IOInterruptEventSource: interrupt {@code index} of a provider, registered with the provider's interrupt
 * controller when the source joins a work loop (setWorkLoop → registerInterruptHandler), counted in primary
 * interrupt context ({@code producerCount++}, signalWorkAvailable) and handled on the work loop: checkForWork calls
 * the action once with every interrupt counted since the last call ({@code numInts = producerCount -
 * consumerCount}). A level-triggered line is disabled at the controller when it fires and enabled again after the
 * action (autoDisable), unless the driver disabled it. Rules IN1-IN3 and IC4-IC9 in docs/iokit-rules.md.
 */
public class IOInterruptEventSource extends IOEventSource {
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
    private boolean registered;
    private boolean autoDisable;
    private boolean explicitDisable;
    private int registerResult = IOReturn.kIOReturnNotReady;

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

    /** getAutoDisable: the line is level-triggered, so it is masked from the interrupt until the action ran. */
    public boolean getAutoDisable() {
        return autoDisable;
    }

    /** What registerInterrupt answered (kIOReturnNotReady until it has been asked, or while it waits). */
    public int registerResult() {
        return registerResult;
    }

    /** registerInterruptHandler: getInterruptType, then registerInterrupt with the handler for that type. */
    void register(InterruptControllers interrupts) {
        if (provider == null || registered) {
            return;
        }
        interrupts.registerInterrupt(provider, index, handler(), (result, type) -> {
            registerResult = result;
            registered = result == IOReturn.kIOReturnSuccess;
            autoDisable = type == InterruptControllers.kIOInterruptTypeLevel;
        });
    }

    /** setWorkLoop(NULL): unregisterInterruptHandler. */
    void unregister(InterruptControllers interrupts) {
        if (registered) {
            interrupts.unregisterInterrupt(provider, index);
            registered = false;
        }
    }

    private InterruptControllers.Handler handler() {
        return new InterruptControllers.Handler() {
            @Override
            public String name() {
                return IOInterruptEventSource.this.name;
            }

            @Override
            public void interruptOccurred(IORegistryEntry nub, int source) {
                primaryInterrupt(nub, source);
            }
        };
    }

    /** normalInterruptOccurred / disableInterruptOccurred (level: the line is disabled first). */
    void primaryInterrupt(IORegistryEntry nub, int source) {
        if (autoDisable) {
            interrupts().disableInterrupt(nub, source);
        }
        signalInterrupt();
    }

    /** producerCount++ and wake the work loop. */
    final void signalInterrupt() {
        producerCount++;
        signalWorkAvailable();
    }

    InterruptControllers interrupts() {
        return workLoop.sim.interrupts();
    }

    /** enable: provider->enableInterrupt(index), when registered; the vector starts disabled until this (IC4). */
    @Override
    public void enable() {
        if (registered) {
            // journalled before the call: what the controller does as a result follows it
            record(JournalKind.INTERRUPT_ENABLE, "source", name, "index", String.valueOf(index));
            interrupts().enableInterrupt(provider, index);
            explicitDisable = false;
            enabled = true;
        }
    }

    /** disable: provider->disableInterrupt(index), when registered. */
    @Override
    public void disable() {
        if (registered) {
            // journalled before the call: what the controller does as a result follows it
            record(JournalKind.INTERRUPT_DISABLE, "source", name, "index", String.valueOf(index));
            interrupts().disableInterrupt(provider, index);
            explicitDisable = true;
            enabled = false;
        }
    }

    @Override
    boolean checkForWork() {
        long produced = producerCount;
        long n = produced - consumerCount;
        if (n != 0) {
            record(JournalKind.INTERRUPT_ACTION, "source", name, "index", String.valueOf(index), "count",
                    String.valueOf(n));
            consumerCount = produced;
            if (action != null) {
                action.interruptOccurred(this, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n)));
            }
            if (autoDisable && !explicitDisable) {
                enable();
            }
        }
        return false;
    }
}
