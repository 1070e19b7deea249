package dev.ioscope.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way IOScope reads an input file (snapshot, machine, scenario, method table, kext plist): only a regular
 * file (a symlink is followed to one), checked before it is opened, so a FIFO cannot block and {@code /dev/zero}
 * cannot fill the heap; and read with its size limit, so a file that grows while read is cut off with an error.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** Every byte of {@code file}, refused up front unless it is a regular file of at most {@code maxBytes}. */
    public static byte[] read(Path file, long maxBytes) throws SnapshotException {
        String name = file.toString();
        long size = checkRegular(file, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            int cap = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1);
            byte[] data = in.readNBytes(cap);
            if (data.length > maxBytes) {
                throw new SnapshotException(name, null, "grew past the " + maxBytes + "-byte limit while being read"
                        + " (was " + size + " bytes)");
            }
            return data;
        } catch (IOException e) {
            throw new SnapshotException(name, null, problem(e));
        }
    }

    /**
     * Refuses anything but a regular file of at most {@code maxBytes} (a missing file, a directory, a FIFO, a
     * device, a socket), with a sentence saying what it is; returns the size.
     */
    public static long checkRegular(Path file, long maxBytes) throws SnapshotException {
        String name = file.toString();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new SnapshotException(name, null, problem(e));
        }
        if (a.isDirectory()) {
            throw new SnapshotException(name, null, "is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw new SnapshotException(name, null, "is " + FileKind.describe(file)
                    + ", not a regular file; IOScope reads only regular files");
        }
        if (a.size() > maxBytes) {
            throw new SnapshotException(name, null, "file is " + a.size() + " bytes, larger than the " + maxBytes
                    + "-byte limit");
        }
        return a.size();
    }

    /** The plain words for an I/O failure on an input. */
    static String problem(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
