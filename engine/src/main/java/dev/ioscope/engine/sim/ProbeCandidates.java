package dev.ioscope.engine.sim;

import static dev.ioscope.engine.sim.JournalKind.MATCH_ACCEPT;
import static dev.ioscope.engine.sim.JournalKind.MATCH_BEGIN;
import static dev.ioscope.engine.sim.JournalKind.MATCH_CATEGORY_TAKEN;
import static dev.ioscope.engine.sim.JournalKind.MATCH_REJECT;
import static dev.ioscope.engine.sim.JournalKind.PROBE_FAIL;
import static dev.ioscope.engine.sim.JournalKind.PROBE_REFUSE;
import static dev.ioscope.engine.sim.JournalKind.PROBE_SCORE;
import static dev.ioscope.engine.sim.JournalKind.SERVICE_START;
import static dev.ioscope.engine.sim.JournalKind.SERVICE_START_FAILED;

import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.EntryState;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.IORegistryPlane;
import dev.ioscope.engine.service.MatchEngine;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.ProviderMatch;
import dev.ioscope.engine.service.StartPolicy;
import dev.ioscope.engine.service.DextPersonality;
import dev.ioscope.engine.service.driverkit.DextRelaunch;
import dev.ioscope.engine.service.DriverKitKeys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IOService::doServiceMatch → probeCandidates on virtual time (xnu IOService.cpp; rules S1–S4, S7, R2 in
 * docs/iokit-rules.md). One step after registerService the candidates are judged (matchPassive, family scores:
 * {@code match.*}). One step later, in one go as XNU's config thread does it: <em>every</em> passive-matched
 * candidate, in family-score order, is instantiated, attached, probed with its score and detached; the ones probe
 * kept go into their category's start list ordered by the score probe returned (OSOrderedSet on IOProbeScore: higher
 * first, equal scores in probe order); then, category by category in the order their first candidate was probed,
 * start runs best first until one starts, the rest of that list dropped. A candidate with IOMatchDefer may defer
 * ({@link MatchDefer}); a start may wait for resources ({@link ResourceWaits}). A dext's start launches or reuses
 * its IOUserServer first (service/driverkit, DK rules); a category already held by an active client of the nub
 * when its turn comes (a second matching round on the same nub) is not started twice.
 */
final class ProbeCandidates {
    /** A probed instance waiting in its category's start list. */
    private record Probed(MatchingTrace trace, IORegistryEntry inst, int score, DriverBehavior behavior,
                          DriverInstanceContext ctx) {
    }

    private final Simulation sim;
    private final ResourceWaits resources;
    private final MatchDefer defer;

    ProbeCandidates(Simulation sim, ResourceWaits resources, MatchDefer defer) {
        this.sim = sim;
        this.resources = resources;
        this.defer = defer;
    }

    /** Judges the candidates now and probes and starts them one step later. */
    void doServiceMatch(IORegistryEntry nub) {
        if (!nub.state().active()) {
            sim.adjustBusy(nub, -1);
            return;
        }
        MatchEngine engine = new MatchEngine(sim.catalogue(), sim.matchContext(), StartPolicy.ALWAYS);
        ProviderMatch pm = engine.match(nub, true);
        String at = sim.path(nub);
        sim.record(MATCH_BEGIN, at, "candidates", String.valueOf(pm.candidates().size()));
        List<MatchingTrace> familyMatches = new ArrayList<>();
        int dexts = 0;
        DextRelaunch relaunch = DextRelaunch.take(nub).orElse(null);
        for (MatchingTrace t : pm.candidates()) {
            Personality p = t.personality();
            if (t.passiveMatch() && DextPersonality.isDext(p)) {
                dexts++;   // DK10: dexts passing matchPassive count, even when their category is already held
            }
            switch (t.verdict()) {
                case REJECTED -> sim.record(MATCH_REJECT, at, "personality", p.name(), "class", p.ioClass(),
                        "reason", t.reasons().isEmpty() ? "" : t.reasons().get(0));
                case CATEGORY_TAKEN -> {
                    IORegistryEntry holder = engine.clientWithCategory(nub, p.category());
                    sim.record(MATCH_CATEGORY_TAKEN, at, "personality", p.name(), "category", p.category(),
                            "holder", holder == null ? "" : sim.path(holder),
                            "holder-class", holder == null ? "" : holder.className());
                }
                case NOT_INSTANTIABLE -> sim.record(MATCH_REJECT, at, "personality", p.name(), "class", "",
                        "reason", "no IOClass");
                default -> {
                    if (relaunch != null && !relaunch.admits(p)) {
                        sim.record(MATCH_REJECT, at, "personality", p.name(), "class", p.ioClass(), "reason",
                                "IORematchPersonality names another personality (a dext is being relaunched)");
                        continue;
                    }
                    sim.record(MATCH_ACCEPT, at, "personality", p.name(), "class", p.ioClass(),
                            "category", p.category(), "score", String.valueOf(t.score()));
                    familyMatches.add(t);
                }
            }
        }
        if (dexts > 0) {
            nub.setProperty(DriverKitKeys.IO_DEXT_MATCH_COUNT, OSNumber.of32(dexts));
        } else {
            nub.removeProperty(DriverKitKeys.IO_DEXT_MATCH_COUNT);
        }
        if (familyMatches.isEmpty()) {
            sim.finishMatching(nub);
            return;
        }
        sim.scheduler().after(Simulation.STEP_NS, "probe " + nub.name(), () -> probeAll(nub, familyMatches));
    }

    /** probeCandidates' second loop: every candidate probed, then the start lists by probe score. */
    private void probeAll(IORegistryEntry nub, List<MatchingTrace> familyMatches) {
        Map<String, List<Probed>> startDict = new LinkedHashMap<>();
        for (MatchingTrace t : familyMatches) {
            Probed p = probe(nub, t);
            if (p != null) {
                startDict.computeIfAbsent(t.personality().category(), c -> new ArrayList<>()).add(p);
            }
        }
        List<List<Probed>> categories = new ArrayList<>();
        for (List<Probed> list : startDict.values()) {
            list.sort(Comparator.comparingInt(Probed::score).reversed());   // stable: equal scores keep probe order
            categories.add(list);
        }
        new StartRun(nub, categories).run();
    }

    /** Instantiate, attach, probe with the score, detach (IOService::probeCandidates); null when probe refuses. */
    private Probed probe(IORegistryEntry nub, MatchingTrace t) {
        Personality p = t.personality();
        IORegistryEntry inst = sim.registry().createEntry(p.ioClass(), p.ioClass());
        inst.setProperties(t.driverProperties());
        DriverBehavior b = sim.behavior(Simulation.behaviorClass(p));
        DriverInstanceContext c = new DriverInstanceContext(sim, inst, nub);
        sim.attach(inst, nub);
        Integer score = t.score();
        if (b != null) {
            try {
                score = b.probe(c, t.score());
            } catch (RuntimeException ex) {
                sim.record(PROBE_FAIL, sim.path(nub), "class", p.ioClass(), "reason", "probe threw " + ex);
                score = null;
            }
        }
        if (score == null) {
            sim.record(PROBE_REFUSE, sim.path(nub), "class", p.ioClass(), "personality", p.name());
        } else {
            inst.setProperty(Personality.IO_PROBE_SCORE, OSNumber.of32(score));
            sim.record(PROBE_SCORE, sim.path(nub), "class", p.ioClass(), "score", String.valueOf(score),
                    "personality", p.name());
        }
        sim.detach(inst, nub);
        if (score == null) {
            sim.registry().remove(inst);
            return null;
        }
        return new Probed(t, inst, score, b, c);
    }

    /** The start loop of one probeCandidates, resumable when a start waits for a resource. */
    private final class StartRun {
        private final IORegistryEntry nub;
        private final List<List<Probed>> categories;
        private int category;
        private int next;
        private boolean started;
        private boolean deferred;

        StartRun(IORegistryEntry nub, List<List<Probed>> categories) {
            this.nub = nub;
            this.categories = categories;
        }

        void run() {
            for (; category < categories.size(); category++, next = 0, started = false) {
                List<Probed> list = categories.get(category);
                while (next < list.size()) {
                    Probed p = list.get(next++);
                    if (started || deferred) {
                        sim.registry().remove(p.inst());   // the rest of the list is released unstarted
                        continue;
                    }
                    if (categoryHeld(p.trace().personality().category())) {
                        // XNU serialises matching on a nub (lockForArbitration) and starts within
                        // probeCandidates, so a second matching round sees the first one's driver
                        sim.record(MATCH_CATEGORY_TAKEN, sim.path(nub), "personality",
                                p.trace().personality().name(), "category", p.trace().personality().category());
                        started = true;                    // the rest of this category's list is released
                        sim.registry().remove(p.inst());
                        continue;
                    }
                    if (defer.defers(nub, p.inst())) {
                        deferred = true;                   // matchDeferred ends every category's loop
                        sim.registry().remove(p.inst());
                        continue;
                    }
                    sim.attach(p.inst(), nub);             // startCandidate: attach, then checkResources
                    if (!resources.ready(nub, p.inst(), () -> resume(p))) {
                        return;
                    }
                    started = start(p);
                }
            }
            sim.finishMatching(nub);
        }

        /** IOService::copyClientWithCategory at start time: an active client of the nub holds the category. */
        private boolean categoryHeld(String category) {
            for (IORegistryEntry c : nub.children(sim.registry().plane(IORegistryPlane.IOSERVICE))) {
                if (c.state().active() && category.equals(
                        DextPersonality.string(c.property(Personality.IO_MATCH_CATEGORY)).orElse(null))) {
                    return true;
                }
            }
            return false;
        }

        private void resume(Probed p) {
            if (!resources.ready(nub, p.inst(), () -> resume(p))) {
                return;
            }
            started = start(p);
            run();
        }
    }

    /** start(provider): true keeps the driver; false (or an exception) detaches it. */
    private boolean start(Probed probed) {
        IORegistryEntry inst = probed.inst();
        Personality p = probed.trace().personality();
        inst.setState(new EntryState(true, false, false, true, 0, 0, -1));
        DriverBehavior b = probed.behavior();
        boolean ok = false;
        // the dext half of startCandidate: launch or reuse its IOUserServer (service/driverkit)
        String why = sim.userServers().startCandidate(inst, probed.ctx().provider(), p).orElse(null);
        if (why == null) {
            try {
                ok = b == null || b.start(probed.ctx());
                if (!ok) {
                    why = "start returned false";
                }
            } catch (RuntimeException ex) {
                ok = false;
                why = "start threw " + ex;
            }
            sim.userServers().serviceStarted(inst, ok);
        }
        if (ok) {
            sim.record(SERVICE_START, sim.path(inst), "class", p.ioClass(), "personality", p.name(),
                    "bundle", p.bundle(), "passive", String.valueOf(b == null));
            EntryState s = inst.state();
            inst.setState(new EntryState(true, s.registered(), true, true, s.busyState(), 0, s.retainCount()));
            return true;
        }
        sim.record(SERVICE_START_FAILED, sim.path(inst), "class", p.ioClass(), "reason", why);
        sim.detach(inst, probed.ctx().provider());
        sim.registry().remove(inst);
        return false;
    }
}
