package dev.ioscope.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What OUT is decides how it is written (issue 17, item 1). Real special files only where nothing is replaced:
 * a FIFO made here with mkfifo, and /dev/null only planned, never written by a test.
 */
class SafeOutputTest {
    @TempDir
    Path dir;

    private static SafeOutput.Body text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<PosixFilePermission> mode(Path p) throws IOException {
        return Files.getPosixFilePermissions(p);
    }

    @Test
    void aNewFileGetsTheModeTheUmaskGivesAndNoTemporaryFileIsLeft() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));   // open(2) with 0666, less the umask
        Path out = dir.resolve("new.json");
        SafeOutput.write(out, text("{}"));
        assertThat(out).hasContent("{}");
        assertThat(mode(out)).isEqualTo(mode(reference));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("reference", "new.json");
        }
    }

    @Test
    void anExistingFileKeepsItsMode() throws IOException {
        Path out = Files.writeString(dir.resolve("old.txt"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        SafeOutput.write(out, text("new"));
        assertThat(out).hasContent("new");
        assertThat(PosixFilePermissions.toString(mode(out))).isEqualTo("rw-r-----");
    }

    @Test
    void aSymlinkIsFollowedAndStaysALink() throws IOException {
        Path target = Files.writeString(dir.resolve("target.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("target.txt"));
        SafeOutput.write(link, text("new"));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("new");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.txt"), Path.of("made.txt"));
        SafeOutput.write(dangling, text("made"));
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(dir.resolve("made.txt")).hasContent("made");
    }

    @Test
    void aFifoIsWrittenThroughAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        assertThat(FileKind.of(fifo)).isEqualTo(FileKind.FIFO);
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(SafeOutput.plan(fifo, List.of())).isEqualTo(SafeOutput.Plan.WRITE_THROUGH);
        SafeOutput.write(fifo, text("through the pipe"));
        assertThat(reader.get()).isEqualTo("through the pipe");
        assertThat(FileKind.of(fifo)).isEqualTo(FileKind.FIFO);
    }

    @Test
    void devNullAndDevStdoutArePlannedAsWriteThrough() throws IOException {
        assertThat(FileKind.of(Path.of("/dev/null"))).isEqualTo(FileKind.CHARACTER_DEVICE);
        assertThat(SafeOutput.plan(Path.of("/dev/null"), List.of())).isEqualTo(SafeOutput.Plan.WRITE_THROUGH);
        // a link to /dev/null (as an OUT given through a symlink) is the device too
        Path link = Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"));
        assertThat(SafeOutput.plan(link, List.of())).isEqualTo(SafeOutput.Plan.WRITE_THROUGH);
    }

    @Test
    void theInputADirectoryAndALinkLoopAreRefused() throws IOException {
        Path in = Files.writeString(dir.resolve("in.ioreg"), "input");
        Path alias = Files.createSymbolicLink(dir.resolve("alias.ioreg"), in);
        assertThatThrownBy(() -> SafeOutput.write(alias, List.of(in), text("x")))
                .isInstanceOf(OutputException.class)
                .hasMessage(alias + ": is the same file as the input " + in + "; IOScope never overwrites its input");
        assertThat(in).hasContent("input");
        assertThatThrownBy(() -> SafeOutput.write(dir, text("x"))).isInstanceOf(OutputException.class)
                .hasMessageContaining("is a directory; IOScope writes only to a regular file");
        Path a = dir.resolve("a");
        Files.createSymbolicLink(a, Path.of("b"));
        Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
        assertThatThrownBy(() -> SafeOutput.write(a, text("x"))).hasMessage(a + ": too many levels of symbolic links");
    }

    @Test
    void aReadOnlyDirectoryFailsCleanlyOrWritesWhole() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path out = ro.resolve("out.json");
        try {
            if (Files.isWritable(ro)) {   // root ignores directory modes: the write must then be whole
                SafeOutput.write(out, text("{}"));
                assertThat(out).hasContent("{}");
            } else {
                assertThatThrownBy(() -> SafeOutput.write(out, text("{}"))).isInstanceOf(OutputException.class)
                        .hasMessageStartingWith(out + ": permission denied");
                assertThat(out).doesNotExist();
            }
            try (var files = Files.list(ro)) {
                assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFailingWriteLeavesTheOldFileWholeAndNamesTheTarget() throws IOException {
        Path out = Files.writeString(dir.resolve("keep.txt"), "old");
        assertThatThrownBy(() -> SafeOutput.write(out, (OutputStream o) -> {
            o.write('x');
            throw new IOException("No space left on device");
        })).isInstanceOf(OutputException.class).hasMessage(out + ": cannot write: No space left on device");
        assertThat(out).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void standardOutputErrorsAreReported() {
        PrintStream failing = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        });
        failing.print("x");
        assertThatThrownBy(() -> SafeOutput.checkStandardOutput(failing)).isInstanceOf(OutputException.class)
                .hasMessage("standard output: write failed (disk full, or the reader closed the pipe)");
    }
}
