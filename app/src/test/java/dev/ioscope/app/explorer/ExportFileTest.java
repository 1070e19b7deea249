package dev.ioscope.app.explorer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 15, "long work can be cancelled": an export is all or nothing, cancelled or failed. */
class ExportFileTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFinishedExportReplacesTheFileAndLeavesNothingElse() throws IOException {
        Path file = dir.resolve("export1.json");
        Files.write(file, bytes("old"));
        ExportFile.write(file, out -> out.write(bytes("{\"new\": 1}")));
        assertThat(Files.readString(file)).isEqualTo("{\"new\": 1}");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aCancelledExportStopsAtItsNextWriteAndLeavesNoFile() {
        Path file = dir.resolve("export1.ioreg");
        int[] writes = new int[1];
        // the job is cancelled after the first block, as Jobs.background cancels: by interrupting its thread
        assertThatThrownBy(() -> ExportFile.write(file, out -> {
            for (int i = 0; i < 1_000; i++) {
                out.write(bytes("| +-o entry\n"));
                writes[0]++;
                if (i == 0) {
                    Thread.currentThread().interrupt();
                }
            }
        })).isInstanceOf(InterruptedIOException.class);
        assertThat(writes[0]).isEqualTo(1);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anExportCancelledAfterItsLastWriteIsNotCommitted() throws IOException {
        Path file = dir.resolve("export1.plist");
        Files.write(file, bytes("kept"));
        assertThatThrownBy(() -> ExportFile.write(file, out -> {
            out.write(bytes("<plist/>"));
            Thread.currentThread().interrupt();
        })).isInstanceOf(InterruptedIOException.class);
        assertThat(Files.readString(file)).isEqualTo("kept");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFailedExportLeavesTheExistingFileAsItWas() throws IOException {
        Path file = dir.resolve("export1.xml");
        Files.write(file, bytes("kept"));
        assertThatThrownBy(() -> ExportFile.write(file, out -> {
            out.write(bytes("<half"));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("kept");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
