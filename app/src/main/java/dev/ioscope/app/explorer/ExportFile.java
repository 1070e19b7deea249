package dev.ioscope.app.explorer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes an export so that the requested file is all or nothing: the bytes go to a hidden temporary file beside
 * it, which replaces the file only when the writer finished and the job was not cancelled. A cancelled export
 * (the job's thread interrupted, as {@code Jobs.background} cancels) stops at its next write and leaves neither a
 * half file nor the temporary one; a failed one leaves an existing file as it was.
 */
final class ExportFile {
    /** What writes the export's bytes. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private ExportFile() {
    }

    static Path write(Path file, Writer writer) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        // not Files.createTempFile: its owner-only permissions would reach the export; this one gets the umask's
        Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        Files.deleteIfExists(tmp);   // left by a crashed run of a process with the same id
        boolean done = false;
        try {
            try (OutputStream out = new StopOnInterrupt(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                writer.write(out);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("export to " + file.getFileName() + " cancelled");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            return file;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Stops a long write as soon as the job is cancelled, rather than writing the rest for nothing. */
    private static final class StopOnInterrupt extends FilterOutputStream {
        StopOnInterrupt(OutputStream out) {
            super(out);
        }

        private static void check() throws InterruptedIOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("export cancelled");
            }
        }

        @Override
        public void write(int b) throws IOException {
            check();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            out.write(b, off, len);
        }
    }
}
