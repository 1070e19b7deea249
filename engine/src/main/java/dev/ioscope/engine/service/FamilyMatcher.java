package dev.ioscope.engine.service;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.List;

/**
 * A family's {@code matchPropertyTable(table, &score)}: the keys a nub class adds to passive matching (XNU calls
 * it from IOService::matchPassive after its own keys, only when the table holds keys it did not handle).
 * Implementations may memoise per personality table (tables are immutable) and, like the MatchContext that
 * holds them, belong to one thread. Plugins may add their own.
 */
public interface FamilyMatcher {
    /** A short name for explanations, e.g. "IOPCIFamily". */
    String family();

    /** True when the nub's class overrides matchPropertyTable with this family's rules. */
    boolean appliesTo(IORegistryEntry nub, MatchContext ctx);

    /**
     * Runs the family's rules.
     *
     * @param score the score so far (the personality's IOProbeScore)
     * @param out   receives one verdict per key looked at
     */
    Result matchPropertyTable(IORegistryEntry nub, OSDictionary table, int score, MatchContext ctx,
                              List<KeyVerdict> out);

    /** The family's answer: match or not, and the score it leaves. */
    record Result(boolean matched, int score) {
    }
}
