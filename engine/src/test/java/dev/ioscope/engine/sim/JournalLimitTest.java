package dev.ioscope.engine.sim;

import dev.ioscope.engine.spi.PluginLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run stops at its journal limit, as at maxSteps, and says so (issue 17, item 4). */
class JournalLimitTest {
    @Test
    void aRunStopsAtTheJournalLimitAndKeepsWhatItJournaled(@TempDir Path dir) throws Exception {
        List<String> actions = new ArrayList<>();
        actions.add(NotificationTest.arm(0, "publish", "widget"));
        actions.add(NotificationTest.PUBLISH);
        for (int i = 0; i < 40; i++) {
            actions.add("{\"at\":" + (2000 + i * 1000) + ",\"do\":\"register\",\"path\":\"IOService:/widget\"}");
        }
        Scenario s = Scenario.read(SimulationTest.scenario(dir, String.join(",", actions)));
        Simulation whole = Simulation.of(s, Map.of(), PluginLoader.builtInExtensions());
        whole.runUntilQuiet();
        assertThat(whole.journalFull()).isFalse();
        assertThat(whole.journalSize()).isGreaterThan(100);

        Simulation bounded = Simulation.of(s, Map.of(), PluginLoader.builtInExtensions());
        bounded.limitJournal(50);
        bounded.runUntilQuiet();
        assertThat(bounded.journalFull()).isTrue();
        assertThat(bounded.scheduler().idle()).isFalse();
        // the events kept are the whole run's first ones: nothing reordered, nothing dropped before the stop
        assertThat(bounded.journal()).isEqualTo(whole.journal().subList(0, bounded.journalSize()));
        assertThat(bounded.journalSize()).isBetween(50, 70);
    }
}
