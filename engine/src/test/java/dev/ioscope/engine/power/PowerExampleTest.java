package dev.ioscope.engine.power;

import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;
import dev.ioscope.engine.spi.PluginLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/examples/power-sleep-wake.json, the example of docs/scenarios.md "## Power", runs as documented. */
class PowerExampleTest {
    static Path example() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/examples/power-sleep-wake.json"))) {
            p = p.getParent();
        }
        assertThat(p).as("docs/examples/power-sleep-wake.json above " + Path.of("").toAbsolutePath()).isNotNull();
        return p.resolve("docs/examples/power-sleep-wake.json");
    }

    @Test
    void exampleRunsAsDocumented() throws Exception {
        Simulation sim = Simulation.of(Scenario.read(example()), Map.of(), PluginLoader.builtInExtensions());
        sim.runUntilQuiet();
        List<JournalEvent> j = sim.journal();
        List<String> lines = j.stream().filter(e -> e.kind().id().startsWith("power."))
                .map(JournalEvent::line).toList();
        assertThat(j.stream().map(je -> je.kind().id())).doesNotContain("power.error", "scenario.error")
                .contains("power.idle-timer", "power.system-asleep", "power.system-awake", "power.client-ack",
                        "power.will-change", "power.did-change", "power.ack");
        PowerManager pm = PowerScenarios.pm(sim);
        // makeUsable at 3.5 s brings the disk to 2; with no tickle the idle timer takes it down again, one state
        // per 500 ms period
        assertThat(j.stream().filter(e -> e.kind().id().equals("power.change-end")
                && e.entry().equals("IOService:/bus/disk")
                && e.t() > 3_500_000_000L).map(e -> e.details().get("state"))).containsExactly("2", "1", "0");
        assertThat(pm.node(sim.resolve("IOService:/bus/disk")).currentPowerState()).isZero();
        assertThat(pm.node(sim.resolve("IOService:/bus/nic")).currentPowerState()).isEqualTo(1);
        assertThat(pm.rootDomain().systemState()).isEqualTo(RootDomain.SystemState.AWAKE);
    }
}
