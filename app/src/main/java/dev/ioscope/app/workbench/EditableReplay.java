package dev.ioscope.app.workbench;

import dev.ioscope.engine.machine.ScenarioMachines;
import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Replay;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.io.SnapshotException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Replay} whose scenario the user edits as it runs (engine thread only): actions go in or come out, the
 * machine is rebuilt from the new scenario and brought back to where it was, and the journal known from earlier
 * runs is kept up to the point the edit changed ({@link KnownHistory}).
 */
final class EditableReplay implements AutoCloseable {
    private final ScenarioMachines machines;
    private final KnownHistory history = new KnownHistory();
    private Scenario scenario;
    private Replay replay;

    EditableReplay(Scenario scenario, Map<String, DriverBehavior> behaviors) throws SnapshotException {
        machines = ScenarioMachines.standard(null, behaviors);
        try {
            replay = new Replay(scenario, machines);
        } catch (SnapshotException | RuntimeException e) {
            machines.close();
            throw e;
        }
        this.scenario = scenario;
    }

    /** The scenario as it stands, every action added so far included. */
    Scenario scenario() {
        return scenario;
    }

    Simulation simulation() {
        return replay.simulation();
    }

    /** Scheduler steps taken. */
    long position() {
        return replay.position();
    }

    /** One scheduler step forwards, extending the known history when it is new; false when quiet. */
    boolean step() {
        if (!replay.step()) {
            return false;
        }
        history.record(replay.simulation(), replay.position());
        return true;
    }

    /** To scheduler step {@code step}: back by replaying from the start. */
    void seek(long step) throws SnapshotException {
        replay.seek(step);
    }

    /** The position just after the step that journaled event {@code seq}, as far as known. */
    long stepOf(long seq) {
        return history.stepOf(seq);
    }

    /** Every event known, the future past the current step included. */
    List<JournalEvent> events() {
        return history.events();
    }

    /** How many events exist at the current position. */
    int eventsNow() {
        return history.eventsAt(replay.position());
    }

    /** The first event the last step journaled. */
    int stepFrom() {
        return history.stepFrom(replay.position());
    }

    /** Adds actions to the scenario, keeping the position. */
    void add(List<Scenario.Action> more) throws SnapshotException {
        List<Scenario.Action> all = new ArrayList<>(scenario.actions());
        all.addAll(more);
        Scenario next = scenario.withActions(all);
        Replay r = new Replay(next, machines);
        r.seek(replay.position());
        scenario = next;
        replay = r;
        history.forgetAfter(replay.position());   // the known future was computed without these actions
    }

    /**
     * Takes {@code actions} out of the scenario and goes back to just before the first of them (or stays where
     * the machine is, if that is earlier).
     */
    void retract(List<Scenario.Action> actions) throws SnapshotException {
        List<Scenario.Action> all = new ArrayList<>(scenario.actions());
        for (Scenario.Action a : actions) {
            int i = all.lastIndexOf(a);
            if (i >= 0) {
                all.remove(i);
            }
        }
        long first = actions.stream().mapToLong(Scenario.Action::at).min().orElse(Long.MAX_VALUE);
        Scenario next = scenario.withActions(all);
        long current = replay.position();
        Replay r = new Replay(next, machines);
        var sched = r.simulation().scheduler();
        while (r.position() < current && sched.nextDue() >= 0 && sched.nextDue() < first && r.step()) {
            // replaying the prefix the actions did not touch
        }
        scenario = next;
        replay = r;
        // the history up to here is unchanged (the actions were not due yet); after it, it was theirs
        history.forgetAfter(replay.position());
    }

    @Override
    public void close() {
        machines.close();
    }
}
