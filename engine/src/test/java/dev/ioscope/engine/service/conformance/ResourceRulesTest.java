package dev.ioscope.engine.service.conformance;

import dev.ioscope.engine.os.OSArray;
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
    @DisplayName("R1: on IOResources, IOResourceMatch needs the resource published (any collection needs all)")
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
        // xnu-11417 iterates any OSCollection (older kernels ignored an OSArray)
        assertThat(m.explain(m.resources, arr).passiveMatch()).as("an array needs every member").isFalse();
        m.resources.setProperty("IOBSD", OSString.of("IOService"));
        assertThat(m.explain(m.resources, bsd).passiveMatch()).isTrue();
        assertThat(m.explain(m.resources, set).passiveMatch()).isTrue();
        assertThat(m.explain(m.resources, arr).passiveMatch()).isTrue();
    }

    @Test
    @DisplayName("R1: a member that is not a string fails; an empty collection matches; IOResourceMatched only alone")
    void r1MembersAndResourceMatched() {
        Machine m = new Machine();
        Personality num = m.add("num", "IOProviderClass", "IOResources", "IOClass", "N",
                "IOResourceMatch", new Object[]{"IOKit", 7});
        Personality empty = m.add("empty", "IOProviderClass", "IOResources", "IOClass", "E",
                "IOResourceMatch", new Object[]{});
        Personality matched = m.add("matched", "IOProviderClass", "IOResources", "IOClass", "M",
                "IOResourceMatched", "IOKit");
        assertThat(m.explain(m.resources, num).passiveMatch()).isFalse();
        assertThat(m.explain(m.resources, empty).passiveMatch()).isTrue();
        // IOResourceMatched looks in IOResources' own IOResourceMatched array (IOResourcesMatchPropertyTable)
        assertThat(m.explain(m.resources, matched).passiveMatch()).isFalse();
        m.resources.setProperty("IOResourceMatched", OSArray.of(OSString.of("IOKit")));
        assertThat(m.explain(m.resources, matched).passiveMatch()).isTrue();
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
