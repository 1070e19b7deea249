package dev.ioscope.plugins.storage;

import static dev.ioscope.engine.sim.JournalKind.SCENARIO_ERROR;

import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.sim.SimulationExtension;

import java.util.List;

/**
 * The scenario action {@code block-io}: {@code {"do": "block-io", "path": <IOBlockStorageDriver or the IOMedia
 * above it>, "requests": 8, "interval-us": 1000}} starts that many deterministic requests on the driver's work
 * loop ({@link BlockStorageReports#workload}); the IOReport counters move as they complete on virtual time.
 */
public final class BlockIOExtension implements SimulationExtension {
    @Override
    public List<String> actions() {
        return List.of("block-io");
    }

    @Override
    public Instance install(Simulation sim) {
        return a -> perform(sim, a);
    }

    private static void perform(Simulation sim, Scenario.Action a) {
        IORegistryEntry e = sim.resolve(a.arg("path"));
        IORegistryPlane svc = sim.registry().plane(IORegistryPlane.IOSERVICE);
        // an IOMedia names its driver through its provider (IOMedia ← IOBlockStorageDriver)
        BlockStorageReports r = e == null ? null : BlockStorageReports.of(e) != null ? BlockStorageReports.of(e)
                : e.parent(svc) == null ? null : BlockStorageReports.of(e.parent(svc));
        if (r == null) {
            sim.record(SCENARIO_ERROR, "", "action", "block-io", "reason",
                    "no running IOBlockStorageDriver at " + a.arg("path"));
            return;
        }
        int requests;
        long intervalNs;
        try {
            requests = Integer.parseInt(a.arg("requests") == null ? "1" : a.arg("requests"));
            intervalNs = Math.multiplyExact(Long.parseLong(a.arg("interval-us") == null ? "1000"
                    : a.arg("interval-us")), 1000L);
        } catch (NumberFormatException | ArithmeticException ex) {
            sim.record(SCENARIO_ERROR, "", "action", "block-io", "reason", "bad requests/interval-us: " + ex);
            return;
        }
        if (requests < 0 || intervalNs <= 0) {
            sim.record(SCENARIO_ERROR, "", "action", "block-io", "reason", "requests >= 0, interval-us > 0");
            return;
        }
        r.workload(sim.workLoops(), requests, intervalNs);
        sim.record(StorageEventKind.BLOCK_IO, sim.path(r.driver()), "requests", String.valueOf(requests), "interval-ns",
                String.valueOf(intervalNs));
    }
}
