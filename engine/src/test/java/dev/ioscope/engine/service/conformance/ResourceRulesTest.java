package dev.ioscope.engine.service.conformance;

import dev.ioscope.engine.os.OSSet;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.Machine;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.Personality;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/iokit-rules.md, "Resources" (R1–R2). */
class ResourceRulesTest {
    @Test
    @DisplayName("R1: on IOResources, IOResourceMatch needs the resource published (a set needs all)")
    void r1OnResources() {
        Machine m = new Machine();   // IOResources publishes IOKit only
        Personality kit = m.add("kit", "IOProviderClass", "IOResources", "IOClass", "K", "IOResourceMatch", "IOKit");
        Personality bsd = m.add("bsd", "IOProviderClass", "IOResources", "IOClass", "B", "IOResourceMatch", "IOBSD");
        Personality set = m.add("set", "IOProviderClass", "IOResources", "IOClass", "S",
                "IOResourceMatch", OSSet.of(OSString.of("IOKit"), OSString.of("IOBSD")));
        Personality arr = m.add("arr", "IOProviderClass", "IOResources", "IOClass", "A",
                "IOResourceMatch", new Object[]{"IOBSD"});
        assertThat(m.explain(m.resources, kit).passiveMatch()).isTrue();
        assertThat(m.explain(m.resources, bsd).reasons()).containsExactly(
                "IOResourceMatch IOBSD: IOResources does not publish IOBSD — no match");
        assertThat(m.explain(m.resources, set).passiveMatch()).isFalse();
        assertThat(m.explain(m.resources, arr).passiveMatch()).as("an array is ignored, as in XNU").isTrue();
        m.resources.setProperty("IOBSD", OSString.of("IOService"));
        assertThat(m.explain(m.resources, bsd).passiveMatch()).isTrue();
        assertThat(m.explain(m.resources, set).passiveMatch()).isTrue();
    }

    @Test
    @DisplayName("R2: elsewhere IOResourceMatch does not decide matching; start waits for the resource")
    void r2Elsewhere() {
        Machine m = new Machine();
        IORegistryEntry n = m.nub(m.expert, "IOService", "n");
        Personality p = m.add("p", "IOProviderClass", "IOService", "IOClass", "P", "IOResourceMatch", "IOBSD");
        MatchingTrace t = m.explain(n, p);
        assertThat(t.passiveMatch()).isTrue();
        assertThat(t.explanation()).anyMatch(s -> s.startsWith("IOResourceMatch IOBSD: not a matching key")
                && s.contains("not published: start would wait"));
    }
}
