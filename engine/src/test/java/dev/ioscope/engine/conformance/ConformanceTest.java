package dev.ioscope.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioscope.engine.machine.ScenarioMachines;
import dev.ioscope.engine.rules.RuleCoverage;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.Scenario;
import dev.ioscope.engine.sim.Simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every folder of engine/src/test/resources/conformance/&lt;RULE&gt;-&lt;slug&gt;/: its scenario.json on the
 * machine it names (as {@code ioscope run} builds it), then checks the journal against expect.json (facts only).
 * One dynamic test per folder, named after its rule, so the folder cites the rule (RuleCoverage counts it). The
 * system property {@code ioscope.conformance} keeps only folders whose name starts with it (scripts/conformance).
 */
class ConformanceTest {
    @TestFactory
    Stream<DynamicTest> everyConformanceFolder() throws IOException {
        Path root = RuleCoverage.root();
        Path dir = root.resolve(RuleCoverage.CONFORMANCE);
        Set<String> ids = RuleCoverage.rules(root).stream().map(RuleCoverage.Rule::id).collect(Collectors.toSet());
        String only = System.getProperty("ioscope.conformance", "");
        List<Path> folders;
        try (Stream<Path> s = Files.list(dir)) {
            folders = s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith(only))
                    .sorted().toList();
        }
        assertThat(folders).as("conformance folders in " + dir).isNotEmpty();
        return folders.stream().map(f -> {
            String name = f.getFileName().toString();
            String rule = name.split("-", 2)[0];
            return DynamicTest.dynamicTest(rule + ": " + name, () -> run(f, rule, ids));
        });
    }

    private static void run(Path folder, String rule, Set<String> ids) throws Exception {
        Expectation x = Expectation.read(folder.resolve("expect.json"));
        assertThat(x.rule()).as("expect.json's rule is the folder's").isEqualTo(rule);
        assertThat(ids).as("rule " + rule + " is in docs/iokit-rules.md").contains(rule);
        Scenario s = Scenario.read(folder.resolve("scenario.json"));
        List<JournalEvent> journal;
        try (ScenarioMachines machines = ScenarioMachines.standard(null, Map.of())) {
            Simulation sim = machines.build(s);
            sim.runUntilQuiet();
            journal = sim.journal();
        }
        List<String> problems = x.check(journal);
        assertThat(problems).as(() -> folder.getFileName() + " (" + x.source() + ") against its journal:\n"
                + journal.stream().map(JournalEvent::line).collect(Collectors.joining("\n"))).isEmpty();
    }
}
