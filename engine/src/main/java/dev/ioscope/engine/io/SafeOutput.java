package dev.ioscope.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way IOScope writes a file it was asked to write (convert OUT, --save OUT, exports). What OUT is decides
 * how:
 * <ul>
 *   <li>a new path or a regular file: written to a temporary file beside it and moved into place, so a failure
 *   leaves the old file whole. A new file gets the mode {@code open(2)} gives (0666 less the umask); an existing
 *   file keeps its own mode.</li>
 *   <li>a symbolic link: followed, and its target written as above (the link stays a link).</li>
 *   <li>a character device or a FIFO ({@code /dev/null}, a pipe), or any path under {@code /dev} or {@code /proc}
 *   ({@code /dev/stdout} redirected to a file): written through, never replaced.</li>
 *   <li>a directory, a block device, a socket, or any input of the same command: refused.</li>
 * </ul>
 * Every write error (a full disk, a closed pipe) is an {@link OutputException} naming OUT.
 */
public final class SafeOutput {
    /** Symbolic links followed before giving up (Linux's MAXSYMLINKS is 40). */
    static final int MAX_LINKS = 40;

    /** What writes the content. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private SafeOutput() {
    }

    /** How a target is written. */
    public enum Plan {
        /** A new path or a regular file: a temporary file beside it, moved into place. */
        REPLACE,
        /** A character device or a FIFO, or anything under /dev or /proc/self/fd: opened and written in place. */
        WRITE_THROUGH
    }

    /** How {@code target} would be written; refused (an OutputException) when it must not be. */
    public static Plan plan(Path target, Collection<Path> inputs) throws OutputException {
        String name = target.toString();
        Path real = followLinks(target, name);
        for (Path in : inputs) {
            if (sameFile(in, real)) {
                throw new OutputException(name, "is the same file as the input " + in
                        + "; IOScope never overwrites its input");
            }
        }
        FileKind kind = FileKind.of(real);
        if (kind == FileKind.CHARACTER_DEVICE || kind == FileKind.FIFO
                || (kind != FileKind.DIRECTORY && kind != FileKind.MISSING && isDeviceName(target))) {
            // /dev/stdout redirected to a file resolves to that file: write it through, the shell holds it open.
            return Plan.WRITE_THROUGH;
        }
        if (kind == FileKind.MISSING || kind == FileKind.REGULAR) {
            return Plan.REPLACE;
        }
        throw new OutputException(name, "is " + kind.words() + "; IOScope writes only to a regular file, a new path,"
                + " a character device or a FIFO");
    }

    /** Writes {@code body} to {@code target}, never onto one of {@code inputs}. */
    public static void write(Path target, Collection<Path> inputs, Body body) throws OutputException {
        String name = target.toString();
        Plan plan = plan(target, inputs);
        Path real = followLinks(target, name);
        if (plan == Plan.WRITE_THROUGH) {
            writeThrough(real, name, body);
        } else {
            replace(real, Files.exists(real), name, body);
        }
    }

    private static boolean isDeviceName(Path target) {
        Path p = target.toAbsolutePath().normalize();
        return p.startsWith("/dev") || p.startsWith("/proc");
    }

    /** Writes {@code body} to {@code target} (no inputs to protect). */
    public static void write(Path target, Body body) throws OutputException {
        write(target, List.of(), body);
    }

    /**
     * Standard output after a command wrote to it: flushed, and any error it swallowed (PrintStream never throws;
     * a full disk or a closed pipe only sets checkError) reported.
     */
    public static void checkStandardOutput(PrintStream out) throws OutputException {
        out.flush();
        if (out.checkError()) {
            throw new OutputException("standard output", "write failed (disk full, or the reader closed the pipe)");
        }
    }

    /** The path a chain of symbolic links ends at (which may not exist yet). */
    static Path followLinks(Path target, String name) throws OutputException {
        Path p = target.toAbsolutePath();
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i >= MAX_LINKS) {
                throw new OutputException(name, "too many levels of symbolic links");
            }
            try {
                Path link = Files.readSymbolicLink(p);
                p = p.resolveSibling(link).normalize();
            } catch (IOException e) {
                throw new OutputException(name, "cannot read the symbolic link: " + e.getMessage(), e);
            }
        }
        return p;
    }

    private static boolean sameFile(Path input, Path real) {
        try {
            return Files.exists(real) && Files.exists(input) && Files.isSameFile(input, real);
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeThrough(Path real, String name, Body body) throws OutputException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(real, StandardOpenOption.WRITE))) {
            body.writeTo(os);
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputException(name, problem(e), e);
        }
    }

    private static void replace(Path real, boolean exists, String name, Body body) throws OutputException {
        Path dir = real.getParent();
        Path tmp = dir.resolve("." + real.getFileName() + ".ioscope-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            // CREATE_NEW with no attributes: the mode open(2) gives, 0666 less the umask (createTempFile forces 0600).
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                body.writeTo(os);
            }
            if (exists) {
                keepMode(real, tmp);
            }
            try {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputException(name, problem(e), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file is hidden and named for IOScope; nothing more can be done
            }
        }
    }

    /** The replaced file's permission bits on its replacement. */
    private static void keepMode(Path real, Path tmp) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(real, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (from != null && to != null) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }

    static String problem(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + (a.getFile() == null ? "" : " (" + a.getFile() + ")");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return "cannot write: " + f.getReason();
        }
        return "cannot write: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
