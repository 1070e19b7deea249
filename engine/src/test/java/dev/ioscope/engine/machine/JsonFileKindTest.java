package dev.ioscope.engine.machine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Telling IOScope's JSON files apart by their top-level keys. */
class JsonFileKindTest {
    @Test
    void realFilesOfEachKind(@TempDir Path dir) throws Exception {
        assertThat(JsonFileKind.of(Path.of("src/main/resources/dev/ioscope/engine/machine/virtual-mac.json")))
                .isEqualTo(JsonFileKind.MACHINE_DESCRIPTION);
        for (String s : new String[] {"power-sleep-wake.json", "userclient-demo.json", "virtual-mac-hotplug.json"}) {
            assertThat(JsonFileKind.of(Path.of("../docs/examples", s))).as(s).isEqualTo(JsonFileKind.SCENARIO);
        }
        // a method table is JSON too, but none of these
        assertThat(JsonFileKind.of(Path.of("../docs/examples/demo-userclient.methods.json")))
                .isEqualTo(JsonFileKind.OTHER);
        Path snap = dir.resolve("s.json");
        // a registry snapshot names its format first; a big "entries" value after it is never read
        Files.writeString(snap, "{\"format\": \"ioscope-registry\", \"version\": 1, \"entries\": ["
                + "{},".repeat(1000) + "{}]}");
        assertThat(JsonFileKind.of(snap)).isEqualTo(JsonFileKind.SNAPSHOT);
        Files.writeString(snap, "{\"entries\": [{\"actions\": 1}], \"format\": \"ioscope-registry\"}");
        assertThat(JsonFileKind.of(snap)).isEqualTo(JsonFileKind.SNAPSHOT);
        Files.writeString(snap, "[1, 2]");
        assertThat(JsonFileKind.of(snap)).isEqualTo(JsonFileKind.OTHER);
        // broken after its first key: still a scenario, so the scenario reader can say where it breaks
        Files.writeString(snap, "{\"actions\": [");
        assertThat(JsonFileKind.of(snap)).isEqualTo(JsonFileKind.SCENARIO);
        Files.writeString(snap, "{\"act");
        assertThat(JsonFileKind.of(snap)).isEqualTo(JsonFileKind.OTHER);
        assertThat(JsonFileKind.of(dir.resolve("missing.json"))).isEqualTo(JsonFileKind.OTHER);
        assertThat(JsonFileKind.of(Path.of("../docs/examples/power-sleep-wake.txt"))).isEqualTo(JsonFileKind.OTHER);
    }

    @Test
    void aRootHasNoFileNameAndIsNoJsonFile() {
        // Path.getFileName() is null for "/": `ioscope info /` used to end in a NullPointerException here
        assertThat(JsonFileKind.of(Path.of("/"))).isEqualTo(JsonFileKind.OTHER);
    }
}
