package dev.ioscope.engine.service.kext;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.io.SnapshotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** match --kexts DIR stays inside DIR and is bounded (issue 17, item 6). */
class KextWalkTest {
    @TempDir
    Path tmp;

    private Path copyLilu(Path dir) throws IOException {
        Path plist = dir.resolve("Lilu.kext/Contents/Info.plist");
        Files.createDirectories(plist.getParent());
        return Files.copy(TestData.path("kexts/Lilu/Info.plist"), plist);
    }

    @Test
    void aLinkOutOfTheTreeIsNotFollowedAndSaidSo() throws Exception {
        Path tree = Files.createDirectory(tmp.resolve("tree"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path lilu = copyLilu(tree);
        copyLilu(outside);
        Path out = Files.createSymbolicLink(tree.resolve("out"), outside);
        Files.createSymbolicLink(tree.resolve("root"), Path.of("/"));
        KextLoader loader = new KextLoader();
        List<KextBundle> bundles = loader.load(List.of(tree));
        assertThat(bundles).hasSize(1);
        assertThat(bundles.get(0).infoPlist()).isEqualTo(lilu);
        assertThat(loader.warnings()).containsExactly(
                out + ": a symbolic link out of " + tree + ", not followed",
                tree.resolve("root") + ": a symbolic link out of " + tree + ", not followed");
    }

    @Test
    void aLinkInsideTheTreeIsFollowedOnceAndALoopEnds() throws Exception {
        Path tree = Files.createDirectory(tmp.resolve("tree"));
        copyLilu(tree.resolve("a"));
        Files.createSymbolicLink(tree.resolve("b"), Path.of("a"));          // the same folder twice
        Files.createSymbolicLink(tree.resolve("a/loop"), Path.of(".."));    // a loop back to the top
        KextLoader loader = new KextLoader();
        assertThat(loader.load(List.of(tree))).hasSize(1);
        assertThat(loader.warnings()).isEmpty();
    }

    @Test
    void theWalkStopsAtItsDepthAndSaysSo() throws Exception {
        Path tree = Files.createDirectory(tmp.resolve("tree"));
        Path deep = tree;
        for (int i = 0; i <= KextWalk.MAX_DEPTH; i++) {
            deep = deep.resolve("d");
        }
        copyLilu(deep);
        copyLilu(tree);
        KextWalk walk = new KextWalk();
        assertThat(walk.infoPlists(tree)).hasSize(1);
        assertThat(walk.warnings()).singleElement().asString()
                .startsWith(tree + ": folders deeper than " + KextWalk.MAX_DEPTH + " levels not searched");
    }

    /** Lists as the real walk does, except that {@code denied} cannot be listed (root may list anything). */
    private static KextWalk.Lister denying(Path denied) {
        return dir -> {
            if (dir.equals(denied)) {
                throw new AccessDeniedException(dir.toString());
            }
            try (var s = Files.list(dir)) {
                return s.sorted().toList();
            }
        };
    }

    @Test
    void aFolderBelowThatCannotBeListedIsSkippedAndSaidSo() throws Exception {
        Path tree = Files.createDirectory(tmp.resolve("tree"));
        Path lilu = copyLilu(tree.resolve("a"));
        Path locked = Files.createDirectories(tree.resolve("b/locked"));
        copyLilu(tree.resolve("c"));
        KextWalk walk = new KextWalk(denying(locked));
        assertThat(walk.infoPlists(tree)).containsExactly(lilu, tree.resolve("c/Lilu.kext/Contents/Info.plist"));
        assertThat(walk.warnings()).containsExactly(locked + ": cannot list folder, skipped (permission denied)");
    }

    @Test
    void theGivenFolderThatCannotBeListedIsAnError() throws Exception {
        Path tree = Files.createDirectory(tmp.resolve("tree"));
        assertThatThrownBy(() -> new KextWalk(denying(tree)).infoPlists(tree))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining(tree.toString()).hasMessageContaining("cannot list folder: permission denied");
    }

    @Test
    void aMountPointBelowIsNotEnteredAsFindXdevWouldNot() throws Exception {
        Path dev = Path.of("/dev");
        Path pts = dev.resolve("pts");
        assumeTrue(Files.isDirectory(pts) && !Files.getAttribute(pts, "unix:dev").equals(Files.getAttribute(dev,
                "unix:dev")), "needs /dev/pts mounted apart from /dev (Linux)");
        KextWalk walk = new KextWalk();
        assertThat(walk.infoPlists(dev)).isEmpty();
        assertThat(walk.warnings()).contains(pts + ": on another file system than /dev, not searched");
    }
}
