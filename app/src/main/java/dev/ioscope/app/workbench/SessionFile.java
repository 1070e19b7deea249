package dev.ioscope.app.workbench;

import dev.ioscope.engine.io.SafeOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.ScenarioWriter;
import dev.ioscope.engine.io.SnapshotException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A workbench session saved as a scenario file: the machine, the kexts and every action the user took (each at
 * the virtual time it was taken), plus the breakpoints under a {@code "breakpoints"} key that {@code ioscope run}
 * ignores — so the file replays headlessly with the same journal, and reopens in the workbench as it was left.
 */
public final class SessionFile {
    /** What a session file holds. */
    public record Session(Scenario scenario, List<Breakpoint> breakpoints) {
        public Session {
            breakpoints = List.copyOf(breakpoints);
        }
    }

    private SessionFile() {
    }

    /** Writes atomically (a temporary file beside the target, then a move), so a failed save leaves no half file. */
    public static void save(Scenario scenario, List<Breakpoint> breakpoints, Path file) throws IOException {
        ObjectNode json = ScenarioWriter.toJson(scenario);
        if (!breakpoints.isEmpty()) {
            ArrayNode bps = json.putArray("breakpoints");
            for (Breakpoint b : breakpoints) {
                bps.addObject().put("on", b.on().name()).put("value", b.value());
            }
        }
        byte[] text = ScenarioWriter.write(json).getBytes(StandardCharsets.UTF_8);
        SafeOutput.write(file, os -> os.write(text));
    }

    /** Reads a scenario and the breakpoints it carries (a plain scenario has none). */
    public static Session load(Path file) throws SnapshotException {
        Scenario s = Scenario.read(file);
        List<Breakpoint> bps = new ArrayList<>();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new SnapshotException(file.toString(), null, "cannot read: " + e.getMessage());
        }
        int i = 0;
        for (JsonNode b : root.path("breakpoints")) {
            String place = "breakpoints[" + i++ + "]";
            try {
                bps.add(new Breakpoint(Breakpoint.On.valueOf(b.path("on").asText()), b.path("value").asText()));
            } catch (IllegalArgumentException e) {
                throw new SnapshotException(file.toString(), place, "\"on\" is one of KIND, CLASS, ENTRY, PROPERTY");
            }
        }
        return new Session(s, bps);
    }
}
