package dev.ioscope.engine.snapshot;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading never writes: every real snapshot (and a .dts with its includes) is copied to a writable folder, given
 * an old modification time, loaded through {@link Snapshots#load}, and must keep its SHA-256 and its mtime.
 */
class SnapshotFilesUntouchedTest {

    @Test
    void loadingLeavesFilesAsTheyWere(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> real = Files.list(TestData.path("snapshots"))) {
            for (Path p : real.sorted().toList()) {
                files.add(Files.copy(p, dir.resolve(p.getFileName()), StandardCopyOption.COPY_ATTRIBUTES));
            }
        }
        Path dts = copyTree(resource("/devicetree"), dir.resolve("devicetree"));
        files.add(dts.resolve("features.dts"));
        files.add(dts.resolve("inc/soc.dtsi"));
        files.add(dts.resolve("inc/leds.dtsi"));

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        List<String> before = new ArrayList<>();
        for (Path f : files) {
            f.toFile().setWritable(true);
            Files.setLastModifiedTime(f, old);
            before.add(sha256(f));
        }
        int loaded = 0;
        for (Path f : files) {
            try {
                Snapshots.load(f);
                loaded++;
            } catch (SnapshotException e) {
                // A format another branch reads is not known here yet; it still must not be touched.
            }
        }
        assertThat(loaded).isGreaterThanOrEqualTo(5); // the three .dtb/.dts device trees and features.dts at least
        for (int i = 0; i < files.size(); i++) {
            assertThat(sha256(files.get(i))).as(files.get(i).toString()).isEqualTo(before.get(i));
            assertThat(Files.getLastModifiedTime(files.get(i))).as(files.get(i).toString()).isEqualTo(old);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SnapshotFilesUntouchedTest.class.getResource(name).toURI());
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
