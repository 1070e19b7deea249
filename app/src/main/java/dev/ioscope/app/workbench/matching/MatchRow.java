package dev.ioscope.app.workbench.matching;

import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.service.KeyVerdict;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.sim.JournalEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the matching view: a candidate (personality, verdict, score, category, bundle), or under it one key
 * verdict of the engine's explain, or a journal event recording what probe/start made of the candidate.
 *
 * @param outcome a key row's outcome, null for candidate and journal rows
 */
record MatchRow(String name, String verdict, String score, String category, String bundle,
                KeyVerdict.Outcome outcome, MatchingTrace trace) {
    static MatchRow candidate(MatchingTrace t) {
        var p = t.personality();
        return new MatchRow(p.name(), t.verdict().words(), String.valueOf(t.score()), p.category(), p.bundle(),
                null, t);
    }

    /** The key-by-key verdict, then what the journal says happened to this candidate on this provider. */
    static List<MatchRow> details(MatchingTrace t, List<JournalEvent> journal, int upTo) {
        List<MatchRow> rows = new ArrayList<>();
        for (KeyVerdict k : t.steps()) {
            rows.add(new MatchRow(k.key(), switch (k.outcome()) {
                case MATCH -> "✔ match";
                case NO_MATCH -> "✘ no match";
                case NOTE -> "note";
            }, "", "", k.detail(), k.outcome(), null));
        }
        String cls = t.personality().ioClass();
        String name = t.personality().name();
        for (int i = 0; i < Math.min(upTo, journal.size()); i++) {
            JournalEvent e = journal.get(i);
            // matching and probing are journaled on the nub; a start on the driver, a direct client of the nub
            String prefix = t.providerPath() + "/";
            boolean aboutProvider = e.entry().equals(t.providerPath()) || (e.kind().startsWith("service.start")
                    && e.entry().startsWith(prefix) && e.entry().indexOf('/', prefix.length()) < 0);
            boolean aboutCandidate = name.equals(e.details().get("personality"))
                    || (cls != null && cls.equals(e.details().get("class"))
                    && (e.kind().startsWith("probe.") || e.kind().startsWith("service.start")));
            if (aboutProvider && aboutCandidate) {
                rows.add(new MatchRow("journal #" + e.seq(), e.kind(), e.details().getOrDefault("score", ""), "",
                        WorkbenchViewModel.formatNs(e.t()) + "  " + e.details(), KeyVerdict.Outcome.NOTE, null));
            }
        }
        return rows;
    }
}
