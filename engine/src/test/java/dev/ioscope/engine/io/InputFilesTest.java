package dev.ioscope.engine.io;

import dev.ioscope.engine.TestData;
import dev.ioscope.engine.machine.MachineReader;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import dev.ioscope.engine.snapshot.json.JsonDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only regular files are read, and never past their limit (issue 17, item 5): no FIFO blocks, no /dev/zero. */
class InputFilesTest {
    @TempDir
    Path dir;

    private Path fifo() throws Exception {
        Path fifo = dir.resolve("in.ioreg");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        return fifo;
    }

    @Test
    void aFifoIsRefusedBeforeItIsOpenedByEveryReader() throws Exception {
        Path fifo = fifo();
        String why = fifo + ": is a FIFO (named pipe), not a regular file; IOScope reads only regular files";
        assertThatThrownBy(() -> Snapshots.load(fifo)).isInstanceOf(SnapshotException.class).hasMessage(why);
        assertThatThrownBy(() -> JsonDocuments.readObject(fifo, "a scenario")).hasMessage(why);
        assertThatThrownBy(() -> MachineReader.read(fifo)).hasMessage(why);
    }

    @Test
    void devZeroIsRefusedNotReadUntilTheHeapIsGone() {
        Path zero = Path.of("/dev/zero");
        assertThatThrownBy(() -> Snapshots.load(zero)).isInstanceOf(SnapshotException.class)
                .hasMessage("/dev/zero: is a character device, not a regular file; IOScope reads only regular files");
        assertThatThrownBy(() -> InputFiles.read(zero, 16)).hasMessageContaining("character device");
    }

    @Test
    void missingDirectoryAndOversizedFilesSayWhatTheyAre() throws Exception {
        assertThatThrownBy(() -> InputFiles.read(dir.resolve("nope"), 16)).hasMessage(dir.resolve("nope")
                + ": no such file");
        assertThatThrownBy(() -> InputFiles.read(dir, 16)).hasMessage(dir + ": is a directory, not a file");
        Path real = TestData.path("snapshots/qemu-bamboo.dts");
        long size = Files.size(real);
        assertThatThrownBy(() -> Snapshots.load(real, new ParseLimits(512, 1 << 20, 1000, size - 1)))
                .hasMessage(real + ": file is " + size + " bytes, larger than the " + (size - 1) + "-byte limit");
        assertThat(InputFiles.read(real, size)).hasSize((int) size);
    }

    @Test
    void aFileOfManyReadSlicesArrivesWhole() throws Exception {
        // InputFiles reads in 256 KB slices; the largest real snapshot is 45 of them and does not end on a slice.
        Path real = TestData.path("snapshots/MacBookPro15-1.ioreg");
        assertThat(Files.size(real) % (256 * 1024)).isNotZero();
        assertThat(Files.mismatch(real, Files.write(dir.resolve("copy.ioreg"),
                InputFiles.read(real, Files.size(real))))).isEqualTo(-1L);
    }

    @Test
    void aSymlinkToARegularFileIsRead() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.dts"), TestData.path("snapshots/qemu-bamboo.dts"));
        assertThat(Snapshots.load(link).registry().size()).isGreaterThan(3);
    }
}
