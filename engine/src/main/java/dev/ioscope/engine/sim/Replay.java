package dev.ioscope.engine.sim;

import dev.ioscope.engine.io.SnapshotException;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Stepping a scenario forwards and backwards. Going back is exact because the simulation is deterministic:
 * stepping back rebuilds the machine from the scenario and replays the same number of scheduler steps (the
 * checkpoint is the step count), which yields the very same journal prefix.
 */
public final class Replay {
    /** Builds the simulation of a scenario: {@link Simulation#of}, or a machine booted from a description. */
    @FunctionalInterface
    public interface Factory {
        Simulation build(Scenario scenario) throws SnapshotException;
    }

    private final Scenario scenario;
    private final Factory factory;
    private Simulation sim;
    private long steps;

    /** A scenario with no booted machine, these behaviours and these extensions (the plugin loader's). */
    public Replay(Scenario scenario, Map<String, DriverBehavior> behaviors, List<SimulationExtension> extensions)
            throws SnapshotException {
        this(scenario, s -> Simulation.of(s, Map.copyOf(behaviors), List.copyOf(extensions)));
    }

    public Replay(Scenario scenario, Factory factory) throws SnapshotException {
        this.scenario = scenario;
        this.factory = factory;
        this.sim = factory.build(scenario);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Simulation simulation() {
        return sim;
    }

    /** Scheduler steps taken so far. */
    public long position() {
        return steps;
    }

    public List<JournalEvent> journal() {
        return sim.journal();
    }

    /** One scheduler step forwards; false when the scenario is quiet. */
    public boolean step() {
        boolean ran = sim.step();
        if (ran) {
            steps++;
        }
        return ran;
    }

    /** {@code n} steps back (not before the start). */
    public void stepBack(long n) throws SnapshotException {
        seek(Math.max(0, steps - n));
    }

    /** Goes to an absolute step position by replay from the start. */
    public void seek(long target) throws SnapshotException {
        sim = factory.build(scenario);
        steps = 0;
        while (steps < target && step()) {
            // replaying
        }
    }

    /** Runs to the next journal event the breakpoint accepts; true if it was hit. */
    public boolean runTo(Predicate<JournalEvent> breakpoint) {
        int seen = sim.journal().size();
        while (step()) {
            List<JournalEvent> j = sim.journal();
            for (int i = seen; i < j.size(); i++) {
                if (breakpoint.test(j.get(i))) {
                    return true;
                }
            }
            seen = j.size();
        }
        return false;
    }

    public void runUntilQuiet() {
        while (step()) {
            // keep going
        }
    }
}
