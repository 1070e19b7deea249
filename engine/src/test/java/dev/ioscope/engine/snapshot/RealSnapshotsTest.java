package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.io.ParseLimits;
import dev.ioscope.engine.registry.RegistryEquivalence;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real snapshot in the corpus (engine/src/test/resources/real) loads with its format detected by content, is left
 * untouched, and survives
 * a conversion to every lossless format (XML, JSON, .ioreg) and back as an equal registry.
 */
class RealSnapshotsTest {
    static Stream<Path> realSnapshots() throws IOException {
        try (Stream<Path> s = Files.list(TestData.path("snapshots"))) {
            return s.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    private static SnapshotFormat expectedFormat(Path p) {
        String n = p.getFileName().toString();
        if (n.endsWith(".ioreg")) {
            return SnapshotFormat.IOREG_ARCHIVE;
        }
        if (n.endsWith(".txt")) {
            return SnapshotFormat.IOREG_TEXT;
        }
        if (n.endsWith(".dtb")) {
            return SnapshotFormat.FDT;
        }
        return SnapshotFormat.DTS;
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @ParameterizedTest
    @MethodSource("realSnapshots")
    void loadsWithFormatDetectedByContentAndLeavesTheFileAlone(Path file) throws Exception {
        String hash = sha256(file);
        var mtime = Files.getLastModifiedTime(file);
        // Content decides: the same bytes under a meaningless name load as the same format.
        Snapshot s = Snapshots.read(Files.readAllBytes(file), "noext", file.toString(), ParseLimits.DEFAULT);
        assertThat(s.format()).isEqualTo(expectedFormat(file));
        assertThat(s.registry().size()).isGreaterThan(1);
        assertThat(Snapshots.load(file).registry().size()).isEqualTo(s.registry().size());
        assertThat(sha256(file)).isEqualTo(hash);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(mtime);
    }

    @ParameterizedTest
    @MethodSource("realSnapshots")
    void convertsToEveryLosslessFormatAndBack(Path file) throws Exception {
        Snapshot s = Snapshots.load(file);
        // .ioreg holds exactly what IORegistryExplorer saves: lossless for .ioreg sources; from other formats it
        // adds what IORegistryExplorer always records (entryTag, dates, class chains), so it is checked on .ioreg only.
        List<SnapshotFormat> lossless = s.format() == SnapshotFormat.IOREG_ARCHIVE
                ? List.of(SnapshotFormat.JSON, SnapshotFormat.IOREG_XML, SnapshotFormat.IOREG_ARCHIVE)
                : List.of(SnapshotFormat.JSON, SnapshotFormat.IOREG_XML);
        for (SnapshotFormat f : lossless) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Snapshots.write(s, f, out);
            Snapshot back = Snapshots.read(out.toByteArray(), "x", file.getFileName() + " as " + f,
                    ParseLimits.DEFAULT);
            assertThat(back.format()).as(f.name()).isIn(f, s.format());
            assertThat(RegistryEquivalence.differences(s.registry(), back.registry(), 10))
                    .as(file.getFileName() + " via " + f).isEmpty();
        }
    }
}
