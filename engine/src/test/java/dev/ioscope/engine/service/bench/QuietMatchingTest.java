package dev.ioscope.engine.service.bench;

import dev.ioscope.engine.service.MatchEngine;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.ProviderMatch;
import dev.ioscope.engine.service.family.FamilyMatchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast re-match (no words) decides exactly as the explaining one, on the benchmark's synthetic machine. */
class QuietMatchingTest {
    @Test
    @DisplayName("X3: quiet and explained matching decide alike")
    void quietAndExplainedMatchingAgree() {
        SyntheticMachine m = new SyntheticMachine(3000, 600, 7);
        List<ProviderMatch> loud = new MatchEngine(m.catalogue, FamilyMatchers.standardContext(m.registry))
                .matchAll(true);
        List<ProviderMatch> quiet = new MatchEngine(m.catalogue, FamilyMatchers.standardContext(m.registry))
                .matchAll(false);
        assertThat(quiet).hasSameSizeAs(loud);
        long winners = 0;
        for (int i = 0; i < loud.size(); i++) {
            ProviderMatch a = loud.get(i);
            ProviderMatch b = quiet.get(i);
            assertThat(b.provider()).isSameAs(a.provider());
            assertThat(b.winners().keySet()).containsExactlyElementsOf(a.winners().keySet());
            for (String cat : a.winners().keySet()) {
                MatchingTrace x = a.winners().get(cat);
                MatchingTrace y = b.winners().get(cat);
                assertThat(y.personality()).isEqualTo(x.personality());
                assertThat(y.score()).isEqualTo(x.score());
                winners++;
            }
            long rejectedLoud = a.candidates().stream().filter(t -> t.verdict() == MatchingTrace.Verdict.REJECTED)
                    .count();
            assertThat(b.uncounted()).isEqualTo(rejectedLoud);
        }
        assertThat(winners).as("the synthetic machine does match things").isGreaterThan(500);
    }
}
