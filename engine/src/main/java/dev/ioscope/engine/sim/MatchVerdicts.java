package dev.ioscope.engine.sim;

import static dev.ioscope.engine.sim.JournalKind.MATCH_BEGIN;

import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.KeyVerdict;
import dev.ioscope.engine.service.MatchEngine;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.ProviderMatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that says what became of each candidate of a nub: from the journal of a matching round (what
 * happened at that step: {@code match.*}, then {@code probe.*} and {@code service.start*} for the candidates
 * matchPassive accepted), or, for a match with no journal ({@code ioscope match}), from the match engine's own
 * run of probeCandidates. Both give the same {@link CandidateVerdict}s; the workbench and the CLI show them.
 *
 * <p>Outcomes are read by event kind, not by their order, so a probeCandidates that probes every candidate
 * before starting the best (XNU's two phases) gives the same verdicts.
 */
public final class MatchVerdicts {
    private MatchVerdicts() {
    }

    /** The verdicts of a static match (no journal): the match engine's probeCandidates run as it decided. */
    public static List<CandidateVerdict> of(ProviderMatch pm, MatchEngine engine) {
        List<CandidateVerdict> out = new ArrayList<>(pm.candidates().size());
        for (MatchingTrace t : pm.candidates()) {
            var p = t.personality();
            String cls = p.ioClass() == null ? "" : p.ioClass();
            CandidateVerdict.Kind kind;
            String by = null;
            String key = null;
            String detail = null;
            switch (t.verdict()) {
                case WINNER -> kind = CandidateVerdict.Kind.WINNER;
                case OUTRANKED -> {
                    MatchingTrace w = pm.winners().get(p.category());
                    kind = w == null ? CandidateVerdict.Kind.PENDING : CandidateVerdict.Kind.OUTRANKED;
                    by = w == null ? null : w.personality().name();
                }
                case CATEGORY_TAKEN -> {
                    kind = CandidateVerdict.Kind.CATEGORY_TAKEN;
                    IORegistryEntry h = engine.clientWithCategory(pm.provider(), p.category());
                    by = h == null ? null : holder(engine.context().path(h), h.className());
                }
                case START_FAILED -> {
                    kind = CandidateVerdict.Kind.START_FAILED;
                    detail = t.steps().stream().filter(s -> s.key().equals(MatchingTrace.START_STEP))
                            .map(KeyVerdict::detail).findFirst().orElse(null);
                }
                case NOT_INSTANTIABLE -> {
                    kind = CandidateVerdict.Kind.REJECTED;
                    key = NO_CLASS_KEY;
                    detail = NO_CLASS;
                }
                default -> {
                    kind = CandidateVerdict.Kind.REJECTED;
                    detail = t.reasons().isEmpty() ? null : t.reasons().get(0);
                    key = keyOf(detail);
                }
            }
            out.add(new CandidateVerdict(p.name(), cls, p.category(), kind, t.score(), by, key, detail, t,
                    List.of()));
        }
        return out;
    }

    /**
     * The journal events of the last matching round on {@code nubPath} among the first {@code upTo} events: from
     * its {@code match.begin} up to the next one on that nub; empty when the nub was never matched.
     */
    public static List<JournalEvent> lastRound(List<JournalEvent> journal, int upTo, String nubPath) {
        int end = Math.min(upTo, journal.size());
        int begin = -1;
        for (int i = end - 1; i >= 0; i--) {
            JournalEvent e = journal.get(i);
            if (e.kind() == MATCH_BEGIN && e.entry().equals(nubPath)) {
                begin = i;
                break;
            }
        }
        return begin < 0 ? List.of() : List.copyOf(journal.subList(begin, end));
    }

    /**
     * The verdicts of one matching round (events from {@link #lastRound}), in the order the round considered the
     * candidates. {@code traces} (a re-match of the nub, may be empty) give each candidate its key-by-key words.
     */
    public static List<CandidateVerdict> fromRound(List<JournalEvent> round, String nubPath,
                                                   List<MatchingTrace> traces) {
        MatchRound r = MatchRound.read(round, nubPath);
        List<MatchingTrace> unused = new ArrayList<>(traces);
        List<CandidateVerdict> out = new ArrayList<>(r.slots().size());
        for (MatchRound.Slot s : r.slots()) {
            MatchingTrace t = take(unused, s.name, s.ioClass);
            String category = s.category != null ? s.category : t == null ? "" : t.personality().category();
            CandidateVerdict.Kind kind;
            String by = null;
            String key = null;
            String detail = null;
            int score = s.score != null ? s.score : t == null ? 0 : t.score();
            switch (s.decision) {
                case REJECTED -> {
                    kind = CandidateVerdict.Kind.REJECTED;
                    detail = s.reason;
                    key = s.ioClass.isEmpty() && NO_CLASS.equals(s.reason) ? NO_CLASS_KEY : keyOf(s.reason);
                }
                case CATEGORY_TAKEN -> {
                    kind = CandidateVerdict.Kind.CATEGORY_TAKEN;
                    by = s.holder;
                }
                default -> {
                    if (s.probed != null) {
                        score = s.probed;
                    }
                    if (s.started) {
                        kind = CandidateVerdict.Kind.WINNER;
                    } else if (s.startFailure != null) {
                        kind = CandidateVerdict.Kind.START_FAILED;
                        detail = s.startFailure;
                    } else if (s.probeRefusal != null) {
                        kind = CandidateVerdict.Kind.PROBE_REFUSED;
                        detail = s.probeRefusal;
                    } else if (r.winners().containsKey(category)) {
                        kind = CandidateVerdict.Kind.OUTRANKED;
                        by = r.winners().get(category);
                    } else {
                        kind = CandidateVerdict.Kind.PENDING;
                    }
                }
            }
            out.add(new CandidateVerdict(s.name, s.ioClass, category, kind, score, by, key, detail, t, s.events));
        }
        return out;
    }

    /** How a holder of a match category is named: the last component of its path and its class. */
    static String holder(String path, String className) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        return path.substring(path.lastIndexOf('/') + 1) + " <" + className + ">";
    }

    /** The key a rejection reason names: its first word ({@code IOPCIMatch 0x…: … — no match}). */
    static String keyOf(String reason) {
        if (reason == null || reason.isEmpty()) {
            return null;
        }
        int end = 0;
        while (end < reason.length() && reason.charAt(end) != ' ' && reason.charAt(end) != ':') {
            end++;
        }
        return reason.substring(0, end);
    }

    private static MatchingTrace take(List<MatchingTrace> traces, String name, String ioClass) {
        for (int i = 0; i < traces.size(); i++) {
            var p = traces.get(i).personality();
            String cls = p.ioClass() == null ? "" : p.ioClass();
            if (p.name().equals(name) && (ioClass.isEmpty() || cls.equals(ioClass))) {
                return traces.remove(i);
            }
        }
        return null;
    }

    /** The reason the simulator journals for a personality without IOClass (probeCandidates skips it). */
    static final String NO_CLASS = "no IOClass";
    static final String NO_CLASS_KEY = "IOClass";
}
