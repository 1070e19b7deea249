package dev.ioscope.engine.service.conformance;

import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.Machine;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.Personality;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static dev.ioscope.engine.service.Machine.dict;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/iokit-rules.md, "HID family" (HID1–HID4). */
class HidRulesTest {
    private final Machine m = new Machine();
    /** A keyboard device: usage pairs 1:6 (keyboard) and 12:1 (consumer), vendor 0x5ac. */
    private final IORegistryEntry device = m.nub(m.expert, "IOHIDDevice", "kbd", "DeviceUsagePairs",
            new Object[]{dict("DeviceUsagePage", 1, "DeviceUsage", 6), dict("DeviceUsagePage", 12, "DeviceUsage", 1)},
            "PrimaryUsagePage", 1, "PrimaryUsage", 6, "VendorID", 1452, "ProductID", 0x0340, "Transport", "USB",
            "HIDDefaultBehavior", "");
    /** Its interface, which publishes nothing of its own. */
    private final IORegistryEntry iface = m.nub(device, "IOHIDInterface", "IOHIDInterface");

    private MatchingTrace on(IORegistryEntry n, Object... keys) {
        Object[] all = new Object[keys.length + 4];
        all[0] = "IOProviderClass";
        all[1] = n.className();
        all[2] = "IOClass";
        all[3] = "IOHIDEventDriver";
        System.arraycopy(keys, 0, all, 4, keys.length);
        Personality p = m.add("p" + m.catalogue.size(), all);
        return m.explain(n, p);
    }

    @Test
    @DisplayName("HID1: an IOHIDInterface is matched by its IOHIDDevice's properties")
    void hid1InterfaceAsksDevice() {
        MatchingTrace t = on(iface, "VendorID", 1452);
        assertThat(t.passiveMatch()).isTrue();
        assertThat(t.explanation()).anyMatch(s -> s.contains("asks its provider kbd <IOHIDDevice>"));
    }

    @Test
    @DisplayName("HID2: DeviceUsagePairs: any personality pair found among the device's pairs")
    void hid2UsagePairs() {
        assertThat(on(iface, "DeviceUsagePairs", new Object[]{dict("DeviceUsagePage", 1, "DeviceUsage", 2),
                dict("DeviceUsagePage", 12, "DeviceUsage", 1)}).passiveMatch()).isTrue();
        MatchingTrace miss = on(iface, "DeviceUsagePairs", new Object[]{dict("DeviceUsagePage", 11, "DeviceUsage", 1)});
        assertThat(miss.reasons()).containsExactly(
                "DeviceUsagePairs [0xb:0x1]: the HID device's are [0x1:0x6, 0xc:0x1] — no match");
        IORegistryEntry bare = m.nub(m.expert, "IOHIDDevice", "bare");
        assertThat(on(bare, "DeviceUsagePairs", new Object[]{dict("DeviceUsagePage", 1)}).passiveMatch()).isFalse();
    }

    @Test
    @DisplayName("HID3: plain keys must equal; HIDDefaultBehavior only needs the key present")
    void hid3PlainKeys() {
        assertThat(on(iface, "Transport", "USB", "HIDDefaultBehavior", "whatever").passiveMatch()).isTrue();
        assertThat(on(iface, "Transport", "Bluetooth").passiveMatch()).isFalse();
        assertThat(on(iface, "ProductIDArray", new Object[]{0x0100, 0x0340}, "VendorID", 1452).passiveMatch()).isTrue();
        IORegistryEntry plain = m.nub(m.expert, "IOHIDDevice", "plain", "DeviceUsagePairs",
                new Object[]{dict("DeviceUsagePage", 1, "DeviceUsage", 6)});
        assertThat(on(plain, "HIDDefaultBehavior", "").reasons()).containsExactly(
                "HIDDefaultBehavior: the HID device does not have it — no match");
    }

    @Test
    @DisplayName("HID4: scores: usage pair +100+1100, page only +50+1100, vendor+product 5000+1000, primary usage "
            + "1100+100")
    void hid4Scores() {
        assertThat(on(iface, "DeviceUsagePairs", new Object[]{dict("DeviceUsagePage", 1, "DeviceUsage", 6)}).score())
                .isEqualTo(1200);
        assertThat(on(iface, "DeviceUsagePairs", new Object[]{dict("DeviceUsagePage", 1)}).score()).isEqualTo(1150);
        assertThat(on(iface, "VendorID", 1452, "ProductID", 0x0340).score()).isEqualTo(6000);
        assertThat(on(iface, "PrimaryUsagePage", 1, "PrimaryUsage", 6).score()).isEqualTo(1200);
    }
}
