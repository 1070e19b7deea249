package dev.ioscope.engine.service;

import dev.ioscope.engine.registry.IORegistryEntry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What probeCandidates makes of one provider: every candidate personality with its trace, ranked, and the
 * winner of each match category.
 *
 * @param provider   the nub
 * @param path       its IOService path
 * @param candidates the candidates, matched ones in start order then the rest in the order considered
 * @param winners    match category → the trace of the candidate that starts, in category order
 * @param uncounted  rejected candidates left out of {@code candidates} by a match without explanations
 */
public record ProviderMatch(IORegistryEntry provider, String path, List<MatchingTrace> candidates,
                            Map<String, MatchingTrace> winners, int uncounted) {
    public ProviderMatch {
        candidates = List.copyOf(candidates);
        winners = Collections.unmodifiableMap(new LinkedHashMap<>(winners));
    }
}
