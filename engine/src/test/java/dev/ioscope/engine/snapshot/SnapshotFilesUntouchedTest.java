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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Loading never writes: every real snapshot (and a .dts with its includes) is copied to a writable folder, given
 * an old modification time, loaded through {@link Snapshots#load}, and must keep its SHA-256 and its mtime.
 */
class SnapshotFilesUntouchedTest {

    /** Every file of the real snapshot corpus, by name: a file added or removed there must be added here too. */
    private static final List<String> CORPUS = List.of("Hackintosh-DellADL-macOS13.IOService.txt",
            "MacBookPro15-1.ioreg", "MacBookPro8-1.IODeviceTree.txt", "MacBookPro8-1.IOService.txt", "iMac16-1.ioreg",
            "qemu-bamboo.dtb", "qemu-bamboo.dts", "qemu-virt-aarch64.dtb", "qemu-virt-aarch64.dts");

    @Test
    void loadingLeavesFilesAsTheyWere(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> real = Files.list(TestData.path("snapshots"))) {
            List<Path> corpus = real.sorted().toList();
            assertThat(corpus).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(CORPUS);
            for (Path p : corpus) {
                files.add(Files.copy(p, dir.resolve(p.getFileName()), StandardCopyOption.COPY_ATTRIBUTES));
            }
        }
        Path dts = copyTree(resource("/devicetree"), dir.resolve("devicetree"));
        files.add(dts.resolve("features.dts"));
        files.add(dts.resolve("inc/soc.dtsi"));
        files.add(dts.resolve("inc/leds.dtsi"));
        assertThat(files).hasSize(12);

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        List<String> before = new ArrayList<>();
        for (Path f : files) {
            f.toFile().setWritable(true);
            Files.setLastModifiedTime(f, old);
            before.add(sha256(f));
        }
        for (Path f : files) {
            if (f.toString().endsWith(".dtsi")) {
                // an include on its own is no snapshot: refused with one clear line, and still left untouched
                assertThatThrownBy(() -> Snapshots.load(f)).isInstanceOf(SnapshotException.class)
                        .hasMessageContaining(f.getFileName().toString())
                        .hasMessageContaining("not a registry snapshot format");
            } else {
                // each of the other ten must load: an exception fails the test with the file, the place, the problem
                assertThat(Snapshots.load(f).registry().root()).as(f.toString()).isNotNull();
            }
        }
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
