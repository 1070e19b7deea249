package dev.ioscope.engine.sim;

import dev.ioscope.engine.service.MatchingTrace;

import java.util.List;
import java.util.Locale;

/**
 * What became of one candidate personality in one matching round on one nub (IOService::probeCandidates), as
 * {@link MatchVerdicts} derives it from the journal (or, for a static match, from the match engine's own run).
 *
 * @param personality the personality's name
 * @param ioClass     its IOClass ("" when it names none)
 * @param category    its match category
 * @param kind        the verdict
 * @param score       the score it reached: probe score when probed, else its score after family matching
 * @param by          who decided it: the winner that outranked it, or the client holding its category
 *                    ({@code name <class>}); null for other verdicts
 * @param key         the personality key that rejected it (e.g. {@code IOPCIMatch}); null unless rejected
 * @param detail      the whole reason in words (the failed key with its values, why start failed); may be null
 * @param trace       the key-by-key explanation of the passive match, when one is known; may be null
 * @param events      the journal events of this candidate in the round (empty for a static match)
 */
public record CandidateVerdict(String personality, String ioClass, String category, Kind kind, int score,
                               String by, String key, String detail, MatchingTrace trace,
                               List<JournalEvent> events) {
    public CandidateVerdict {
        events = List.copyOf(events);
    }

    /** The fates probeCandidates gives a candidate (rules S1–S4 and V1–V6 of docs/iokit-rules.md). */
    public enum Kind {
        /** Matched, probed and started: the driver of its match category. */
        WINNER,
        /** Matched (and maybe probed), but a better candidate of its category started. */
        OUTRANKED,
        /** matchPassive said no: a key of the personality does not hold for the nub. */
        REJECTED,
        /** Skipped before matching: a client of the nub already holds its match category. */
        CATEGORY_TAKEN,
        /** probe() returned no instance (or threw). */
        PROBE_REFUSED,
        /** start() failed; the next candidate of the category was tried. */
        START_FAILED,
        /** Matched, but not probed or started yet at this point of the journal. */
        PENDING;

        /** The dotted CLI/JSON name, e.g. {@code category-taken}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The verdict in words: {@code outranked by AppleIntelCNLUSBXHCI}, {@code rejected by IOPCIMatch}. */
    public String words() {
        return switch (kind) {
            case WINNER -> "winner";
            case OUTRANKED -> by == null ? "outranked" : "outranked by " + by;
            case REJECTED -> key == null ? "rejected" : "rejected by " + key;
            case CATEGORY_TAKEN -> by == null ? "category " + category + " taken"
                    : "category " + category + " held by " + by;
            case PROBE_REFUSED -> "probe refused";
            case START_FAILED -> "start failed";
            case PENDING -> "matched, not started yet";
        };
    }
}
