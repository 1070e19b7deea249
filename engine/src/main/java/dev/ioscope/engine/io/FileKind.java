package dev.ioscope.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** What a special file is, in words, from its POSIX file type (st_mode's S_IFMT bits) where the JDK exposes it. */
public enum FileKind {
    REGULAR("a regular file"),
    DIRECTORY("a directory"),
    FIFO("a FIFO (named pipe)"),
    CHARACTER_DEVICE("a character device"),
    BLOCK_DEVICE("a block device"),
    SOCKET("a socket"),
    SYMLINK("a symbolic link"),
    MISSING("missing"),
    UNKNOWN("a special file");

    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFSOCK = 0140000;

    private final String words;

    FileKind(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** The kind of {@code file}, following symlinks. */
    public static FileKind of(Path file) {
        return of(file, true);
    }

    /** The kind of {@code file}; with {@code follow} false a symlink is {@link #SYMLINK}. */
    public static FileKind of(Path file, boolean follow) {
        LinkOption[] opts = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        if (!Files.exists(file, opts)) {
            return MISSING;
        }
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode", opts);
            return switch (mode & S_IFMT) {
                case S_IFREG -> REGULAR;
                case S_IFDIR -> DIRECTORY;
                case S_IFIFO -> FIFO;
                case S_IFCHR -> CHARACTER_DEVICE;
                case S_IFBLK -> BLOCK_DEVICE;
                case S_IFSOCK -> SOCKET;
                case S_IFLNK -> SYMLINK;
                default -> UNKNOWN;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No "unix" view (Windows): only what BasicFileAttributes tells.
            if (Files.isSymbolicLink(file) && !follow) {
                return SYMLINK;
            }
            return Files.isDirectory(file, opts) ? DIRECTORY : Files.isRegularFile(file, opts) ? REGULAR : UNKNOWN;
        }
    }

    /** "a FIFO (named pipe)", "a character device", ... for messages. */
    public static String describe(Path file) {
        return of(file).words();
    }
}
