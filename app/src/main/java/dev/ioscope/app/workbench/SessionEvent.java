package dev.ioscope.app.workbench;

import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.sim.CandidateVerdict;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;

import java.util.List;

/** The low-rate news of a machine session, delivered on the UI thread (FxDispatch). */
public sealed interface SessionEvent {
    /** The machine stopped: paused, quiet, or after a step. */
    record Stopped(String why) implements SessionEvent {
    }

    /** Run to breakpoint stopped at an event. */
    record BreakpointHit(JournalEvent event, Breakpoint breakpoint) implements SessionEvent {
    }

    /** A command failed (a snapshot that no longer reads, a kext that does not load, ...). */
    record Failed(String message) implements SessionEvent {
    }

    /**
     * The matching of one provider at the current position: each candidate's verdict, from the provider's last
     * matching round in the journal ({@code journaled}) or, when it was never matched, from what probeCandidates
     * would decide now. {@code requested} is the entry asked about; for a driver instance with no candidates of its
     * own it is the provider's matching, the one that started it.
     */
    record Matched(String requested, String providerPath, String providerClass, List<CandidateVerdict> candidates,
                   boolean journaled, List<Personality> catalogue) implements SessionEvent {
        public Matched {
            candidates = List.copyOf(candidates);
            catalogue = List.copyOf(catalogue);
        }
    }

    /**
     * The user added scenario actions (publish, plug, a power action, a user-client call...): the view-model files
     * them as one undoable edit. Not sent for a redo, which puts back actions it already knows.
     */
    record ActionsAdded(List<Scenario.Action> actions) implements SessionEvent {
        public ActionsAdded {
            actions = List.copyOf(actions);
        }
    }

    /** "Why not?" for one personality and one provider. */
    record Explained(MatchingTrace trace) implements SessionEvent {
    }
}
