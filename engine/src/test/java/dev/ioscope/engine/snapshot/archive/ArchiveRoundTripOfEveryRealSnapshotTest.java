package dev.ioscope.engine.snapshot.archive;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.registry.RegistryEquivalence;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.snapshot.Snapshot;
import dev.ioscope.engine.snapshot.SnapshotFormat;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real snapshot, whatever its format (ioreg text, device trees, archives), written as a .ioreg archive
 * and read back is the same registry with the same info: what Apple's keys cannot hold travels in IOScope's
 * extras.
 */
class ArchiveRoundTripOfEveryRealSnapshotTest {
    static Stream<Path> realSnapshots() throws IOException {
        try (Stream<Path> s = Files.list(TestData.path("snapshots"))) {
            return s.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("realSnapshots")
    void writesAsArchiveAndReadsBackEqual(Path file) throws Exception {
        Snapshot s = Snapshots.load(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Snapshots.write(s, SnapshotFormat.IOREG_ARCHIVE, out);
        Snapshot back = Snapshots.read(out.toByteArray(), "x", file.getFileName() + " as .ioreg", ParseLimits.DEFAULT);
        assertThat(back.format()).isEqualTo(SnapshotFormat.IOREG_ARCHIVE);
        assertThat(RegistryEquivalence.differences(s.registry(), back.registry(), 10)).as(file.getFileName().toString())
                .isEmpty();
        assertThat(back.info()).isEqualTo(s.info());
    }
}
