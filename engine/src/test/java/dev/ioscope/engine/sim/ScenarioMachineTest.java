package dev.ioscope.engine.sim;

import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scenario's "machine" key (docs/scenarios.md) and replay through a factory. */
class ScenarioMachineTest {
    private static Scenario read(Path dir, String json) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, json);
        return Scenario.read(f);
    }

    @Test
    void machineNamesDefaultEmptyOrAFileBesideTheScenario(@TempDir Path dir) throws Exception {
        assertThat(read(dir, "{}").machine()).isNull();
        assertThat(read(dir, "{}").bootsMachine()).isTrue();
        assertThat(read(dir, "{\"machine\": \"default\"}").machine()).isEqualTo(Scenario.DEFAULT_MACHINE);
        Scenario empty = read(dir, "{\"machine\": \"empty\"}");
        assertThat(empty.bootsMachine()).isFalse();
        assertThat(read(dir, "{\"machine\": \"m/mac.json\"}").machine())
                .isEqualTo(dir.toAbsolutePath().resolve("m/mac.json").toString());
        assertThat(read(dir, "{\"snapshot\": \"x.ioreg\"}").bootsMachine()).isFalse();
    }

    @Test
    void machineAndSnapshotTogetherOrANonStringAreRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> read(dir, "{\"snapshot\": \"x.ioreg\", \"machine\": \"default\"}"))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("machine")
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> read(dir, "{\"machine\": 3}")).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("\"machine\" is \"default\", \"empty\" or a file name");
    }

    @Test
    void addingActionsKeepsTheMachine(@TempDir Path dir) throws Exception {
        Scenario s = read(dir, "{\"machine\": \"empty\"}");
        Scenario more = s.withActions(List.of(new Scenario.Action(5, new CoreAction.Advance())));
        assertThat(more.machine()).isEqualTo(Scenario.EMPTY_MACHINE);
        assertThat(more.actions()).hasSize(1);
    }

    @Test
    void replayRebuildsThroughItsFactoryOnEverySeek(@TempDir Path dir) throws Exception {
        Scenario s = read(dir, """
                {"machine": "empty", "actions": [{"at": 10, "do": "publish", "parent": "IOService:/", "name": "a"},
                  {"at": 20, "do": "publish", "parent": "IOService:/", "name": "b"}]}""");
        int[] builds = {0};
        Replay r = new Replay(s, sc -> {
            builds[0]++;
            return Simulation.of(sc, Map.of(), PluginLoader.builtInExtensions());
        });
        r.runUntilQuiet();
        var full = r.journal();
        r.seek(3);
        assertThat(builds[0]).isEqualTo(2);
        assertThat(r.journal()).isEqualTo(full.subList(0, r.journal().size()));
        assertThat(r.scenario()).isSameAs(s);
    }
}
