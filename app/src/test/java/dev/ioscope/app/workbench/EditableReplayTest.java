package dev.ioscope.app.workbench;

import dev.ioscope.engine.os.OSDictionary;
import dev.ioscope.engine.sim.CoreAction;
import dev.ioscope.engine.sim.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session's replay driven directly, no engine thread: the journal known from a run outlives going back, and
 * an edit of the scenario forgets the future it changed (IntelMausi hot-plug: steps 1, 2, 3 journal 1, 1, 3 events).
 */
class EditableReplayTest {
    private EditableReplay replay;

    @AfterEach
    void close() {
        if (replay != null) {
            replay.close();
        }
    }

    private EditableReplay open(Path dir) throws Exception {
        replay = new EditableReplay(WorkbenchFixtures.hotplug(dir), Map.of());
        return replay;
    }

    @Test
    void goingBackKeepsTheKnownFutureAndGoingForwardAddsNothing(@TempDir Path dir) throws Exception {
        open(dir);
        for (int i = 0; i < 3; i++) {
            assertThat(replay.step()).isTrue();
        }
        assertThat(replay.eventsNow()).isEqualTo(5);
        assertThat(replay.stepFrom()).isEqualTo(2);
        var known = List.copyOf(replay.events());

        replay.seek(1);
        assertThat(replay.eventsNow()).isEqualTo(1);
        assertThat(replay.events()).hasSize(5);
        assertThat(replay.stepOf(3)).isEqualTo(3);   // event #3 came with the third step
        assertThat(replay.step()).isTrue();
        assertThat(replay.eventsNow()).isEqualTo(2);
        assertThat(replay.events()).containsExactlyElementsOf(known);
    }

    @Test
    void anAddedActionForgetsTheFutureAndRetractingItRestoresTheScenario(@TempDir Path dir) throws Exception {
        open(dir);
        Scenario before = replay.scenario();
        for (int i = 0; i < 3; i++) {
            replay.step();
        }
        replay.seek(2);
        long now = replay.simulation().scheduler().now();
        var nub = new Scenario.Action(now + 1, new CoreAction.Publish("IOService:/", "IOPCIDevice", "extra", null,
                OSDictionary.empty()));

        replay.add(List.of(nub));
        assertThat(replay.position()).isEqualTo(2);
        assertThat(replay.events()).hasSize(replay.eventsNow()).hasSize(2);
        assertThat(replay.scenario().actions()).endsWith(nub);
        while (replay.step()) {
            // to quiet: the extra nub is published on the way
        }
        assertThat(replay.events()).anyMatch(e -> e.entry().equals("IOService:/extra"));

        replay.retract(List.of(nub));
        assertThat(replay.scenario().actions()).isEqualTo(before.actions());
        assertThat(replay.events()).hasSize(replay.eventsNow()).noneMatch(e -> e.entry().equals("IOService:/extra"));
        assertThat(replay.position()).isGreaterThanOrEqualTo(2);
    }
}
