package dev.ioscope.app.workbench;

import dev.ioscope.app.TestData;
import dev.ioscope.app.workbench.power.PowerRow;
import dev.ioscope.engine.power.PowerAction;
import dev.ioscope.engine.os.OSBoolean;
import dev.ioscope.engine.os.OSData;
import dev.ioscope.engine.os.OSNumber;
import dev.ioscope.engine.os.OSString;
import dev.ioscope.engine.service.Personality;
import dev.ioscope.engine.sim.CandidateVerdict;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.ioscope.app.workbench.WorkbenchFixtures.has;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench view-model over a real engine thread (no scene graph): events are delivered on the engine
 * thread here, and {@link MachineSession#awaitIdle} orders them before the asserts.
 */
class WorkbenchViewModelTest {
    private static final String ETH = "IOService:/ethernet@1f,6";
    private MachineSession session;
    private WorkbenchViewModel vm;

    private void open(Scenario s) throws Exception {
        WorkbenchViewModel[] holder = new WorkbenchViewModel[1];
        session = new MachineSession("test", s, Map.of(), Runnable::run, e -> holder[0].accept(e));
        vm = new WorkbenchViewModel(session);
        holder[0] = vm;
        session.start();
        idle();
    }

    private void idle() throws Exception {
        // twice: a stop may post a match request of its own
        session.awaitIdle(30_000);
        session.awaitIdle(30_000);
        vm.pull();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void stepThenStepBackShowsTheEarlierRegistry(@TempDir Path dir) throws Exception {
        open(WorkbenchFixtures.hotplug(dir));
        for (int i = 0; i < 3; i++) {
            vm.step();
        }
        idle();
        // step 1 loads IntelMausi (#0), step 2 arms the notification (#1), step 3 publishes ethernet (#2..#4)
        assertThat(vm.events()).extracting(je -> je.kind().id()).containsExactly("kext.load", "notify.armed",
                "registry.attach", "service.register", "service.busy");
        assertThat(vm.clockProperty().get()).startsWith("t = 5.000 µs");
        assertThat(has(vm.registryProperty().get(), ETH)).isTrue();

        vm.stepBack();
        idle();
        assertThat(vm.eventsNowProperty().get()).isEqualTo(2);
        assertThat(vm.events()).hasSize(5);   // the known future stays on the timeline
        assertThat(has(vm.registryProperty().get(), ETH)).isFalse();
        assertThat(vm.clockProperty().get()).startsWith("t = 0 ns");

        vm.step();
        idle();
        assertThat(has(vm.registryProperty().get(), ETH)).isTrue();
        assertThat(vm.eventsNowProperty().get()).isEqualTo(5);
    }

    @Test
    void runToBreakpointStopsAtTheStartAndSelectsTheDriver(@TempDir Path dir) throws Exception {
        open(WorkbenchFixtures.hotplug(dir));
        vm.addBreakpoint(Breakpoint.On.KIND, "service.start");
        vm.runToBreakpoint();
        idle();
        JournalEvent hit = vm.selectedEventProperty().get();
        assertThat(hit.seq()).isEqualTo(14);   // after the probe's attach, probe.score and detach (S3)
        assertThat(hit.entry()).isEqualTo(ETH + "/IntelMausi");
        assertThat(vm.statusProperty().get()).contains("breakpoint event kind = service.start hit at #14");
        assertThat(vm.selectedEntryProperty().get()).isEqualTo(ETH + "/IntelMausi");
        assertThat(has(vm.registryProperty().get(), ETH + "/IntelMausi")).isTrue();
        assertThat(vm.quietProperty().get()).isFalse();

        vm.run();
        idle();
        assertThat(vm.quietProperty().get()).isTrue();
        assertThat(vm.events()).hasSize(38);
        assertThat(has(vm.registryProperty().get(), ETH)).isFalse();   // terminated and detached at 1.003 ms

        // scrubbing back to the registerService of ethernet: it is there again, without its driver yet
        vm.selectEvent(vm.events().get(3));
        idle();
        assertThat(has(vm.registryProperty().get(), ETH)).isTrue();
        assertThat(has(vm.registryProperty().get(), ETH + "/IntelMausi")).isFalse();
        assertThat(vm.selectedEntryProperty().get()).isEqualTo(ETH);
        // not matched yet at this step: the verdict is what matching would decide now, and says so
        SessionEvent.Matched before = vm.matchingProperty().get();
        assertThat(before.journaled()).isFalse();
        CandidateVerdict t = before.candidates().get(0);
        assertThat(t.personality()).isEqualTo("IntelMausi");
        assertThat(t.kind()).isEqualTo(CandidateVerdict.Kind.WINNER);
    }

    @Test
    void whyNotExplainsTheRejectedPciMatch(@TempDir Path dir) throws Exception {
        open(WorkbenchFixtures.hotplug(dir));
        vm.run();
        idle();
        vm.selectedEntryProperty().set("IOService:/realtek");
        idle();
        SessionEvent.Matched m = vm.matchingProperty().get();
        assertThat(m.journaled()).isTrue();
        assertThat(m.candidates()).extracting(CandidateVerdict::words).containsExactly("rejected by IOPCIMatch");
        Personality p = m.catalogue().get(0);
        vm.whyNot(p);
        idle();
        assertThat(vm.whyNotProperty().get().reasons()).singleElement().asString()
                .startsWith("IOPCIMatch").contains("0x816810ec").endsWith("no match");
    }

    @Test
    void realHackintoshDumpWithVoodooPs2MatchesLikeTheCli() throws Exception {
        open(MachineSession.emptyScenario(TestData.path("snapshots/Hackintosh-DellADL-macOS13.IOService.txt")));
        vm.loadKexts(List.of(TestData.path("kexts/VoodooPS2")));
        vm.run();
        idle();
        assertThat(vm.events()).extracting(je -> je.kind().id()).contains("kext.load", "match.begin",
                "match.category-taken");
        vm.selectedEntryProperty().set("IOService:/AppleACPIPlatformExpert/PS2K");
        idle();
        // as `ioscope match … --kexts VoodooPS2`: both personalities find the category held by ps2controller
        List<CandidateVerdict> c = vm.matchingProperty().get().candidates();
        assertThat(c).extracting(CandidateVerdict::personality).containsExactly("ACPI PS/2 Nub",
                "ApplePS2Controller");
        assertThat(c).extracting(CandidateVerdict::words)
                .containsOnly("category IODefaultMatchCategory held by ps2controller <AppleACPIPS2Nub>");
    }

    @Test
    void publishedNubIsMatchedAndSurvivesStepBack(@TempDir Path dir) throws Exception {
        open(WorkbenchFixtures.hotplug(dir));
        vm.run();
        idle();
        assertThat(vm.publish("IOService:/", "IOPCIDevice", "eth2", "2", "vendor-id = <86800000>\n"
                + "device-id = <b8150000>\nname = \"eth2\"")).isTrue();
        idle();
        assertThat(vm.events()).hasSize(38);   // nothing happened yet: the nub comes at now + 1 ns
        vm.run();
        idle();
        assertThat(has(vm.registryProperty().get(), "IOService:/eth2@2/IntelMausi")).isTrue();
        JournalEvent start = vm.events().stream().filter(e -> e.kind().id().equals("service.start")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(start.entry()).isEqualTo("IOService:/eth2@2/IntelMausi");
        assertThat(start.t()).isEqualTo(1_003_000 + 1 + 2_000);   // published at 1.003 ms + 1 ns, started 2 µs later

        // the published nub is part of the machine's scenario now: going back and forth replays it
        vm.selectEvent(vm.events().get(3));
        idle();
        assertThat(has(vm.registryProperty().get(), "IOService:/eth2@2")).isFalse();
        vm.run();
        idle();
        assertThat(has(vm.registryProperty().get(), "IOService:/eth2@2/IntelMausi")).isTrue();

        assertThat(vm.publish("IOService:/", "IOPCIDevice", "bad", "", "vendor-id <86>")).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("properties: line 1: expected key = value");
    }

    @Test
    void propertyLinesTypeValuesAsIoregPrintsThem() {
        var d = PropertyLines.parse("vendor-id = <86800000>\nIOPCIPrimaryMatch = \"0x15b88086\"\nmax = 0x10\n"
                + "built-in = Yes\n# a comment\nmodel = Intel I219");
        assertThat(d.keys()).containsExactly("vendor-id", "IOPCIPrimaryMatch", "max", "built-in", "model");
        assertThat(d.get("vendor-id")).isEqualTo(OSData.ofHex("86800000"));
        assertThat(d.get("IOPCIPrimaryMatch")).isEqualTo(OSString.of("0x15b88086"));
        assertThat(d.get("max")).isEqualTo(OSNumber.of32(16));
        assertThat(d.get("built-in")).isEqualTo(OSBoolean.of(true));
        assertThat(d.get("model")).isEqualTo(OSString.of("Intel I219"));
    }

    @Test
    void powerTreeFollowsSleepAndWake() throws Exception {
        open(Scenario.read(Path.of("../docs/examples/power-sleep-wake.json")));
        vm.run();
        idle();
        // parents before children: IORootParent → IOPMrootDomain → bus → disk, nic
        assertThat(vm.panelState(PowerRow.STATE).get()).extracting(PowerRow::path).startsWith(
                "IOService:/IOPMrootDomain/IORootParent",
                "IOService:/IOPMrootDomain", "IOService:/bus");
        assertThat(state("IOService:/IOPMrootDomain")).isEqualTo(3);   // ON_STATE
        assertThat(state("IOService:/bus")).isEqualTo(1);
        int before = vm.events().size();
        vm.power(new PowerAction.Sleep(null));
        vm.run();
        idle();
        assertThat(vm.events().get(before).kind().id()).isEqualTo("power.system-sleep");
        assertThat(state("IOService:/IOPMrootDomain")).isEqualTo(2);   // SLEEP_STATE
        assertThat(state("IOService:/bus")).isEqualTo(0);
        vm.power(new PowerAction.Wake());
        vm.run();
        idle();
        assertThat(state("IOService:/IOPMrootDomain")).isEqualTo(3);
        assertThat(state("IOService:/bus")).isEqualTo(1);
    }

    private int state(String path) {
        return vm.panelState(PowerRow.STATE).get().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow()
                .state();
    }

    @Test
    void undoTakesAnActionBackToTheRegistryBeforeItAndRedoPutsItBack(@TempDir Path dir) throws Exception {
        open(WorkbenchFixtures.hotplug(dir));
        vm.run();
        idle();
        int before = vm.events().size();
        int actions = session.scenario().actions().size();
        assertThat(vm.undoStack().canUndo()).isFalse();

        vm.publish("IOService:/", "IOPCIDevice", "extra", "1c", "vendor-id = <86800000>\ndevice-id = <b8150000>");
        idle();
        assertThat(vm.undoStack().undoTextProperty().get()).startsWith("publish");
        vm.run();
        idle();
        assertThat(has(vm.registryProperty().get(), "IOService:/extra@1c/IntelMausi")).isTrue();
        assertThat(session.scenario().actions()).hasSize(actions + 1);

        vm.undo();
        idle();
        // the machine as it was before the publish: the nub, its driver and their events are gone
        assertThat(has(vm.registryProperty().get(), "IOService:/extra@1c")).isFalse();
        assertThat(session.scenario().actions()).hasSize(actions);
        assertThat(vm.events()).hasSize(before);
        assertThat(vm.undoStack().redoTextProperty().get()).startsWith("publish extra");

        vm.redo();
        idle();
        assertThat(session.scenario().actions()).hasSize(actions + 1);
        vm.run();
        idle();
        assertThat(has(vm.registryProperty().get(), "IOService:/extra@1c/IntelMausi")).isTrue();

        vm.addBreakpoint(Breakpoint.On.KIND, "match");
        assertThat(vm.breakpoints()).hasSize(1);
        vm.undo();
        assertThat(vm.breakpoints()).isEmpty();
        vm.redo();
        assertThat(vm.breakpoints()).containsExactly(new Breakpoint(Breakpoint.On.KIND, "match"));
        vm.removeBreakpoint(vm.breakpoints().get(0));
        vm.undo();
        assertThat(vm.breakpoints()).hasSize(1);
    }
}
