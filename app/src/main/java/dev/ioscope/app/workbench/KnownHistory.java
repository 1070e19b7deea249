package dev.ioscope.app.workbench;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The longest journal a session has seen, and where each scheduler step ended in it (engine thread only). Going
 * back replays the machine, and replay is deterministic, so what was journaled past the current step stays known:
 * the timeline shows it as the future, and going forward again through it adds nothing. An edit of the scenario
 * (an action added or taken out) makes the future unknown again: {@link #forgetAfter}.
 */
final class KnownHistory {
    private final List<JournalEvent> events = new ArrayList<>();
    private final List<JournalEvent> view = Collections.unmodifiableList(events);
    private final List<Integer> stepEnds = new ArrayList<>();   // journal size after step k+1

    /** Every event known, the future past the current step included. */
    List<JournalEvent> events() {
        return view;
    }

    /** After one forward step to {@code position}: extends the known history when this step is new. */
    void record(Simulation sim, long position) {
        if (position <= stepEnds.size()) {
            return;   // replaying known history: deterministic, nothing new
        }
        // the tail only: copying the whole journal after every step would make a long run quadratic
        events.addAll(sim.journalFrom(events.size()));
        stepEnds.add(sim.journalSize());
    }

    /** How many events exist once {@code position} steps have run. */
    int eventsAt(long position) {
        return position == 0 ? 0 : stepEnds.get((int) position - 1);
    }

    /** The first event step {@code position} journaled (the events of the last step are "now"). */
    int stepFrom(long position) {
        return position <= 1 ? 0 : stepEnds.get((int) position - 2);
    }

    /** The position just after the step that journaled event {@code seq}, as far as known. */
    long stepOf(long seq) {
        int step = 0;
        while (step < stepEnds.size() && stepEnds.get(step) <= seq) {
            step++;
        }
        return step + 1L;
    }

    /** Forgets what came after {@code position}: it was computed from a scenario that has since changed. */
    void forgetAfter(long position) {
        int keep = eventsAt(position);
        events.subList(keep, events.size()).clear();
        stepEnds.subList((int) position, stepEnds.size()).clear();
    }
}
