package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSObject;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IOService::probeCandidates for passive drivers: rank a nub's candidate personalities by IOProbeScore, skip
 * those whose match category a driver already holds on the nub, run matchPassive, re-rank the survivors by the
 * score family matching left, "probe" (a kext without code keeps its score) and start the best of each match
 * category. A passive instance always starts, so the first of each category wins.
 */
public final class MatchEngine {
    private final IOCatalogue catalogue;
    private final MatchContext ctx;
    private final PassiveMatcher matcher;
    private final StartPolicy startPolicy;

    public MatchEngine(IOCatalogue catalogue, MatchContext ctx) {
        this(catalogue, ctx, StartPolicy.KNOWN);
    }

    public MatchEngine(IOCatalogue catalogue, MatchContext ctx, StartPolicy startPolicy) {
        this.catalogue = catalogue;
        this.ctx = ctx;
        this.matcher = new PassiveMatcher(ctx);
        this.startPolicy = DextStart.policy(startPolicy);   // the dext rules of startCandidate (driverkit)
    }

    public MatchContext context() {
        return ctx;
    }

    /** The ordering of XNU's OSOrderedSet with IOServiceOrdering: higher score first, ties keep their order. */
    static final Comparator<Integer> BY_SCORE_DESC = (a, b) -> Integer.compare(b, a);

    /** Matches every candidate of one nub, with explanations. */
    public ProviderMatch match(IORegistryEntry nub) {
        return match(nub, true);
    }

    /**
     * Matches every candidate of one nub. Without {@code explain} the traces carry no words (only the
     * category notes), which makes a full re-match several times faster; {@link #explain} gives the words of
     * any pair later, identically.
     */
    public ProviderMatch match(IORegistryEntry nub, boolean explain) {
        String path = explain ? ctx.path(nub) : null;
        List<Personality> found = catalogue.rankedCandidatesFor(nub, ctx.classes());
        List<MatchingTrace> matched = new ArrayList<>();
        List<MatchingTrace> others = new ArrayList<>();
        Map<String, Optional<IORegistryEntry>> holders = new HashMap<>();
        int rejected = 0;
        String lastCategory = null;
        IORegistryEntry lastHolder = null;
        for (Personality p : found) {
            PassiveMatcher.Outcome o = matcher.matchPassive(nub, p.table(), p.probeScore(), true, explain);
            List<KeyVerdict> steps = o.steps();
            IORegistryEntry holder;
            if (p.category().equals(lastCategory)) {
                holder = lastHolder;   // most candidates share a category; skip the map
            } else {
                holder = holders.computeIfAbsent(p.category(), c -> Optional.ofNullable(
                        clientWithCategory(nub, c))).orElse(null);
                lastCategory = p.category();
                lastHolder = holder;
            }
            if (holder == null && !o.matched() && !explain) {
                rejected++;   // without words, a rejection is only counted; explain() recomputes it
                continue;
            }
            MatchingTrace t = new MatchingTrace(path, nub.className(), p, o.matched(), o.score(),
                    o.matched() ? MatchingTrace.Verdict.OUTRANKED : MatchingTrace.Verdict.REJECTED, o.nameMatched(),
                            steps);
            if (holder != null) {
                // XNU skips the personality before matchPassive; we still explain how it would have matched.
                t = t.withVerdict(MatchingTrace.Verdict.CATEGORY_TAKEN);
                if (explain) {
                    t = t.withSteps(List.of(KeyVerdict.noMatch("IOMatchCategory " + p.category(),
                            "already held on this nub by " + holder.name() + " <" + holder.className() + ">")));
                }
                others.add(t);
            } else if (o.matched()) {
                matched.add(t);
            } else if (explain) {
                others.add(t);
            } else {
                rejected++;   // without words, a rejection is only counted; explain() recomputes it
            }
        }
        matched.sort((a, b) -> BY_SCORE_DESC.compare(a.score(), b.score()));   // familyMatches, stable
        Map<String, MatchingTrace> winners = new LinkedHashMap<>();
        List<MatchingTrace> ranked = new ArrayList<>(matched.size() + others.size());
        for (MatchingTrace t : matched) {
            String cat = t.personality().category();
            if (t.personality().ioClass() == null) {
                ranked.add(t.withVerdict(MatchingTrace.Verdict.NOT_INSTANTIABLE));
                continue;
            }
            if (!winners.containsKey(cat)) {
                var failure = startPolicy.startFailure(t.personality(), nub);
                if (failure.isPresent()) {
                    // probeCandidates tries the next instance of the category when start fails (S4)
                    ranked.add(t.withVerdict(MatchingTrace.Verdict.START_FAILED).withSteps(List.of(
                            KeyVerdict.note(MatchingTrace.START_STEP, failure.get()))));
                    continue;
                }
                MatchingTrace w = t.withVerdict(MatchingTrace.Verdict.WINNER);
                if (explain) {
                    MatchingTrace plain = w;
                    w = DextPersonality.explainStart(t.personality()).map(v -> plain.withSteps(List.of(v)))
                            .orElse(w);
                }
                winners.put(cat, w);
                ranked.add(w);
            } else {
                ranked.add(!explain ? t : t.withSteps(List.of(KeyVerdict.note("IOMatchCategory " + cat,
                        "outranked by " + winners.get(cat).personality().name() + " (score "
                                + winners.get(cat).score() + ")"))));
            }
        }
        ranked.addAll(others);
        return new ProviderMatch(nub, path, ranked, winners, rejected);
    }

    /** Matches every service in the IOService plane that has candidates, in registry order. */
    public List<ProviderMatch> matchAll() {
        return matchAll(true);
    }

    public List<ProviderMatch> matchAll(boolean explain) {
        List<ProviderMatch> out = new ArrayList<>();
        for (IORegistryEntry e : ctx.registry().entries()) {
            // Ignored (stripped) drivers stay as providers: they stand for the instance re-matching recreates.
            if (!e.inPlane(ctx.servicePlane())) {
                continue;
            }
            ProviderMatch pm = match(e, explain);
            if (!pm.candidates().isEmpty() || pm.uncounted() > 0) {
                out.add(pm);
            }
        }
        return out;
    }

    /** One (provider, personality) pair, explained. */
    public MatchingTrace explain(IORegistryEntry nub, Personality p) {
        for (MatchingTrace t : match(nub).candidates()) {
            if (t.personality().equals(p)) {
                return t;
            }
        }
        // not a candidate by class: explain the passive match anyway, without kIOServiceClassDone
        PassiveMatcher.Outcome o = matcher.matchPassive(nub, p.table(), false);
        return new MatchingTrace(ctx.path(nub), nub.className(), p, o.matched(), o.score(),
                MatchingTrace.Verdict.REJECTED, o.nameMatched(), o.steps());
    }

    /**
     * IOService::copyClientWithCategory: an active client of the nub in the IOService plane whose
     * IOMatchCategory property is the category (ignored instances do not count); null when none holds it.
     */
    public IORegistryEntry clientWithCategory(IORegistryEntry nub, String category) {
        for (IORegistryEntry c : nub.children(ctx.servicePlane())) {
            if (ctx.isIgnored(c) || (c.state().service() && !c.state().active())) {
                continue;
            }
            OSObject cat = c.property(Personality.IO_MATCH_CATEGORY);
            if (cat != null && category.equals(Personality.string(cat))) {
                return c;
            }
        }
        return null;
    }

    /** IOMatchedServiceCount's count: active clients that carry an IOMatchCategory. */
    static int matchedClients(MatchContext ctx, IORegistryEntry nub) {
        int n = 0;
        for (IORegistryEntry c : nub.children(ctx.servicePlane())) {
            if (!ctx.isIgnored(c) && !(c.state().service() && !c.state().active())
                    && c.property(Personality.IO_MATCH_CATEGORY) != null) {
                n++;
            }
        }
        return n;
    }
}
