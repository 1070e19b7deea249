package dev.ioscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ioscope run --trace}: the journal a trace viewer opens, with nothing of it left out. */
class RunTraceTest {
    @Test
    void theTraceHoldsEveryJournalEventSlicesAndCounterTracks(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("boot.trace.json");
        CliTest.Result r = CliTest.run("run", "../docs/examples/virtual-mac-hotplug.json", "--trace",
                trace.toString());
        assertThat(r.code()).as(r.err()).isZero();
        long journal = r.out().lines().count();

        JsonNode doc = new ObjectMapper().readTree(Files.readAllBytes(trace));
        List<JsonNode> events = new ArrayList<>();
        doc.get("traceEvents").forEach(events::add);
        assertThat(events.stream().filter(e -> e.get("ph").asText().equals("i")).count()).isEqualTo(journal);
        assertThat(events).anyMatch(e -> e.get("ph").asText().equals("X") && e.get("cat").asText().equals("power"));
        assertThat(events).anyMatch(e -> e.get("ph").asText().equals("X") && e.get("cat").asText().equals("match"));
        // the virtual Mac's SMC publishes its power state as an IOReport state channel: a counter track
        assertThat(events).anyMatch(e -> e.get("ph").asText().equals("C") && e.get("name").asText()
                .equals("SMC / Power / SMC Power State.state"));
        assertThat(events).anyMatch(e -> e.get("ph").asText().equals("M") && e.get("name").asText()
                .equals("thread_name") && e.get("args").get("name").asText().equals("IOPMrootDomain"));
    }

    @Test
    void aTraceOntoItsOwnScenarioIsRefused(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("s.json");
        Files.writeString(scenario, "{\"machine\":\"empty\",\"actions\":[]}");
        CliTest.Result r = CliTest.run("run", scenario.toString(), "--trace", scenario.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("same file as the input");
        assertThat(Files.readString(scenario)).isEqualTo("{\"machine\":\"empty\",\"actions\":[]}");
    }
}
