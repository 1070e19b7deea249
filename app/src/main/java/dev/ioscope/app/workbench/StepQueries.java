package dev.ioscope.app.workbench;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.service.MatchEngine;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.ProviderMatch;
import dev.ioscope.engine.sim.CandidateVerdict;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.MatchVerdicts;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.service.family.FamilyMatchers;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The questions the UI asks of a machine at its current step without moving it — why a provider matched what it
 * did, why not some personality, the whole registry — answered on the engine thread with values the UI may keep.
 */
final class StepQueries {
    private StepQueries() {
    }

    /**
     * Matches one provider, every candidate explained: a {@link SessionEvent.Matched} whose verdicts are those of
     * the provider's last matching round in the journal (what happened at that step), or Failed.
     */
    static SessionEvent matching(Simulation sim, String providerPath) {
        IORegistryEntry nub = resolve(sim, providerPath);
        if (nub == null) {
            return noEntry(providerPath);
        }
        MatchEngine engine = matchEngine(sim);
        List<JournalEvent> journal = sim.journal();
        Verdicts v = verdicts(sim, engine, journal, nub);
        IORegistryEntry provider = engine.context().provider(nub);
        if (v.list().isEmpty() && nub.property(Personality.IO_MATCH_CATEGORY) != null && provider != null) {
            // a driver instance: what matters is the matching of its provider that started it
            nub = provider;
            v = verdicts(sim, engine, journal, nub);
        }
        return new SessionEvent.Matched(providerPath, sim.path(nub), nub.className(), v.list(), v.journaled(),
                sim.catalogue().personalities());
    }

    private record Verdicts(List<CandidateVerdict> list, boolean journaled) {
    }

    /** The journal's verdicts of the nub's last round, with a re-match for the key-by-key words; else static. */
    private static Verdicts verdicts(Simulation sim, MatchEngine engine, List<JournalEvent> journal,
                                     IORegistryEntry nub) {
        String path = sim.path(nub);
        ProviderMatch pm = engine.match(nub, true);
        List<JournalEvent> round = MatchVerdicts.lastRound(journal, journal.size(), path);
        if (round.isEmpty()) {
            return new Verdicts(MatchVerdicts.of(pm, engine), false);
        }
        return new Verdicts(MatchVerdicts.fromRound(round, path, pm.candidates()), true);
    }

    /** "Why not?": the key-by-key verdict of any personality against a provider, or Failed. */
    static SessionEvent whyNot(Simulation sim, String providerPath, Personality p) {
        IORegistryEntry nub = resolve(sim, providerPath);
        return nub == null ? noEntry(providerPath) : new SessionEvent.Explained(matchEngine(sim).explain(nub, p));
    }

    /**
     * The whole registry, every plane, as an independent copy (written to IOScope JSON and read back), so the
     * explorer can show it without ever touching the running machine.
     */
    static Snapshot registryCopy(Simulation sim, String machine) throws IOException, SnapshotException {
        var here = new Snapshot(sim.registry(), SnapshotFormat.BOOTED_MACHINE,
                OSDictionary.of("workbench", OSString.of(machine)), machine);
        var out = new ByteArrayOutputStream();
        Snapshots.writer(SnapshotFormat.JSON).orElseThrow().write(here, out);
        return Snapshots.read(out.toByteArray(), machine + ".json",
                machine + " at t = " + WorkbenchViewModel.formatNs(sim.scheduler().now()), ParseLimits.DEFAULT);
    }

    private static SessionEvent noEntry(String path) {
        return new SessionEvent.Failed("no entry at " + path + " at this point");
    }

    private static MatchEngine matchEngine(Simulation sim) {
        return new MatchEngine(sim.catalogue(), FamilyMatchers.standardContext(sim.registry()));
    }

    private static IORegistryEntry resolve(Simulation sim, String path) {
        var reg = sim.registry();
        return reg.findPlane(IORegistryPlane.IOSERVICE).flatMap(pl -> RegistryPath.fromPath(reg, path, pl))
                .orElse(null);
    }
}
