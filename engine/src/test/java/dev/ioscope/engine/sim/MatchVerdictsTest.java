package dev.ioscope.engine.sim;

import dev.ioscope.engine.spi.PluginLoader;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict engine on a scenario whose candidates meet every fate (rules V1–V7 of docs/iokit-rules.md). */
class MatchVerdictsTest {
    private static final String KEXT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <plist version="1.0"><dict>
              <key>CFBundleIdentifier</key><string>com.example.fates</string>
              <key>IOKitPersonalities</key><dict>
                <key>Refuser</key><dict><key>IOClass</key><string>Refuser</string>
                  <key>IOProviderClass</key><string>IOService</string>
                  <key>IONameMatch</key><string>widget</string><key>IOProbeScore</key><integer>950</integer></dict>
                <key>Flaky</key><dict><key>IOClass</key><string>Flaky</string>
                  <key>IOProviderClass</key><string>IOService</string>
                  <key>IONameMatch</key><string>widget</string><key>IOProbeScore</key><integer>900</integer></dict>
                <key>Solid</key><dict><key>IOClass</key><string>Solid</string>
                  <key>IOProviderClass</key><string>IOService</string>
                  <key>IONameMatch</key><string>widget</string><key>IOProbeScore</key><integer>100</integer></dict>
                <key>Second</key><dict><key>IOClass</key><string>Second</string>
                  <key>IOProviderClass</key><string>IOService</string>
                  <key>IONameMatch</key><string>widget</string><key>IOProbeScore</key><integer>50</integer></dict>
                <key>Other</key><dict><key>IOClass</key><string>Other</string>
                  <key>IOProviderClass</key><string>IOService</string>
                  <key>IONameMatch</key><string>gadget</string></dict>
              </dict></dict></plist>
            """;
    private static final String WIDGET = "IOService:/widget";
    private static final Map<String, DriverBehavior> BEHAVIORS = Map.of(
            "Refuser", new DriverBehavior() {
                @Override
                public Integer probe(DriverContext ctx, int score) {
                    return null;
                }

                @Override
                public boolean start(DriverContext ctx) {
                    return true;
                }
            },
            "Flaky", ctx -> false);

    private static Simulation run(Path dir, String actions) throws Exception {
        Files.writeString(dir.resolve("Info.plist"), KEXT);
        Files.writeString(dir.resolve("s.json"), "{\"machine\":\"empty\",\"kexts\":[\"Info.plist\"],\"actions\":["
                + "{\"at\":1000,\"do\":\"publish\",\"parent\":\"IOService:/\",\"class\":\"IOService\","
                + "\"name\":\"widget\"}" + actions + "]}");
        Simulation sim = Simulation.of(Scenario.read(dir.resolve("s.json")), BEHAVIORS,
                PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        return sim;
    }

    private static List<CandidateVerdict> verdicts(Simulation sim, int upTo) {
        List<JournalEvent> round = MatchVerdicts.lastRound(sim.journal(), upTo, WIDGET);
        return MatchVerdicts.fromRound(round, WIDGET, List.of());
    }

    private static CandidateVerdict of(List<CandidateVerdict> vs, String name) {
        return vs.stream().filter(v -> v.personality().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("V1 V2 V3 V4 V5: each verdict is what the round journaled: won, outranked, rejected, refused, failed")
    void everyFateOfOneRound(@TempDir Path dir) throws Exception {
        Simulation sim = run(dir, "");
        List<CandidateVerdict> v = verdicts(sim, sim.journalSize());
        assertThat(v).extracting(CandidateVerdict::personality)
                .containsExactly("Refuser", "Flaky", "Solid", "Second", "Other");
        // V4: Refuser's probe returned no instance
        assertThat(of(v, "Refuser").kind()).isEqualTo(CandidateVerdict.Kind.PROBE_REFUSED);
        assertThat(of(v, "Refuser").words()).isEqualTo("probe refused");
        // V5: Flaky probed (900) but start returned false; the next of the category was tried
        assertThat(of(v, "Flaky").kind()).isEqualTo(CandidateVerdict.Kind.START_FAILED);
        assertThat(of(v, "Flaky").detail()).isEqualTo("start returned false");
        assertThat(of(v, "Flaky").score()).isEqualTo(900);
        // V1: Solid started
        assertThat(of(v, "Solid").kind()).isEqualTo(CandidateVerdict.Kind.WINNER);
        assertThat(of(v, "Solid").words()).isEqualTo("winner");
        assertThat(of(v, "Solid").events()).extracting(je -> je.kind().id())
                .containsExactly("match.accept", "probe.score", "service.start");
        // V2: Second matched but Solid took IODefaultMatchCategory
        assertThat(of(v, "Second").words()).isEqualTo("outranked by Solid");
        assertThat(of(v, "Second").score()).isEqualTo(50);
        // V3: Other's IONameMatch fails, with the key and the values
        assertThat(of(v, "Other").words()).isEqualTo("rejected by IONameMatch");
        assertThat(of(v, "Other").detail()).startsWith("IONameMatch gadget:").contains("\"widget\"")
                .endsWith("— no match");
    }

    @Test
    @DisplayName("V6: a second round on the nub skips every candidate: the category is held by the started driver")
    void categoryHeldByTheDriverOfTheFirstRound(@TempDir Path dir) throws Exception {
        Simulation sim = run(dir, ",{\"at\":100000,\"do\":\"register\",\"path\":\"IOService:/widget\"}");
        List<CandidateVerdict> second = verdicts(sim, sim.journalSize());
        // S1: the category is checked before matchPassive, so Other (whose IONameMatch would fail) is skipped too
        assertThat(second).allSatisfy(c -> assertThat(c.words())
                .isEqualTo("category IODefaultMatchCategory held by Solid <Solid>")).hasSize(5);
        // the first round, read up to its end, still gives the first round's verdicts
        int firstEnd = (int) sim.journal().stream()
                .filter(e -> e.kind().id().equals("service.matched") && e.entry().equals(WIDGET)).findFirst()
                .orElseThrow().seq() + 1;
        assertThat(of(verdicts(sim, firstEnd), "Solid").kind()).isEqualTo(CandidateVerdict.Kind.WINNER);
    }

    @Test
    @DisplayName("V7: before probe and start have run, a matched candidate is pending, not outranked")
    void pendingMidRound(@TempDir Path dir) throws Exception {
        Simulation sim = run(dir, "");
        List<JournalEvent> j = sim.journal();
        int afterMatch = (int) j.stream().filter(e -> e.kind().id().equals("match.reject")).findFirst().orElseThrow()
                .seq() + 1;
        List<CandidateVerdict> v = verdicts(sim, afterMatch);
        assertThat(v).filteredOn(c -> !c.personality().equals("Other"))
                .allSatisfy(c -> assertThat(c.kind()).isEqualTo(CandidateVerdict.Kind.PENDING));
    }

    @Test
    @DisplayName("V1 V4 V5: read by event kind, a round probing every candidate before starting gives the same")
    void twoPhaseProbeCandidatesGivesTheSameVerdicts() {
        String nub = WIDGET;
        String drv = nub + "/Solid";
        List<JournalEvent> round = List.of(
                ev(0, "match.begin", nub, Map.of("candidates", "3")),
                ev(1, "match.accept", nub, ordered("personality", "A", "class", "A", "category", "C", "score", "9")),
                ev(2, "match.accept", nub, ordered("personality", "Solid", "class", "Solid", "category", "C",
                        "score", "5")),
                ev(3, "match.accept", nub, ordered("personality", "B", "class", "B", "category", "C", "score", "1")),
                // phase 1: every candidate probed (A refuses, B raises its score above Solid's)
                ev(4, "probe.refuse", nub, ordered("class", "A", "personality", "A")),
                ev(5, "probe.score", nub, ordered("class", "Solid", "score", "5")),
                ev(6, "probe.score", nub, ordered("class", "B", "score", "7")),
                // phase 2: started best first: B fails, Solid starts
                ev(7, "service.start-failed", nub + "/B", ordered("class", "B", "reason", "start returned false")),
                ev(8, "service.start", drv, ordered("class", "Solid", "personality", "Solid")),
                ev(9, "service.matched", nub, Map.of()));
        List<CandidateVerdict> v = MatchVerdicts.fromRound(round, nub, List.of());
        assertThat(v).extracting(CandidateVerdict::personality, CandidateVerdict::kind, CandidateVerdict::score)
                .containsExactly(
                        Tuple.tuple("A", CandidateVerdict.Kind.PROBE_REFUSED, 9),
                        Tuple.tuple("Solid", CandidateVerdict.Kind.WINNER, 5),
                        Tuple.tuple("B", CandidateVerdict.Kind.START_FAILED, 7));
    }

    private static JournalEvent ev(long seq, String kind, String entry, Map<String, String> d) {
        return new JournalEvent(seq, 0, JournalKind.of(kind).orElseThrow(), entry, d);
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
