package dev.ioscope.engine.service.conformance;

import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.Machine;
import dev.ioscope.engine.service.MatchingTrace;

import dev.ioscope.engine.os.OSNumber;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/iokit-rules.md, "Ordering" (O1–O2). */
class OrderingRulesTest {
    @Test
    @DisplayName("O1: IOProbeScore is a signed 32-bit value, 0 when absent or not a number")
    void o1Score() {
        Machine m = new Machine();
        assertThat(m.add("neg", "IOProbeScore", OSNumber.of32(-100)).probeScore()).isEqualTo(-100);
        assertThat(m.add("neg64", "IOProbeScore", OSNumber.of64(-100)).probeScore()).isEqualTo(-100);
        assertThat(m.add("none").probeScore()).isZero();
        assertThat(m.add("str", "IOProbeScore", "1000").probeScore()).isZero();
    }

    @Test
    @DisplayName("O2: candidates rank by score, highest first, equal scores in catalogue order")
    void o2Order() {
        Machine m = new Machine();
        IORegistryEntry n = m.nub(m.expert, "IOService", "n");
        m.add("a", "IOProviderClass", "IOService", "IOClass", "A", "IOProbeScore", 10, "IOMatchCategory", "a");
        m.add("b", "IOProviderClass", "IOService", "IOClass", "B", "IOProbeScore", 20, "IOMatchCategory", "b");
        m.add("c", "IOProviderClass", "IOService", "IOClass", "C", "IOProbeScore", 10, "IOMatchCategory", "c");
        m.add("d", "IOProviderClass", "IOService", "IOClass", "D", "IOProbeScore", OSNumber.of32(-5), "IOMatchCategory",
                "d");
        assertThat(m.engine().match(n).candidates()).extracting(t -> t.personality().name())
                .containsExactly("b", "a", "c", "d");
        assertThat(m.engine().match(n).candidates()).extracting(MatchingTrace::verdict)
                .containsOnly(MatchingTrace.Verdict.WINNER);
    }

}
