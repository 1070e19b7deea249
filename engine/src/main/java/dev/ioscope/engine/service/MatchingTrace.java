package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why one personality did or did not match one provider, key by key, and what became of it.
 *
 * @param providerPath the provider's IOService path
 * @param providerClass the provider's class
 * @param personality  the personality considered
 * @param passiveMatch whether IOService::matchPassive accepted the pair (all keys and family matching)
 * @param score        the probe score after family matching (the personality's IOProbeScore when it failed)
 * @param verdict      what probeCandidates made of it
 * @param nameMatched  the name IONameMatch matched (published as IONameMatched), or null
 * @param steps        the key verdicts, in the order XNU checks the keys
 */
public record MatchingTrace(String providerPath, String providerClass, Personality personality,
                            boolean passiveMatch, int score, Verdict verdict, String nameMatched,
                            List<KeyVerdict> steps) {
    public MatchingTrace {
        steps = List.copyOf(steps);
    }

    /** The fate of a candidate in IOService::probeCandidates. */
    public enum Verdict {
        /** Matched and started: the winner of its match category. */
        WINNER("winner of its match category"),
        /** Matched, but a higher-ranked candidate of the same category started first. */
        OUTRANKED("matched, but outranked in its match category"),
        /** Not considered: a driver of the same match category is already attached to the provider. */
        CATEGORY_TAKEN("match category already taken"),
        /** Matched and was started, but start() failed; the next candidate of the category was tried. */
        START_FAILED("matched, but start failed"),
        /** Matched but could not be instantiated (no IOClass). */
        NOT_INSTANTIABLE("matched, but names no IOClass"),
        /** The passive match failed. */
        REJECTED("no match");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** The dotted journal/CLI name, e.g. {@code category-taken}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The verdicts that failed, as sentences. */
    public List<String> reasons() {
        return steps.stream().filter(s -> s.outcome() == KeyVerdict.Outcome.NO_MATCH).map(KeyVerdict::describe)
                .toList();
    }

    /**
     * The property table a driver started from this candidate begins with (IOService::init(props) in
     * probeCandidates): the personality, its IOProbeScore as probed, its IOMatchCategory, and IONameMatched.
     */
    public OSDictionary driverProperties() {
        var b = OSDictionary.builder(personality.table().size() + 3);
        b.putAll(personality.table());
        b.put(Personality.IO_PROBE_SCORE, OSNumber.of32(score));
        b.put(Personality.IO_MATCH_CATEGORY, OSString.of(personality.category()));
        if (nameMatched != null) {
            b.put("IONameMatched", OSString.of(nameMatched));
        }
        return b.build();
    }

    /**
     * The passive match's own key verdicts, without the notes the match engine adds about the candidate's fate
     * in probeCandidates (its match category held or outranked, its start failing): a journal tells that part.
     */
    public List<KeyVerdict> keySteps() {
        return steps.stream().filter(s -> !s.key().startsWith(Personality.IO_MATCH_CATEGORY + " ")
                && !s.key().equals(START_STEP)).toList();
    }

    /** The key of the note a failed start adds. */
    public static final String START_STEP = "start";

    /** Every step as a sentence. */
    public List<String> explanation() {
        return steps.stream().map(KeyVerdict::describe).toList();
    }

    public MatchingTrace withVerdict(Verdict v) {
        return new MatchingTrace(providerPath, providerClass, personality, passiveMatch, score, v, nameMatched, steps);
    }

    public MatchingTrace withSteps(List<KeyVerdict> more) {
        List<KeyVerdict> all = new ArrayList<>(steps);
        all.addAll(more);
        return new MatchingTrace(providerPath, providerClass, personality, passiveMatch, score, verdict, nameMatched,
                all);
    }
}
