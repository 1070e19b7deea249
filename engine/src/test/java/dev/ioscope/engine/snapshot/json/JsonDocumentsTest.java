package dev.ioscope.engine.snapshot.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioscope.engine.io.SnapshotException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming tree reader gives exactly the tree ObjectMapper.readTree gives, and the same errors. */
class JsonDocumentsTest {
    @Test
    void sameTreeAsObjectMapperOnTheRealDocuments() throws Exception {
        List<Path> files = List.of(Path.of("src/main/resources/dev/ioscope/engine/machine/virtual-mac.json"),
                Path.of("../docs/examples/power-sleep-wake.json"), Path.of("../docs/examples/userclient-demo.json"),
                Path.of("../docs/examples/virtual-mac-hotplug.json"),
                Path.of("../docs/examples/demo-userclient.methods.json"));
        for (Path f : files) {
            byte[] data = Files.readAllBytes(f);
            assertThat(JsonDocuments.tree(data)).as(f.toString()).isEqualTo(new ObjectMapper().readTree(data));
        }
        // number node kinds by size, as ObjectMapper picks them (IntNode and LongNode are not equal to each other)
        byte[] numbers = ("{\"i\": 1, \"l\": 4294967296, \"b\": 123456789012345678901234567890, \"d\": 1.5,"
                + " \"n\": null, \"t\": true, \"dup\": 1, \"dup\": 2}").getBytes(StandardCharsets.UTF_8);
        assertThat(JsonDocuments.tree(numbers)).isEqualTo(new ObjectMapper().readTree(numbers));
    }

    @Test
    void malformedDocumentsNameTheirPlace() {
        assertThatThrownBy(() -> JsonDocuments.readObject("{\"a\": [1, 2}".getBytes(StandardCharsets.UTF_8),
                "x.json", "a scenario")).isInstanceOf(SnapshotException.class).hasMessageContaining("x.json")
                .hasMessageContaining("1:").hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> JsonDocuments.readObject("{} {}".getBytes(StandardCharsets.UTF_8), "x.json",
                "a scenario")).isInstanceOf(SnapshotException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> JsonDocuments.readObject("[1]".getBytes(StandardCharsets.UTF_8), "x.json",
                "a scenario")).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("a scenario is a JSON object");
        // nesting past the parser's bound is an error, not a stack overflow
        byte[] deep = ("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonDocuments.readObject(deep, "deep.json", "a scenario"))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("deep.json");
    }
}
