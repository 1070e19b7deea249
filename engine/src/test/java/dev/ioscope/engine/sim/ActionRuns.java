package dev.ioscope.engine.sim;

import dev.ioscope.engine.spi.PluginLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Rule tests' way to run a few scenario actions on an empty machine and look at the journal. */
public final class ActionRuns {
    private ActionRuns() {
    }

    /**
     * Runs {@code actions} (JSON objects without "at"; they run 1 µs apart, in order) on an empty machine with the
     * built-in extensions, until quiet. The scenario is written to {@code dir}/s.json and read as a user's would be.
     */
    public static Simulation runUntilQuiet(Path dir, String... actions) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < actions.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"at\":").append((i + 1) * 1000L).append(',')
                    .append(actions[i].substring(1));
        }
        Files.writeString(dir.resolve("s.json"), "{\"actions\":[" + sb + "]}");
        Simulation sim = Simulation.of(Scenario.read(dir.resolve("s.json")), Map.of(),
                PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        return sim;
    }
}
