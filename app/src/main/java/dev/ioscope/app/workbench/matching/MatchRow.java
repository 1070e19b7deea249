package dev.ioscope.app.workbench.matching;

import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.service.KeyVerdict;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.sim.CandidateVerdict;
import dev.ioscope.engine.sim.JournalEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the matching view: a candidate (personality, verdict, score, category, bundle), or under it one key
 * verdict of the passive match, or a journal event of the round that decided the candidate's fate.
 *
 * @param outcome     a key row's outcome, null for candidate and journal rows
 * @param personality a candidate row's personality, when known (for "why not?")
 * @param kind        a candidate row's verdict; null for other rows and for "why not?" rows
 * @param matched     a candidate row's passive match (true for a "why not?" that matches)
 */
record MatchRow(String name, String verdict, String score, String category, String bundle,
                KeyVerdict.Outcome outcome, Personality personality, CandidateVerdict.Kind kind, boolean matched) {
    /** A candidate with its verdict from the verdict engine. */
    static MatchRow candidate(CandidateVerdict v) {
        MatchingTrace t = v.trace();
        return new MatchRow(v.personality(), v.words(), String.valueOf(v.score()), v.category(),
                t == null ? "" : t.personality().bundle(), null, t == null ? null : t.personality(), v.kind(),
                t != null && t.passiveMatch());
    }

    /** "Why not?": one personality's passive match against the provider, key by key. */
    static MatchRow explained(MatchingTrace t) {
        var p = t.personality();
        return new MatchRow(p.name(), t.passiveMatch() ? "passive match" : "no match", String.valueOf(t.score()),
                p.category(), p.bundle(), null, p, null, t.passiveMatch());
    }

    /** The key-by-key verdict of the passive match, then the journal events of the candidate's round. */
    static List<MatchRow> details(MatchingTrace t, List<JournalEvent> events) {
        List<MatchRow> rows = new ArrayList<>();
        if (t != null) {
            for (KeyVerdict k : t.keySteps()) {
                rows.add(new MatchRow(k.key(), switch (k.outcome()) {
                    case MATCH -> "✔ match";
                    case NO_MATCH -> "✘ no match";
                    case NOTE -> "note";
                }, "", "", k.detail(), k.outcome(), null, null, false));
            }
        }
        for (JournalEvent e : events) {
            rows.add(new MatchRow("journal #" + e.seq(), e.kind().id(), e.details().getOrDefault("score", ""), "",
                    WorkbenchViewModel.formatNs(e.t()) + "  " + e.details(), KeyVerdict.Outcome.NOTE, null, null,
                    false));
        }
        return rows;
    }
}
