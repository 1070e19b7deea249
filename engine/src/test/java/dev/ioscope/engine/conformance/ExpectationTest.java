package dev.ioscope.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.sim.JournalEvent;
import dev.ioscope.engine.sim.JournalKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance runner's own checks: facts by kind and fields, in sequence or anywhere, and absences. */
class ExpectationTest {
    private static final List<JournalEvent> JOURNAL = List.of(
            new JournalEvent(0, 10, JournalKind.PROBE_SCORE, "IOService:/a", Map.of("class", "A", "score", "5")),
            new JournalEvent(1, 20, JournalKind.PROBE_SCORE, "IOService:/a", Map.of("class", "B", "score", "9")),
            new JournalEvent(2, 30, JournalKind.SERVICE_START, "IOService:/a/B", Map.of("class", "B")));

    private static Expectation read(Path dir, String json) throws Exception {
        Path f = dir.resolve("expect.json");
        Files.writeString(f, json);
        return Expectation.read(f);
    }

    @Test
    void sequenceNeedsTheOrderAnyDoesNot(@TempDir Path dir) throws Exception {
        String facts = "\"facts\":[{\"kind\":\"probe.score\",\"class\":\"B\"},"
                + "{\"kind\":\"probe.score\",\"class\":\"A\"}]";
        assertThat(read(dir, "{\"rule\":\"S3\",\"source\":\"x\"," + facts + "}").check(JOURNAL))
                .singleElement().asString().startsWith("missing after event #1: probe.score {class=A}");
        assertThat(read(dir, "{\"rule\":\"S3\",\"source\":\"x\",\"order\":\"any\"," + facts + "}").check(JOURNAL))
                .isEmpty();
    }

    @Test
    void fieldsAreEntryTimeOrDetailsAndAbsentFactsMustNotMatch(@TempDir Path dir) throws Exception {
        Expectation x = read(dir, "{\"rule\":\"S4\",\"source\":\"x\",\"facts\":[{\"kind\":\"service.start\","
                + "\"entry\":\"IOService:/a/B\",\"t\":30}],\"absent\":[{\"kind\":\"probe.score\",\"score\":9}]}");
        assertThat(x.check(JOURNAL)).singleElement().asString().startsWith("present but must be absent");
    }

    @Test
    void badExpectationsNameTheFileAndThePlace(@TempDir Path dir) {
        assertThatThrownBy(() -> read(dir, "{\"rule\":\"S4\",\"source\":\"x\",\"facts\":[{\"class\":\"B\"}]}"))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("expect.json")
                .hasMessageContaining("facts[0]");
        assertThatThrownBy(() -> read(dir, "{\"rule\":\"S4\",\"facts\":[{\"kind\":\"a\"}]}"))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> read(dir, "{\"rule\":\"S4\",\"source\":\"x\",\"order\":\"sorted\","
                + "\"facts\":[{\"kind\":\"a\"}]}")).hasMessageContaining("order");
    }
}
