package dev.ioscope.app.workbench.matching;

import dev.ioscope.app.workbench.WorkbenchFixtures;
import dev.ioscope.app.workbench.WorkbenchView;
import dev.ioscope.app.workbench.WorkbenchViewModel;
import dev.ioscope.engine.sim.CandidateVerdict;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.MatchVerdicts;
import dev.ioscope.engine.sim.Scenario;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.ioscope.app.workbench.WorkbenchFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 15: the Matching tab on the booted virtual Mac with docs/examples/virtual-mac-hotplug.json, XHC1@14.
 * Every candidate said "match category already taken" (the registry after the round was re-matched); the verdicts
 * now come from the round the journal recorded.
 */
@ExtendWith(ApplicationExtension.class)
class MatchingVerdictsTest {
    private static final String XHC1 = "IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/XHC1@14";
    private WorkbenchView view;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage shared) throws Exception {
        view = WorkbenchFixtures.show("hotplug",
                Scenario.read(Path.of("../docs/examples/virtual-mac-hotplug.json")), false);
        vm = view.viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> view.stage().close());
    }

    @SuppressWarnings("unchecked")
    @Test
    @DisplayName("V1 V2 V3: XHC1@14 shows its round's winner, outranked and rejected by key; all rounds agree")
    void xhc1VerdictsAreThoseOfItsRound(FxRobot robot) throws Exception {
        await(() -> vm.registryProperty().get() != null);
        robot.clickOn("#run");
        await(() -> vm.quietProperty().get() && !vm.runningProperty().get());
        robot.interact(() -> vm.selectedEntryProperty().set(XHC1));
        TreeTableView<MatchRow> table = robot.lookup("#matchTable").queryAs(TreeTableView.class);
        await(() -> table.getRoot() != null && table.getRoot().getChildren().size() == 10);
        // expected by hand from the journal of `ioscope run docs/examples/virtual-mac-hotplug.json` (#1538-#2019):
        // match.accept ×2 (5000, 1000), match.reject ×8 with their reasons, probe.score 5000 and service.start of
        // AppleIntelCNLUSBXHCI; AppleUSBXHCIPCI never probed. A rejected candidate's score is its personality's
        // IOProbeScore (plugins' Info.plist: IONVMeController 1000, AppleIntelFramebufferController 200, others none)
        assertThat(table.getRoot().getChildren()).extracting(TreeItem::getValue)
                .extracting(MatchRow::name, MatchRow::verdict, MatchRow::score)
                .containsExactly(
                        tuple("AppleIntelCNLUSBXHCI", "winner", "5000"),
                        tuple("AppleUSBXHCIPCI", "outranked by AppleIntelCNLUSBXHCI", "1000"),
                        tuple("IONVMeController", "rejected by IOPCIClassMatch", "1000"),
                        tuple("AppleIntelFramebufferController", "rejected by IOPCIMatch", "200"),
                        tuple("IOPCI2PCIBridge", "rejected by IOPCIClassMatch", "0"),
                        tuple("AppleLPC", "rejected by IOPCIClassMatch", "0"),
                        tuple("AppleSMBusPCI", "rejected by IOPCIClassMatch", "0"),
                        tuple("AppleHDAController", "rejected by IOPCIClassMatch", "0"),
                        tuple("AppleMEIDriver", "rejected by IOPCIMatch", "0"),
                        tuple("AppleThunderboltNHI", "rejected by IOPCIClassMatch", "0"));
        assertThat(robot.lookup("#matchHeader").queryAs(Label.class).getText())
                .contains("10 candidate(s) (its last matching round)");
        // the winner's rows: its passive keys, then the journal's accept, probe and start
        assertThat(table.getRoot().getChildren().get(0).getChildren()).extracting(i -> i.getValue().verdict())
                .contains("✔ match").containsSubsequence("match.accept", "probe.score", "service.start");
        // a rejection shows the class code it compared
        assertThat(table.getRoot().getChildren().get(2).getChildren()).anySatisfy(k -> {
            assertThat(k.getValue().verdict()).isEqualTo("✘ no match");
            assertThat(k.getValue().bundle()).contains("0x0c033010");
        });
        everyCandidateAgreesWithTheJournal(robot);
    }

    /** V1-V6: every candidate of every round on the virtual Mac has the verdict its journal events give. */
    private void everyCandidateAgreesWithTheJournal(FxRobot robot) {
        List<JournalEvent> journal = new ArrayList<>();
        robot.interact(() -> journal.addAll(vm.events()));
        List<String> nubs = journal.stream().filter(e -> e.kind().id().equals("match.begin")).map(JournalEvent::entry)
                .distinct().toList();
        int checked = 0;
        for (String nub : nubs) {
            List<JournalEvent> round = MatchVerdicts.lastRound(journal, journal.size(), nub);
            List<JournalEvent> decisions = round.stream().filter(e -> e.entry().equals(nub)
                    && List.of("match.accept", "match.reject", "match.category-taken")
                            .contains(e.kind().id())).toList();
            List<CandidateVerdict> v = MatchVerdicts.fromRound(round, nub, List.of());
            assertThat(v).as(nub).hasSize(decisions.size());
            for (int i = 0; i < v.size(); i++) {
                JournalEvent d = decisions.get(i);
                CandidateVerdict c = v.get(i);
                String name = d.details().get("personality");
                assertThat(c.personality()).isEqualTo(name);
                boolean started = round.stream().anyMatch(e -> e.kind().id().equals("service.start")
                        && name.equals(e.details().get("personality"))
                        && e.entry().startsWith(nub.endsWith("/") ? nub : nub + "/"));
                boolean refused = round.stream().anyMatch(e -> e.entry().equals(nub)
                        && (e.kind().id().equals("probe.refuse") || e.kind().id().equals("probe.fail"))
                        && d.details().get("class").equals(e.details().get("class")));
                boolean failed = round.stream().anyMatch(e -> e.kind().id().equals("service.start-failed")
                        && d.details().get("class").equals(e.details().get("class")));
                CandidateVerdict.Kind expected = switch (d.kind().id()) {
                    case "match.reject" -> CandidateVerdict.Kind.REJECTED;
                    case "match.category-taken" -> CandidateVerdict.Kind.CATEGORY_TAKEN;
                    default -> started ? CandidateVerdict.Kind.WINNER : refused ? CandidateVerdict.Kind.PROBE_REFUSED
                            : failed ? CandidateVerdict.Kind.START_FAILED : CandidateVerdict.Kind.OUTRANKED;
                };
                assertThat(c.kind()).as(nub + " " + name).isEqualTo(expected);
                if (expected == CandidateVerdict.Kind.REJECTED) {
                    assertThat(d.details().get("reason")).startsWith(c.key());
                }
                checked++;
            }
        }
        // the booted machine and its hot-plugs: hundreds of candidates, each winner once per category
        assertThat(checked).isGreaterThan(200);
    }
}
