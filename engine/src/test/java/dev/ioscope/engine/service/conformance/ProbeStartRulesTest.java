package dev.ioscope.engine.service.conformance;

import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.Machine;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.MatchingTrace.Verdict;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.ProviderMatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/iokit-rules.md, "Probe and start" (S1–S6); S4's start failure is tested with the simulator. */
class ProbeStartRulesTest {
    @Test
    @DisplayName("S1: a category already held on the nub skips the personality; no category means "
            + "IODefaultMatchCategory")
    void s1Categories() {
        Machine m = new Machine();
        IORegistryEntry n = m.nub(m.expert, "IOService", "n");
        m.nub(n, "Existing", "Existing", "IOMatchCategory", "IODefaultMatchCategory");
        Personality dflt = m.add("dflt", "IOProviderClass", "IOService", "IOClass", "A");
        Personality own = m.add("own", "IOProviderClass", "IOService", "IOClass", "B", "IOMatchCategory", "Mine");
        assertThat(dflt.category()).isEqualTo("IODefaultMatchCategory");
        ProviderMatch pm = m.engine().match(n);
        assertThat(pm.winners()).containsOnlyKeys("Mine");
        MatchingTrace skipped = pm.candidates().stream().filter(t -> t.personality().equals(dflt)).findFirst()
                .orElseThrow();
        assertThat(skipped.verdict()).isEqualTo(Verdict.CATEGORY_TAKEN);
        assertThat(skipped.reasons()).anyMatch(s -> s.contains("already held on this nub by Existing"));
    }

    @Test
    @DisplayName("S2: survivors are re-ranked by the score family matching leaves")
    void s2Rerank() {
        Machine m = new Machine();
        IORegistryEntry dev = m.nub(m.expert, "IOHIDDevice", "dev", "DeviceUsagePairs",
                new Object[]{Machine.dict("DeviceUsagePage", 1, "DeviceUsage", 6)}, "VendorID", 1452);
        // "high" has the bigger IOProbeScore, but "vendor" gains 5000 from VendorID in HID matching.
        m.add("high", "IOProviderClass", "IOHIDDevice", "IOClass", "H", "IOProbeScore", 3000);
        m.add("vendor", "IOProviderClass", "IOHIDDevice", "IOClass", "V", "VendorID", 1452);
        ProviderMatch pm = m.engine().match(dev);
        assertThat(pm.candidates()).extracting(t -> t.personality().name()).containsExactly("vendor", "high");
        assertThat(pm.candidates().get(0).score()).isEqualTo(5000);
        assertThat(pm.winners().get("IODefaultMatchCategory").personality().name()).isEqualTo("vendor");
    }

    @Test
    @DisplayName("S3: a matching personality without IOClass cannot be instantiated; the next one starts")
    void s3NoClass() {
        Machine m = new Machine();
        IORegistryEntry n = m.nub(m.expert, "IOService", "n");
        m.add("noclass", "IOProviderClass", "IOService", "IOProbeScore", 9);
        m.add("ok", "IOProviderClass", "IOService", "IOClass", "OK");
        ProviderMatch pm = m.engine().match(n);
        assertThat(pm.candidates().get(0).verdict()).isEqualTo(Verdict.NOT_INSTANTIABLE);
        assertThat(pm.winners().get("IODefaultMatchCategory").personality().name()).isEqualTo("ok");
    }

    @Test
    @DisplayName("S4: each category starts its best candidate independently; the rest of a category is outranked")
    void s4PerCategory() {
        Machine m = new Machine();
        IORegistryEntry n = m.nub(m.expert, "IOService", "n");
        m.add("a1", "IOProviderClass", "IOService", "IOClass", "A1", "IOProbeScore", 5);
        m.add("a2", "IOProviderClass", "IOService", "IOClass", "A2", "IOProbeScore", 7);
        m.add("b", "IOProviderClass", "IOService", "IOClass", "B", "IOMatchCategory", "B");
        ProviderMatch pm = m.engine().match(n);
        assertThat(pm.winners()).hasSize(2);
        assertThat(pm.winners().get("IODefaultMatchCategory").personality().name()).isEqualTo("a2");
        assertThat(pm.candidates()).filteredOn(t -> t.personality().name().equals("a1"))
                .extracting(MatchingTrace::verdict).containsExactly(Verdict.OUTRANKED);
    }

    @Test
    @DisplayName("S4: when start fails the next candidate of the category starts (IOHIDProviderPropertyMerger)")
    void s4StartFailureFallback() {
        Machine m = new Machine();
        IORegistryEntry n = m.nub(m.expert, "IOService", "n");
        m.add("merger", "IOProviderClass", "IOService", "IOClass", "IOHIDProviderPropertyMerger", "IOProbeScore", 9);
        m.add("real", "IOProviderClass", "IOService", "IOClass", "Real");
        ProviderMatch pm = m.engine().match(n);
        assertThat(pm.candidates()).extracting(MatchingTrace::verdict)
                .containsExactly(Verdict.START_FAILED, Verdict.WINNER);
        assertThat(pm.candidates().get(0).explanation())
                .anyMatch(s -> s.startsWith("start: IOHIDProviderPropertyMerger::start"));
        assertThat(pm.winners().get("IODefaultMatchCategory").personality().name()).isEqualTo("real");
    }

    @Test
    @DisplayName("S5: the driver starts with the personality's properties, its probed score, category and "
            + "IONameMatched")
    void s5DriverProperties() {
        Machine m = new Machine();
        IORegistryEntry n = m.nub(m.expert, "IOService", "ps2controller");
        m.add("p", "IOProviderClass", "IOService", "IOClass", "D", "IONameMatch", "ps2controller", "Custom", 7);
        var props = m.engine().match(n).winners().get("IODefaultMatchCategory").driverProperties();
        assertThat(props.get("Custom")).isEqualTo(OSNumber.of32(7));
        assertThat(props.get("IOProbeScore")).isEqualTo(OSNumber.of32(0));
        assertThat(props.get("IOMatchCategory")).hasToString("\"IODefaultMatchCategory\"");
        assertThat(props.get("IONameMatched")).hasToString("\"ps2controller\"");
    }

    @Test
    @DisplayName("S6: IOKitDebug flags are reported by name")
    void s6IOKitDebug() {
        Machine m = new Machine();
        IORegistryEntry n = m.nub(m.expert, "IOService", "n");
        Personality p = m.add("p", "IOProviderClass", "IOService", "IOClass", "D", "IOKitDebug", 0x16);
        assertThat(m.explain(n, p).explanation()).anyMatch(s -> s.equals(
                "IOKitDebug 0x16: XNU would log for this personality: kIOLogProbe, kIOLogStart, kIOLogMatch"));
    }
}
