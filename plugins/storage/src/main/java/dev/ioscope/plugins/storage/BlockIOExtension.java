package dev.ioscope.plugins.storage;

import static dev.ioscope.engine.journal.JournalKind.SCENARIO_ERROR;
import static dev.ioscope.engine.sim.ActionField.json;
import static dev.ioscope.engine.sim.ActionField.text;

import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.ActionType;
import dev.ioscope.engine.sim.JsonValue;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.ScenarioAction;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;

import java.util.List;

/**
 * The scenario action {@code block-io}: {@code {"do": "block-io", "path": <IOBlockStorageDriver or the IOMedia
 * above it>, "requests": 8, "interval-us": 1000}} starts that many deterministic requests on the driver's work
 * loop ({@link BlockStorageReports#workload}); the IOReport counters move as they complete on virtual time.
 */
public final class BlockIOExtension implements SimulationExtension {
    /** {@code block-io}: {@code requests} (default 1) every {@code interval-us} (default 1000) on {@code path}. */
    public record BlockIO(String path, JsonValue requests, JsonValue intervalUs) implements ScenarioAction {
        public static final ActionType<BlockIO> TYPE = ActionType.of("block-io", BlockIO.class, text("path"),
                json("requests"), json("interval-us"));

        @Override
        public ActionType<BlockIO> actionType() {
            return TYPE;
        }
    }

    @Override
    public List<ActionType<?>> types() {
        return List.of(BlockIO.TYPE);
    }

    @Override
    public Instance install(Simulation sim) {
        return a -> perform(sim, a);
    }

    private static void perform(Simulation sim, Scenario.Action action) {
        if (!(action.op() instanceof BlockIO a)) {
            sim.record(SCENARIO_ERROR, "", "action", action.type(), "reason", "unknown action");
            return;
        }
        IORegistryEntry e = sim.resolve(a.path());
        IORegistryPlane svc = sim.registry().plane(IORegistryPlane.IOSERVICE);
        // an IOMedia names its driver through its provider (IOMedia ← IOBlockStorageDriver)
        BlockStorageReports r = e == null ? null : BlockStorageReports.of(e) != null ? BlockStorageReports.of(e)
                : e.parent(svc) == null ? null : BlockStorageReports.of(e.parent(svc));
        if (r == null) {
            sim.record(SCENARIO_ERROR, "", "action", action.type(), "reason",
                    "no running IOBlockStorageDriver at " + a.path());
            return;
        }
        int requests;
        long intervalNs;
        try {
            requests = Integer.parseInt(a.requests() == null ? "1" : a.requests().text());
            intervalNs = Math.multiplyExact(Long.parseLong(a.intervalUs() == null ? "1000"
                    : a.intervalUs().text()), 1000L);
        } catch (NumberFormatException | ArithmeticException ex) {
            sim.record(SCENARIO_ERROR, "", "action", action.type(), "reason", "bad requests/interval-us: " + ex);
            return;
        }
        if (requests < 0 || intervalNs <= 0) {
            sim.record(SCENARIO_ERROR, "", "action", action.type(), "reason", "requests >= 0, interval-us > 0");
            return;
        }
        r.workload(sim.workLoops(), requests, intervalNs);
        sim.record(StorageEventKind.BLOCK_IO, sim.path(r.driver()), "requests", String.valueOf(requests), "interval-ns",
                String.valueOf(intervalNs));
    }
}
