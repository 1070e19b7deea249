package dev.ioscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioscope.app.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {
    private static Path data(String rel) {
        return TestData.path(rel);
    }

    @Test
    void jsonJournalOneObjectPerLine(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("s.json");
        Files.writeString(s, "{\"machine\":\"empty\",\"kexts\":[\""
                + data("kexts/IntelMausi").toString().replace("\\", "\\\\") + "\"],"
                + "\"actions\":[{\"at\":5000,\"do\":\"publish\",\"parent\":\"IOService:/\",\"class\":\"IOPCIDevice\","
                + "\"name\":\"ethernet\",\"properties\":{\"vendor-id\":{\"data\":\"86800000\"},"
                + "\"device-id\":{\"data\":\"b8150000\"}}}]}");
        CliTest.Result r = CliTest.run("run", s.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        ObjectMapper om = new ObjectMapper();
        JsonNode start = null;
        for (int i = 0; i < lines.length; i++) {
            JsonNode n = om.readTree(lines[i]);
            assertThat(n.get("seq").asLong()).isEqualTo(i);
            if (n.get("kind").asText().equals("service.start")) {
                start = n;
            }
        }
        assertThat(start).isNotNull();
        assertThat(start.get("t").asLong()).isEqualTo(7000);
        assertThat(start.get("entry").asText()).isEqualTo("IOService:/ethernet/IntelMausi");
        assertThat(start.get("details").get("class").asText()).isEqualTo("IntelMausi");
        // same scenario, same journal
        assertThat(CliTest.run("run", s.toString(), "--json").out()).isEqualTo(r.out());
    }

    @Test
    void badScenarioIsBadInput(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("s.json");
        Files.writeString(s, "{\"actions\":[{\"do\":\"explode\"}]}");
        CliTest.Result r = CliTest.run("run", s.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("actions[0]").contains("unknown action \"explode\"");
        Files.writeString(s, "{\"actions\":[");
        assertThat(CliTest.run("run", s.toString()).code()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
