package dev.ioscope.app.workbench.power;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JournalKind;
import dev.ioscope.engine.sim.Replay;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The power view's pure parts (lanes, layout, message lines) on the journal of docs/examples/power-sleep-wake. */
class PowerLanesTest {
    private static final String ROOT = "IOService:/IOPMrootDomain";
    private static final String BUS = "IOService:/bus";
    private static final String DISK = "IOService:/bus/disk";
    private static final String NIC = "IOService:/bus/nic";
    private static List<JournalEvent> journal;

    @BeforeAll
    static void run() throws Exception {
        Replay r = new Replay(Scenario.read(Path.of("../docs/examples/power-sleep-wake.json")), Map.of(),
                PluginLoader.builtInExtensions());
        r.runUntilQuiet();
        journal = r.journal();
    }

    private static JournalEvent first(String kind) {
        return journal.stream().filter(e -> e.kind().id().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void oneLanePerRegisteredDriverInTreeOrder() {
        PowerLanes lanes = PowerLanes.of(journal, List.of("IOService:/IOPMrootDomain/IORootParent", ROOT, BUS, NIC,
                DISK), 0);
        // IORootParent is never registered through the journal: no lane
        assertThat(lanes.lanes()).extracting(PowerLanes.Lane::path).containsExactly(ROOT, BUS, NIC, DISK);
        assertThat(lanes.lanes()).extracting(PowerLanes.Lane::states).containsExactly(4, 2, 2, 3);
        assertThat(lanes.endNs()).isEqualTo(journal.get(journal.size() - 1).t());
    }

    @Test
    void sleepIsALowSegmentOfTheRootDomainAndOffForTheBus() {
        PowerLanes lanes = PowerLanes.of(journal, List.of(), 0);
        long sleep = first("power.system-sleep").t();
        long wake = first("power.system-wake").t();
        PowerLanes.Lane root = lane(lanes, ROOT);
        PowerLanes.Lane bus = lane(lanes, BUS);
        long mid = (sleep + wake) / 2;
        assertThat(root.at(mid).state()).isEqualTo(2);
        assertThat(root.at(mid).kind(root.states())).isEqualTo(PowerStateKind.LOW);
        assertThat(bus.at(mid).kind(bus.states())).isEqualTo(PowerStateKind.OFF);
        assertThat(root.at(sleep - 1).kind(root.states())).isEqualTo(PowerStateKind.ON);
        // the bus's own change: changing from change-begin, off from setPowerState, settled at change-end
        PowerLanes.Segment changing = bus.segments().stream()
                .filter(s -> s.changing() && s.fromNs() > sleep && s.fromNs() < wake).findFirst().orElseThrow();
        assertThat(journal.get((int) changing.seq()).kind().id()).isEqualTo("power.change-begin");
        assertThat(bus.at(wake + 10_000_000).kind(bus.states())).isEqualTo(PowerStateKind.ON);
        // segments tile the lane: each starts where the one before ends
        for (int i = 1; i < bus.segments().size(); i++) {
            assertThat(bus.segments().get(i).fromNs()).isEqualTo(bus.segments().get(i - 1).toNs());
        }
    }

    @Test
    void pmStopEndsTheLane() {
        List<JournalEvent> evs = List.of(
                new JournalEvent(0, 10, JournalKind.POWER_REGISTER_DRIVER, DISK, Map.of("states", "3", "initial", "0")),
                new JournalEvent(1, 20, JournalKind.POWER_CHANGE_BEGIN, DISK, Map.of("from", "0", "to", "2")),
                new JournalEvent(2, 30, JournalKind.POWER_SET_POWER_STATE, DISK, Map.of("from", "0", "to", "2")),
                new JournalEvent(3, 40, JournalKind.POWER_CHANGE_END, DISK, Map.of("state", "2")),
                new JournalEvent(4, 50, JournalKind.POWER_STOP, DISK, Map.of()));
        PowerLanes.Lane disk = PowerLanes.of(evs, List.of(), 100).lanes().get(0);
        assertThat(disk.segments()).containsExactly(
                new PowerLanes.Segment(10, 20, 0, false, 0),
                new PowerLanes.Segment(20, 30, 0, true, 1),
                new PowerLanes.Segment(30, 40, 2, true, 2),
                new PowerLanes.Segment(40, 50, 2, false, 3));
        assertThat(disk.at(60)).isNull();
    }

    @Test
    void aReaderFedInPiecesGivesTheSameLanes() {
        PowerLanes.Reader r = new PowerLanes.Reader();
        journal.subList(0, journal.size() / 2).forEach(r::feed);
        PowerLanes half = r.lanes(List.of(), 0);
        journal.subList(journal.size() / 2, journal.size()).forEach(r::feed);
        assertThat(r.lanes(List.of(), 0)).isEqualTo(PowerLanes.of(journal, List.of(), 0));
        assertThat(half.endNs()).isLessThan(r.lanes(List.of(), 0).endNs());
    }

    @Test
    void treeLayoutCentresParentsOverTheirChildren() {
        List<PowerRow> rows = List.of(row(ROOT, ""), row(BUS, ROOT), row(DISK, BUS), row(NIC, BUS));
        PowerTreeLayout layout = PowerTreeLayout.of(rows);
        assertThat(layout).isEqualTo(PowerTreeLayout.of(rows));   // deterministic
        var box = new HashMap<String, PowerTreeLayout.Box>();
        layout.boxes().forEach(b -> box.put(b.row().path(), b));
        assertThat(box.get(DISK).y()).isEqualTo(box.get(NIC).y()).isGreaterThan(box.get(BUS).y());
        assertThat(box.get(DISK).x()).isLessThan(box.get(NIC).x());
        assertThat(box.get(BUS).x()).isEqualTo((box.get(DISK).x() + box.get(NIC).x()) / 2);
        assertThat(box.get(ROOT).x()).isEqualTo(box.get(BUS).x());
        assertThat(layout.edges()).hasSize(3);
        assertThat(layout.width()).isGreaterThanOrEqualTo(box.get(NIC).x() + PowerTreeLayout.BOX_W);
    }

    @Test
    void leftRightLayoutIsTheSameTreeOnItsSide() {
        List<PowerRow> rows = List.of(row(ROOT, ""), row(BUS, ROOT), row(DISK, BUS), row(NIC, BUS));
        PowerTreeLayout layout = PowerTreeLayout.of(rows, PowerTreeLayout.Direction.LEFT_RIGHT);
        var box = new HashMap<String, PowerTreeLayout.Box>();
        layout.boxes().forEach(b -> box.put(b.row().path(), b));
        // one column per depth, the children one under the other, the parent level with their middle
        assertThat(box.get(DISK).x()).isEqualTo(box.get(NIC).x()).isGreaterThan(box.get(BUS).x());
        assertThat(box.get(DISK).y()).isLessThan(box.get(NIC).y());
        assertThat(box.get(BUS).y()).isEqualTo((box.get(DISK).y() + box.get(NIC).y()) / 2);
        assertThat(layout.height()).isLessThan(layout.width());
        // edges leave the parent's right side and enter the child's left side
        assertThat(layout.edges()).allMatch(e -> e.x2() > e.x1() && e.points().length == 8);
    }

    @Test
    void messagesUseTheCallsNames() {
        // the disk's first change is its initial one (rule PM6): the bus is still rising then, so 0 -> 0
        assertThat(PowerMessageText.describe(first("power.will-change")))
                .isEqualTo("DiskWatcher::powerStateWillChangeTo(disk, 0) returned kIOPMAckImplied");
        assertThat(PowerMessageText.describe(first("power.set-power-state")))
                .isEqualTo("disk::setPowerState(0 → 0) returned 20000 µs");
        assertThat(PowerMessageText.describe(first("power.ack")))
                .isEqualTo("disk acknowledgeSetPowerState after 15000 µs");
        assertThat(PowerMessageText.describe(first("power.tickle")))
                .isEqualTo("disk activityTickle(kIOPMSuperclassPolicy1, 2), current 0");
        // a user sleep asks no one (rule PM14): the first message is WillSleep, to the application client first
        assertThat(PowerMessageText.describe(first("power.message")))
                .isEqualTo("SleepWatcher ← kIOMessageSystemWillSleep (0xe0000280)");
    }

    @Test
    void timeAxisTicksAreRoundAndTheirLabelsTellThemApart() {
        assertThat(PowerTimeAxis.niceStep(0.7e9)).isEqualTo(1_000_000_000L);
        assertThat(PowerTimeAxis.niceStep(1_300)).isEqualTo(2_000);
        assertThat(PowerTimeAxis.niceStep(4_100_000)).isEqualTo(5_000_000);
        assertThat(PowerTimeAxis.label(2_000_000_000L, 1_000_000_000L)).isEqualTo("2 s");
        assertThat(PowerTimeAxis.label(2_500_000_000L, 500_000_000L)).isEqualTo("2.5 s");
        // zoomed in on a change: µs steps two seconds in
        assertThat(PowerTimeAxis.label(2_003_002_000L, 1_000)).isEqualTo("2.003002 s");
        assertThat(PowerTimeAxis.label(15_000, 5_000)).isEqualTo("15 µs");
        assertThat(PowerTimeAxis.label(0, 5_000)).isEqualTo("0");
    }

    @Test
    void stateKindsFollowTheOrdinal() {
        assertThat(PowerStateKind.of(0, 3, false)).isEqualTo(PowerStateKind.OFF);
        assertThat(PowerStateKind.of(1, 3, false)).isEqualTo(PowerStateKind.LOW);
        assertThat(PowerStateKind.of(2, 3, false)).isEqualTo(PowerStateKind.ON);
        assertThat(PowerStateKind.of(2, 3, true)).isEqualTo(PowerStateKind.CHANGING);
    }

    private static PowerLanes.Lane lane(PowerLanes lanes, String path) {
        return lanes.lanes().stream().filter(l -> l.path().equals(path)).findFirst().orElseThrow();
    }

    private static PowerRow row(String path, String parent) {
        return new PowerRow(path, parent, 0, 2, false, "IOService", "0");
    }
}
