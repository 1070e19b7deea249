package dev.ioscope.engine.service.oracle;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.service.IOCatalogue;
import dev.ioscope.engine.service.MatchContext;
import dev.ioscope.engine.service.MatchEngine;
import dev.ioscope.engine.service.MatchingTrace;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.service.ProviderMatch;
import dev.ioscope.engine.service.RematchCheck;
import dev.ioscope.engine.service.RematchCheck.Attachment;
import dev.ioscope.engine.service.family.FamilyMatchers;
import dev.ioscope.engine.service.kext.KextBundle;
import dev.ioscope.engine.service.kext.KextLoader;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real oracles of the corpus README (engine/src/test/resources/real/README.md): strip the drivers a real dump
 * shows, re-match with the real kext
 * personalities, and compare with what the kernel did.
 */
class RealOraclesTest {
    private static final String HID_USER_INTERFACE = "IOService:/IOResources/IOHIDResource"
            + "/IOHIDResourceDeviceUserClient/IOHIDUserDevice/IOHIDInterface";

    record Run(Snapshot snapshot, IOCatalogue catalogue, MatchContext ctx, RematchCheck.Result result,
               List<ProviderMatch> matches) {
        ProviderMatch at(String path) {
            return matches.stream().filter(m -> m.path().equals(path)).findFirst().orElseThrow();
        }
    }

    static Run run(String snap, String... kexts) throws Exception {
        Snapshot s = Snapshots.load(TestData.path(snap));
        IOCatalogue cat = new IOCatalogue();
        List<Path> paths = new ArrayList<>();
        for (String k : kexts) {
            paths.add(TestData.path(k));
        }
        for (KextBundle b : new KextLoader().load(paths)) {
            cat.addKext(b);
        }
        MatchContext ctx = FamilyMatchers.standardContext(s.registry());
        List<ProviderMatch> out = new ArrayList<>();
        RematchCheck.Result r = RematchCheck.run(cat, ctx, out);
        return new Run(s, cat, ctx, r, out);
    }

    @Test
    void macBookPro15HidFamily() throws Exception {
        Run r = run("snapshots/MacBookPro15-1.ioreg", "kexts/IOHIDFamily");
        assertThat(r.result().agreed()).containsExactly(
                new Attachment("IOService:/IOResources", "IOHIDResource"),
                new Attachment("IOService:/IOResources", "IOHIDSystem"),
                new Attachment(HID_USER_INTERFACE, "IOHIDEventDriver"));
        // IOResources: two categories (IOHIDResource, IOHID), both won; IOResourceMatch IOBSD is published.
        assertThat(r.at("IOService:/IOResources").winners()).containsOnlyKeys("IOHIDResource", "IOHID");
        // The keyboard interface: "HID Keyboard Driver" wins with score 1200 = usage 100 + base 1100, exactly the
        // IOProbeScore the real driver instance recorded.
        MatchingTrace kbd = r.at(HID_USER_INTERFACE).winners().get("IODefaultMatchCategory");
        assertThat(kbd.personality().name()).isEqualTo("HID Keyboard Driver");
        assertThat(kbd.score()).isEqualTo(1200);
        IORegistryEntry realDriver = r.ctx().ignored().stream()
                .filter(e -> e.className().equals("IOHIDEventDriver") && r.ctx().path(r.ctx().provider(e))
                        .equals(HID_USER_INTERFACE))
                .findFirst().orElseThrow();
        assertThat(realDriver.property("IOProbeScore")).isEqualTo(OSNumber.of32(1200));
        // The two other IOHIDEventDriver instances came from personalities of another kext, which the dump itself
        // says (IOPersonalityPublisher): they cannot be reproduced from the IOHIDFamily plists.
        assertThat(r.result().missing()).hasSize(2).allSatisfy(a -> {
            assertThat(a.className()).isEqualTo("IOHIDEventDriver");
            assertThat(RematchCheck.publisher(r.ctx(), a)).isEqualTo("com.apple.iokit.IOHIDEventDriverSafeBoot");
        });
        // Property mergers match but fail start by design, so they do not count as extra drivers.
        assertThat(r.result().extra()).isEmpty();
    }

    @Test

    @DisplayName("X1, X2: stripped drivers stay providers; the chain they publish re-matches (real Hackintosh oracle)")
    void hackintoshLiluAlcVoodoo() throws Exception {
        Run r = run("snapshots/Hackintosh-DellADL-macOS13.IOService.txt", "kexts/Lilu", "kexts/AppleALC",
                "kexts/VoodooPS2", "kexts/IntelMausi");
        assertThat(r.result().expected()).containsExactlyInAnyOrder(
                new Attachment("IOService:/IOResources", "Lilu"),
                new Attachment("IOService:/IOResources", "AppleALC"),
                new Attachment("IOService:/AppleACPIPlatformExpert/PS2K", "AppleACPIPS2Nub"),
                new Attachment("IOService:/AppleACPIPlatformExpert/PS2K/ps2controller", "ApplePS2Controller"),
                new Attachment("IOService:/AppleACPIPlatformExpert/PS2K/ps2controller/ApplePS2Controller"
                        + "/ApplePS2KeyboardDevice", "ApplePS2Keyboard"),
                new Attachment("IOService:/AppleACPIPlatformExpert/PS2K/ps2controller/ApplePS2Controller"
                        + "/ApplePS2MouseDevice", "ApplePS2Mouse"));
        assertThat(r.result().agreement()).isEqualTo(1.0);
        assertThat(r.result().extra()).isEmpty();
        // The middle link needs the class chain AppleACPIPS2Nub -> IOPlatformDevice from the class catalogue.
        MatchingTrace ctl = r.at("IOService:/AppleACPIPlatformExpert/PS2K/ps2controller").winners()
                .get("IODefaultMatchCategory");
        assertThat(ctl.explanation().get(0)).isEqualTo("IOProviderClass IOPlatformDevice: ps2controller is a "
                + "AppleACPIPS2Nub, a subclass of IOPlatformDevice — match");
        // IONameMatch found PNP0303 in the ACPI node's compatible list, as the real instance's IONameMatched says.
        assertThat(r.at("IOService:/AppleACPIPlatformExpert/PS2K").winners().get("IODefaultMatchCategory")
                .nameMatched()).isEqualTo("PNP0303");
    }

    @Test
    void negativeOracles() throws Exception {
        Run r = run("snapshots/Hackintosh-DellADL-macOS13.IOService.txt", "kexts/IntelMausi", "kexts/AppleALC");
        IORegistryEntry realtek = r.snapshot().registry().entries().stream()
                .filter(e -> e.className().equals("IOPCIDevice") && e.name().equals("PXSX")
                        && e.property("vendor-id") != null && e.property("vendor-id").toString().equals("<ec100000>"))
                .findFirst().orElseThrow();
        Personality mausi = r.catalogue().personalities().stream().filter(p -> "IntelMausi".equals(p.ioClass()))
                .findFirst().orElseThrow();
        MatchingTrace t = new MatchEngine(r.catalogue(), r.ctx()).explain(realtek, mausi);
        assertThat(t.passiveMatch()).isFalse();
        assertThat(t.reasons()).hasSize(1);
        assertThat(t.reasons().get(0)).startsWith("IOPCIMatch 0x10EA8086 0x10EB8086")
                .endsWith("this device's ID (0x00) is 0x816810ec, subsystem ID (0x2c) is 0x0c1d1028 — no match");
        // No IOHDACodecDevice in the dump: AppleALC's user-client personality is nobody's candidate.
        assertThat(r.matches()).flatMap(ProviderMatch::candidates)
                .noneMatch(c -> "ALCUserClientProvider".equals(c.personality().ioClass()));
        assertThat(r.matches()).flatMap(m -> m.winners().values())
                .noneMatch(w -> "IntelMausi".equals(w.personality().ioClass()));
    }
}
