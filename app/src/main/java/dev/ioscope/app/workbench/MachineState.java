package dev.ioscope.app.workbench;

import dev.ioscope.engine.sim.InterruptTree;
import dev.ioscope.engine.sim.JournalEvent;

import java.util.List;
import java.util.Map;

/**
 * What the engine thread publishes for the UI to pull once per frame: immutable, replaced as a whole.
 *
 * @param version  grows with every publication (the UI skips a frame when it has seen this one)
 * @param clockNs  the virtual clock at {@code position}
 * @param position scheduler steps taken
 * @param events   how many journal events exist at {@code position}
 * @param stepFrom the first event the last step journaled (events from here to {@code events} are "now")
 * @param history  the longest journal known (events past {@code events} are the deterministic future, known
 *                 from an earlier run before stepping back)
 * @param running  whether the engine is running on its own
 * @param quiet    nothing more is scheduled (waitQuiet reached)
 * @param registry the IOService plane at {@code position}; while running, the one at the last stop
 * @param personalities personalities in the IOCatalogue at {@code position}
 * @param panels   each panel's state ({@link PanelState}) at {@code position}
 * @param interrupts the interrupt controllers, their vectors in use and the handlers on them at {@code position}
 */
public record MachineState(long version, String machine, long clockNs, long position, int events, int stepFrom,
                           List<JournalEvent> history, boolean running, boolean quiet, EntryNode registry,
                           int personalities, Map<PanelState<?>, Object> panels,
                           List<InterruptTree.Controller> interrupts) {
    public MachineState {
        history = List.copyOf(history);
        panels = Map.copyOf(panels);
        interrupts = List.copyOf(interrupts);
    }

    /** A panel's state at {@code position}, or its empty value when no sampler published it. */
    public <T> T panel(PanelState<T> key) {
        Object v = panels.get(key);
        @SuppressWarnings("unchecked")
        T t = v == null ? key.empty() : (T) v;
        return t;
    }
}
