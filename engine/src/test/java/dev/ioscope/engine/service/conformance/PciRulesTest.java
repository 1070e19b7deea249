package dev.ioscope.engine.service.conformance;

import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.Machine;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.family.PciMatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static dev.ioscope.engine.service.Machine.le32;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/iokit-rules.md, "PCI family" (PCI1–PCI3). */
class PciRulesTest {
    private final Machine m = new Machine();
    /** An Intel I219 (8086:15b8), subsystem 1028:0869, Ethernet controller class 0x020000 rev 0x10. */
    private final IORegistryEntry nic = m.nub(m.expert, "IOPCIDevice", "pci8086,15b8",
            "vendor-id", le32(0x8086), "device-id", le32(0x15b8), "subsystem-vendor-id", le32(0x1028),
            "subsystem-id", le32(0x0869), "class-code", le32(0x020000), "revision-id", le32(0x10));

    private MatchingTrace with(String key, String value) {
        Personality p = m.add(key + value, "IOProviderClass", "IOPCIDevice", "IOClass", "D", key, value);
        return m.explain(nic, p);
    }

    @Test
    @DisplayName("PCI1: space-separated values with optional &mask; any one matches; parsing stops at junk")
    void pci1ValueLists() {
        assertThat(PciMatcher.matchKeys("0x10d38086 0x15b88086", 0xffffffffL, 0x15b88086L)).isTrue();
        assertThat(PciMatcher.matchKeys("0x00008086&0x0000ffff", 0xffffffffL, 0x15b88086L)).isTrue();
        assertThat(PciMatcher.matchKeys("15b88086", 0xffffffffL, 0x15b88086L)).as("0x is optional").isTrue();
        assertThat(PciMatcher.matchKeys("0x10d38086 zz 0x15b88086", 0xffffffffL, 0x15b88086L)).isFalse();
        MatchingTrace t = with("IOPCIMatch", "0x10d38086&0xffffffff");
        assertThat(t.reasons()).containsExactly("IOPCIMatch 0x10d38086&0xffffffff: this device's ID (0x00) is "
                + "0x15b88086, subsystem ID (0x2c) is 0x08691028 — no match");
    }

    @Test
    @DisplayName("PCI2: IOPCIMatch tries register 0x00 then 0x2c; Primary and Secondary only one each")
    void pci2Registers() {
        assertThat(with("IOPCIMatch", "0x08691028").passiveMatch()).as("subsystem register").isTrue();
        assertThat(with("IOPCIPrimaryMatch", "0x15b88086").passiveMatch()).isTrue();
        assertThat(with("IOPCIPrimaryMatch", "0x08691028").passiveMatch()).isFalse();
        assertThat(with("IOPCISecondaryMatch", "0x08691028").passiveMatch()).isTrue();
        assertThat(with("IOPCISecondaryMatch", "0x15b88086").passiveMatch()).isFalse();
    }

    @Test
    @DisplayName("PCI3: IOPCIClassMatch compares class code << 8 with default mask 0xffffff00")
    void pci3Class() {
        assertThat(with("IOPCIClassMatch", "0x02000000").passiveMatch()).as("revision ignored").isTrue();
        assertThat(with("IOPCIClassMatch", "0x02000000&0xffff0000").passiveMatch()).isTrue();
        assertThat(with("IOPCIClassMatch", "0x0c030000&0xffff0000").passiveMatch()).isFalse();
        assertThat(with("IOPCIClassMatch", "0x02000010&0xffffffff").passiveMatch()).as("with revision").isTrue();
    }
}
