package dev.ioscope.engine.sim;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.registry.IORegistryEntry;
import dev.ioscope.engine.registry.RegistryPath;
import dev.ioscope.engine.service.IOCatalogue;
import dev.ioscope.engine.service.MatchContext;
import dev.ioscope.engine.service.MatchEngine;
import dev.ioscope.engine.service.family.FamilyMatchers;
import dev.ioscope.engine.service.kext.KextBundle;
import dev.ioscope.engine.service.kext.KextLoader;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdict engine on the real Hackintosh dump with the real VoodooPS2 and IntelMausi kexts (corpus README:
 * the Realtek 10ec:8168 IntelMausi must not match; the VoodooPS2 chain is attached in the dump): the verdicts read
 * from the simulator's journal, the journal's own events, and the static match {@code ioscope match} runs agree
 * for every candidate of every nub.
 */
class MatchVerdictsRealTest {
    private static final String DUMP = "snapshots/Hackintosh-DellADL-macOS13.IOService.txt";
    private static final String REALTEK = "IOService:/AppleACPIPlatformExpert/PC00/AppleACPIPCI/RP09@1D/IOPP/PXSX@0";
    private static Simulation sim;
    private static List<JournalEvent> journal;

    @BeforeAll
    static void boot(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("hackintosh.json");
        Files.writeString(s, "{\"snapshot\":\"" + json(TestData.path(DUMP)) + "\",\"kexts\":[\""
                + json(TestData.path("kexts/VoodooPS2")) + "\",\"" + json(TestData.path("kexts/IntelMausi"))
                + "\"]}");
        sim = Simulation.of(Scenario.read(s), Map.of(), PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        journal = sim.journal();
    }

    private static String json(Path p) {
        return p.toString().replace("\\", "\\\\");
    }

    private static List<String> roundNubs() {
        return journal.stream().filter(e -> e.kind().id().equals("match.begin")).map(JournalEvent::entry).distinct()
                .toList();
    }

    @Test
    @DisplayName("V3: IntelMausi is rejected by IOPCIMatch on the Hackintosh's Realtek 10ec:8168")
    void intelMausiRejectedByIOPCIMatchOnTheRealtek() {
        List<CandidateVerdict> v = MatchVerdicts.fromRound(MatchVerdicts.lastRound(journal, journal.size(), REALTEK),
                REALTEK, List.of());
        assertThat(v).hasSize(1);
        assertThat(v.get(0).personality()).isEqualTo("IntelMausi");
        assertThat(v.get(0).words()).isEqualTo("rejected by IOPCIMatch");
        // the values: the IDs the dump shows (vendor-id <ec100000>, device-id <68810000>, subsystem 1028:0c1d)
        assertThat(v.get(0).detail()).contains("0x816810ec").contains("0x0c1d1028").endsWith("— no match");
    }

    @Test
    @DisplayName("V1 V2 V3 V6: every candidate's verdict on every nub is the kind of the journal event that decided it")
    void everyVerdictIsWhatTheJournalSays() {
        assertThat(roundNubs()).contains(REALTEK, "IOService:/AppleACPIPlatformExpert/PS2K");
        int checked = 0;
        for (String nub : roundNubs()) {
            List<JournalEvent> round = MatchVerdicts.lastRound(journal, journal.size(), nub);
            List<JournalEvent> decisions = round.stream().filter(e -> e.entry().equals(nub)
                    && List.of("match.accept", "match.reject", "match.category-taken")
                            .contains(e.kind().id())).toList();
            List<CandidateVerdict> v = MatchVerdicts.fromRound(round, nub, List.of());
            assertThat(v).hasSize(decisions.size());
            for (int i = 0; i < v.size(); i++) {
                JournalEvent d = decisions.get(i);
                CandidateVerdict c = v.get(i);
                assertThat(c.personality()).isEqualTo(d.details().get("personality"));
                switch (d.kind().id()) {
                    case "match.reject" -> {
                        assertThat(c.kind()).isEqualTo(CandidateVerdict.Kind.REJECTED);
                        assertThat(d.details().get("reason")).startsWith(c.key() + " ").isEqualTo(c.detail());
                    }
                    case "match.category-taken" -> {
                        assertThat(c.kind()).isEqualTo(CandidateVerdict.Kind.CATEGORY_TAKEN);
                        String holder = d.details().get("holder");
                        assertThat(c.by()).isEqualTo(holder.substring(holder.lastIndexOf('/') + 1) + " <"
                                + d.details().get("holder-class") + ">");
                    }
                    default -> {
                        boolean started = round.stream().anyMatch(e -> e.kind().id().equals("service.start")
                                && c.personality().equals(e.details().get("personality")));
                        assertThat(c.kind()).isEqualTo(started ? CandidateVerdict.Kind.WINNER
                                : CandidateVerdict.Kind.OUTRANKED);
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    @DisplayName("V8: ioscope match's static verdicts equal the journal's for every candidate on the real dump")
    void staticMatchAgreesWithTheJournal() throws Exception {
        Snapshot s = Snapshots.load(TestData.path(DUMP));
        IOCatalogue catalogue = new IOCatalogue();
        for (KextBundle b : new KextLoader().load(List.of(TestData.path("kexts/VoodooPS2"),
                TestData.path("kexts/IntelMausi")))) {
            catalogue.addKext(b);
        }
        MatchContext ctx = FamilyMatchers.standardContext(s.registry());
        MatchEngine engine = new MatchEngine(catalogue, ctx);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (String nub : roundNubs()) {
            IORegistryEntry e = RegistryPath.fromPath(s.registry(), nub,
                    ctx.servicePlane()).orElseThrow();
            List<CandidateVerdict> stat = MatchVerdicts.of(engine.match(e), engine);
            List<CandidateVerdict> fromJournal = MatchVerdicts.fromRound(
                    MatchVerdicts.lastRound(journal, journal.size(), nub), nub, List.of());
            assertThat(stat).hasSameSizeAs(fromJournal);
            for (int i = 0; i < stat.size(); i++) {
                String a = line(stat.get(i));
                String b = line(fromJournal.get(i));
                if (!a.equals(b)) {
                    mismatches.add(nub + ": static " + a + " / journal " + b);
                }
                compared++;
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(compared).isGreaterThan(100);
    }

    /** A verdict in full; the score only for matched candidates (a skipped or rejected one journals none). */
    private static String line(CandidateVerdict v) {
        boolean matched = v.kind() != CandidateVerdict.Kind.REJECTED
                && v.kind() != CandidateVerdict.Kind.CATEGORY_TAKEN;
        return v.personality() + " " + v.kind().id() + " " + v.words() + " " + (matched ? v.score() : "") + " "
                + v.detail();
    }
}
