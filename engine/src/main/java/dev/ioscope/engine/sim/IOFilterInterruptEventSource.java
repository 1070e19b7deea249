package dev.ioscope.engine.sim;

import dev.ioscope.engine.journal.JournalKind;
import dev.ioscope.engine.registry.IORegistryEntry;

/**
 * IOFilterInterruptEventSource: the filter runs in primary interrupt context on every interrupt; only when it
 * answers true is the interrupt counted and the work loop woken (and, for a level-triggered line, the line
 * disabled until the action ran). A filter answering false leaves no trace on the work loop and keeps the line
 * enabled (IC9).
 */
public final class IOFilterInterruptEventSource extends IOInterruptEventSource {
    /** The filter: true to schedule the action on the work loop. */
    @FunctionalInterface
    public interface Filter {
        boolean filterInterrupt(IOFilterInterruptEventSource source);
    }

    private final Filter filter;
    private long filtered;

    public IOFilterInterruptEventSource(IORegistryEntry owner, String name, IORegistryEntry provider, int index,
                                        Action action, Filter filter) {
        super(owner, name, provider, index, action);
        if (filter == null) {
            throw new IllegalArgumentException("IOFilterInterruptEventSource::init fails without a filter");
        }
        this.filter = filter;
    }

    /** How many interrupts the filter has seen. */
    public long filtered() {
        return filtered;
    }

    @Override
    void primaryInterrupt(IORegistryEntry nub, int source) {
        filtered++;
        boolean r = filter.filterInterrupt(this);
        record(JournalKind.INTERRUPT_FILTER, "source", name, "index", String.valueOf(index()), "result",
                String.valueOf(r));
        if (r) {
            if (getAutoDisable()) {
                interrupts().disableInterrupt(nub, source);
            }
            signalInterrupt();
        }
    }
}
