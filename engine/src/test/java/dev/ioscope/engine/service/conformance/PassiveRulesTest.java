package dev.ioscope.engine.service.conformance;

import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.Machine;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.Personality;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static dev.ioscope.engine.service.Machine.dict;
import static dev.ioscope.engine.service.Machine.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** docs/iokit-rules.md, "Passive matching" (P1–P14). */
class PassiveRulesTest {
    private final Machine m = new Machine();

    private MatchingTrace explain(IORegistryEntry nub, Personality p) {
        return m.explain(nub, p);
    }

    @Test
    @DisplayName("P1: IOProviderClass matches the class and its subclasses only")
    void p1ProviderClass() {
        IORegistryEntry acpi = m.nub(m.expert, "IOACPIPlatformDevice", "PS2K");
        IORegistryEntry plain = m.nub(m.expert, "IOService", "plain");
        Personality p = m.add("p", "IOClass", "D", "IOProviderClass", "IOPlatformDevice");
        MatchingTrace t = explain(acpi, p);
        assertThat(t.passiveMatch()).isTrue();
        assertThat(t.explanation().get(0)).contains("a subclass of IOPlatformDevice");
        assertThat(m.engine().match(plain).candidates()).isEmpty();
        MatchingTrace off = explain(plain, p);
        assertThat(off.passiveMatch()).isFalse();
        assertThat(off.reasons().get(0)).contains("does not conform to IOPlatformDevice");
    }

    @Test
    @DisplayName("P2: IONameMatch tries each name in order and leaves IONameMatched")
    void p2NameMatchList() {
        IORegistryEntry n = m.nub(m.expert, "IOService", "ps2controller");
        Personality list = m.add("list", "IOClass", "D", "IOProviderClass", "IOService",
                "IONameMatch", new Object[]{"nope", "ps2controller"});
        Personality miss = m.add("miss", "IOClass", "D", "IOProviderClass", "IOService", "IONameMatch", "other");
        assertThat(explain(n, list).passiveMatch()).isTrue();
        assertThat(explain(n, list).explanation()).anyMatch(s -> s.contains("\"ps2controller\" matches its name"));
        MatchingTrace t = explain(n, miss);
        assertThat(t.passiveMatch()).isFalse();
        assertThat(t.reasons().get(0))
                .isEqualTo("IONameMatch other: none matches the name \"ps2controller\" — no match");
    }

    @Test
    @DisplayName("P3: device-tree/ACPI nubs compare names against compatible lists, with a trailing * wildcard")
    void p3CompatibleAndWildcard() {
        IORegistryEntry kbd = m.nub(m.expert, "IOACPIPlatformDevice", "PS2K",
                "name", strings("DLLK0C1D"), "compatible", strings("PNP0303"));
        Personality exact = m.add("exact", "IOClass", "D", "IOProviderClass", "IOACPIPlatformDevice",
                "IONameMatch", new Object[]{"PNP0303", "PNP030B"});
        Personality wild = m.add("wild", "IOClass", "D", "IOProviderClass", "IOACPIPlatformDevice",
                "IONameMatch", "PNP03*");
        Personality plainName = m.add("plain", "IOClass", "D", "IOProviderClass", "IOService",
                "IONameMatch", "DLLK*");
        assertThat(explain(kbd, exact).explanation()).anyMatch(s -> s.contains("\"PNP0303\" matches its compatible"));
        assertThat(explain(kbd, wild).passiveMatch()).isTrue();
        assertThat(explain(kbd, plainName).explanation())
                .anyMatch(s -> s.contains("\"DLLK0C1D\" matches its name property"));
        // A plain IOService nub is compared by its name only, not by properties.
        IORegistryEntry svc = m.nub(m.expert, "IOService", "X", "compatible", strings("PNP0303"));
        Personality onSvc = m.add("svc", "IOClass", "D", "IOProviderClass", "IOService", "IONameMatch", "PNP0303");
        assertThat(explain(svc, onSvc).passiveMatch()).isFalse();
    }

    @Test
    @DisplayName("P4: IOLocationMatch (string) compares the location")
    void p4Location() {
        IORegistryEntry n = m.nub(m.expert, "IOService", "dev");
        n.setLocation("1f,3");
        assertThat(explain(n, m.add("a", "IOProviderClass", "IOService", "IOLocationMatch", "1f,3")).passiveMatch())
                .isTrue();
        assertThat(explain(n, m.add("b", "IOProviderClass", "IOService", "IOLocationMatch", "1f,4")).reasons())
                .containsExactly("IOLocationMatch 1f,4: the location is \"1f,3\" — no match");
    }

    @Test
    @DisplayName("P5: IOPropertyMatch (dictionary) needs every property equal by libkern isEqualTo")
    void p5PropertyMatchDict() {
        IORegistryEntry n = m.nub(m.expert, "IOService", "dev", "SupportsIOFastPath", true,
                "model", OSData.wrap("abc".getBytes(StandardCharsets.UTF_8)));
        Personality ok = m.add("ok", "IOProviderClass", "IOService",
                "IOPropertyMatch", dict("SupportsIOFastPath", true, "model", "abc"));
        Personality bad = m.add("bad", "IOProviderClass", "IOService",
                "IOPropertyMatch", dict("SupportsIOFastPath", false));
        Personality absent = m.add("absent", "IOProviderClass", "IOService", "IOPropertyMatch", dict("Nope", 1));
        assertThat(explain(n, ok).passiveMatch()).as("OSString \"abc\" equals OSData abc").isTrue();
        assertThat(explain(n, bad).reasons().get(0)).contains("\"SupportsIOFastPath\" is Yes, not No");
        assertThat(explain(n, absent).reasons().get(0)).contains("the entry has no \"Nope\"");
    }

    @Test
    @DisplayName("P6: IOPropertyMatch (array) matches when any dictionary does")
    void p6PropertyMatchArray() {
        IORegistryEntry n = m.nub(m.expert, "IOService", "dev", "A", 2);
        Personality any = m.add("any", "IOProviderClass", "IOService",
                "IOPropertyMatch", new Object[]{dict("A", 1), dict("A", 2)});
        Personality none = m.add("none", "IOProviderClass", "IOService",
                "IOPropertyMatch", new Object[]{dict("A", 1), dict("A", 3)});
        assertThat(explain(n, any).passiveMatch()).isTrue();
        assertThat(explain(n, none).passiveMatch()).isFalse();
    }

    @Test
    @DisplayName("P7: IOPropertyExistsMatch needs one of the keys present")
    void p7Exists() {
        IORegistryEntry n = m.nub(m.expert, "IOService", "dev", "B", 1);
        assertThat(explain(n, m.add("s", "IOProviderClass", "IOService", "IOPropertyExistsMatch", "B")).passiveMatch())
                .isTrue();
        assertThat(explain(n, m.add("a", "IOProviderClass", "IOService", "IOPropertyExistsMatch",
                new Object[]{"A", "B"})).passiveMatch()).isTrue();
        assertThat(explain(n, m.add("n", "IOProviderClass", "IOService", "IOPropertyExistsMatch", "A")).passiveMatch())
                .isFalse();
    }

    @Test
    @DisplayName("P8: IOPathMatch resolves the path and compares the entry")
    void p8Path() {
        IORegistryEntry n = m.nub(m.expert, "IOService", "dev");
        n.setLocation("3");
        IORegistryEntry other = m.nub(m.expert, "IOService", "dev2");
        Personality p = m.add("p", "IOProviderClass", "IOService", "IOPathMatch", "IOService:/dev@3");
        assertThat(explain(n, p).passiveMatch()).isTrue();
        assertThat(explain(other, p).reasons().get(0)).contains("this entry is IOService:/dev2");
    }

    @Test
    @DisplayName("P9: IORegistryEntryID compares the entry ID")
    void p9EntryId() {
        IORegistryEntry n = m.nub(m.expert, "IOService", "dev");
        assertThat(explain(n, m.add("p", "IOProviderClass", "IOService", "IORegistryEntryID",
                n.registryEntryID())).passiveMatch()).isTrue();
        assertThat(explain(n, m.add("q", "IOProviderClass", "IOService", "IORegistryEntryID", 5L)).passiveMatch())
                .isFalse();
    }

    @Test
    @DisplayName("P10: IOMatchedServiceCount counts clients with an IOMatchCategory")
    void p10MatchedServiceCount() {
        IORegistryEntry n = m.nub(m.expert, "IOService", "dev");
        m.nub(n, "SomeDriver", "SomeDriver", "IOMatchCategory", "IODefaultMatchCategory");
        m.nub(n, "IOService", "child-nub");
        assertThat(explain(n, m.add("one", "IOProviderClass", "IOService", "IOMatchedServiceCount", 1)).passiveMatch())
                .isTrue();
        assertThat(explain(n, m.add("zero", "IOProviderClass", "IOService", "IOMatchedServiceCount", 0)).reasons()
                .get(0))
                .contains("it has 1 matched driver(s)");
    }

    @Test
    @DisplayName("P11: BSD Name (IOBSDNameMatching) compares the property")
    void p11BsdName() {
        IORegistryEntry n = m.nub(m.expert, "IOService", "disk", "BSD Name", "disk0s1");
        assertThat(explain(n, m.add("a", "IOProviderClass", "IOService", "BSD Name", "disk0s1")).passiveMatch())
                .isTrue();
        assertThat(explain(n, m.add("b", "IOProviderClass", "IOService", "BSD Name", "disk1")).passiveMatch())
                .isFalse();
    }

    @Test
    @DisplayName("P12: the family is asked only when keys are left over, and its score is kept")
    void p12FamilyOnlyForLeftoverKeys() {
        IORegistryEntry hid = m.nub(m.expert, "IOHIDDevice", "hid");   // no DeviceUsagePairs: HID family refuses
        Personality onlyGeneric = m.add("g", "IOProviderClass", "IOHIDDevice");
        Personality withClass = m.add("c", "IOProviderClass", "IOHIDDevice", "IOClass", "X");
        assertThat(explain(hid, onlyGeneric).passiveMatch()).as("all keys generic: family not asked").isTrue();
        assertThat(explain(hid, withClass).passiveMatch()).as("IOClass is left over: HID family asked").isFalse();
    }

    @Test
    @DisplayName("P13: IOParentMatch needs some provider up the plane to match the nested table")
    void p13ParentMatch() {
        IORegistryEntry bus = m.nub(m.expert, "IOService", "bus", "Kind", "usb");
        IORegistryEntry mid = m.nub(bus, "IOService", "mid");
        IORegistryEntry leaf = m.nub(mid, "IOService", "leaf");
        Personality p = m.add("p", "IOProviderClass", "IOService", "IOParentMatch",
                dict("IOPropertyMatch", dict("Kind", "usb")));
        Personality q = m.add("q", "IOProviderClass", "IOService", "IOParentMatch",
                dict("IOPropertyMatch", dict("Kind", "pci")));
        assertThat(explain(leaf, p).passiveMatch()).isTrue();
        assertThat(explain(leaf, q).passiveMatch()).isFalse();
        assertThat(explain(leaf, q).reasons()).anyMatch(s -> s.contains("no provider up to the root matches"));
    }

    @Test
    @DisplayName("P14: IOLocationMatch (dictionary) is matched at the nub matchLocation finds")
    void p14LocationDict() {
        IORegistryEntry pci = m.nub(m.expert, "IOPCIDevice", "pci", "vendor-id", Machine.le32(0x8086));
        pci.setLocation("1c");
        IORegistryEntry child = m.nub(pci, "IOService", "child");
        IORegistryEntry grand = m.nub(child, "IOService", "grand");
        Personality p = m.add("p", "IOProviderClass", "IOService", "IOLocationMatch", dict("IOLocationMatch", "1c"));
        Personality q = m.add("q", "IOProviderClass", "IOService", "IOLocationMatch", dict("IOLocationMatch", "1d"));
        assertThat(explain(grand, p).passiveMatch()).isTrue();
        assertThat(explain(grand, q).passiveMatch()).isFalse();
    }
}
