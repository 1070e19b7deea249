package dev.ioscope.engine.machine;

import dev.ioscope.engine.sim.DriverBehavior;
import dev.ioscope.engine.sim.Replay;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.spi.Contributions;
import dev.ioscope.engine.spi.PluginLoader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the simulation a scenario asks for, the way {@code ioscope run} and the workbench do: from its snapshot;
 * the empty platform for {@code "machine": "empty"}; otherwise a machine description booted with the families
 * (the bundled virtual Mac when the scenario names none). A {@link Replay.Factory}, so stepping back rebuilds the
 * same machine. Holds the plugin class loaders open until closed.
 */
public final class ScenarioMachines implements Replay.Factory, AutoCloseable {
    private final PluginLoader plugins;
    private final Map<String, DriverBehavior> extra;
    private final Map<String, MachineDescription> descriptions = new HashMap<>();

    private ScenarioMachines(PluginLoader plugins, Map<String, DriverBehavior> extra) {
        this.plugins = plugins;
        this.extra = Map.copyOf(extra);
    }

    /** The built-in families, the user plugins folder and {@code pluginsDir} (may be null). */
    public static ScenarioMachines standard(Path pluginsDir, Map<String, DriverBehavior> extra) {
        return new ScenarioMachines(PluginLoader.standard(pluginsDir), extra);
    }

    /** Plugins already loaded (tests; the caller keeps ownership of nothing: closing this closes them). */
    public static ScenarioMachines of(PluginLoader plugins, Map<String, DriverBehavior> extra) {
        return new ScenarioMachines(plugins, extra);
    }

    @Override
    public Simulation build(Scenario s) throws SnapshotException {
        if (!s.bootsMachine()) {
            return Simulation.of(s, extra, plugins.extensions());
        }
        return machine(s).simulation();
    }

    /** The machine a scenario boots (its actions scheduled, nothing run yet); the scenario must boot one. */
    public Machine machine(Scenario s) throws SnapshotException {
        // families register afresh for every build: their per-machine state starts empty, as a new boot's does
        return Machine.build(description(s.machine()), Contributions.of(plugins), s, extra);
    }

    /** The families that did not load, with their errors. */
    public List<PluginLoader.Failure> failures() {
        return plugins.failures();
    }

    private MachineDescription description(String machine) throws SnapshotException {
        String key = machine == null ? Scenario.DEFAULT_MACHINE : machine;
        MachineDescription d = descriptions.get(key);
        if (d == null) {
            d = key.equals(Scenario.DEFAULT_MACHINE) ? DefaultMachine.description() : MachineReader.read(Path.of(key));
            descriptions.put(key, d);
        }
        return d;
    }

    @Override
    public void close() {
        plugins.close();
    }
}
