package dev.ioscope.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * The one way IOScope reads an input file (snapshot, machine, scenario, method table, kext plist): only a regular
 * file (a symlink is followed to one), checked before it is opened, so a FIFO cannot block and {@code /dev/zero}
 * cannot fill the heap; and read with its size limit, so a file that grows while read is cut off with an error.
 */
public final class InputFiles {
    /** How much one read asks for (the size of the JDK's native buffer behind it). */
    private static final int READ_SLICE = 256 * 1024;

    private InputFiles() {
    }

    /**
     * Every byte of {@code file}, refused up front unless it is a regular file of at most {@code maxBytes}. Read
     * into one array of the size the file had when checked (a fresh array's pages cost time to touch: reading in
     * chunks and joining them touched twice the file's size), then a file that grew is read on to the limit.
     */
    public static byte[] read(Path file, long maxBytes) throws SnapshotException {
        String name = file.toString();
        long size = checkRegular(file, maxBytes);
        try (FileChannel channel = FileChannel.open(file)) {
            byte[] data = new byte[(int) size];
            int n = readFully(channel, data);
            InputStream in = Channels.newInputStream(channel);
            if (n < data.length) {
                return Arrays.copyOf(data, n); // shrank while read
            }
            int cap = (int) Math.min(Integer.MAX_VALUE - 8 - size, maxBytes - size + 1);
            byte[] more = in.readNBytes(cap);
            if (more.length == 0) {
                return data;
            }
            if (size + more.length > maxBytes) {
                throw new SnapshotException(name, null, "grew past the " + maxBytes + "-byte limit while being read"
                        + " (was " + size + " bytes)");
            }
            byte[] all = Arrays.copyOf(data, data.length + more.length);
            System.arraycopy(more, 0, all, data.length, more.length);
            return all;
        } catch (IOException e) {
            throw new SnapshotException(name, null, problem(e));
        }
    }

    /**
     * Fills {@code data} from the channel, or up to its end; returns the bytes read. In slices: the JDK reads into a
     * heap array through a native buffer of the request's size, and a whole file's worth of fresh native pages cost
     * as much to touch as the array's (about 3,000 page faults more for an 11.8 MB archive, on the cold path).
     */
    private static int readFully(FileChannel channel, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.position() < data.length) {
            buffer.limit(Math.min(data.length, buffer.position() + READ_SLICE));
            if (channel.read(buffer) < 0) {
                break;
            }
        }
        return buffer.position();
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
