package dev.ioscope.engine.service.kext;

import dev.ioscope.engine.io.FileKind;
import dev.ioscope.engine.io.SnapshotException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the Info.plists a path given to {@code --kexts} stands for: the file itself, a {@code .kext} or
 * {@code .dext} bundle ({@code Contents/Info.plist} and its {@code Contents/PlugIns}), or a folder searched for
 * both. The search stays in the given tree: a symbolic link whose target lies outside it is not followed, a
 * folder is visited once however many links lead to it, a folder on another file system than the given path
 * (a mount point: {@code /proc}, {@code /sys}, {@code /dev/pts} under {@code /}) is not entered, as {@code find -xdev}
 * would not, a folder below the given path that cannot be listed is skipped, and the walk stops at
 * {@link #MAX_DEPTH} folder levels and {@link #MAX_FILES} files. Every link or folder skipped and every bound reached
 * is said in {@link #warnings()}; only the given path itself not being listable is an error.
 */
final class KextWalk {
    /** Lists a folder's entries (a seam for the tests: a folder that cannot be listed). */
    interface Lister {
        List<Path> list(Path dir) throws IOException;
    }

    /** Folder levels below the given path (a real /Library/Extensions is 6 deep at most). */
    static final int MAX_DEPTH = 32;
    /** Files and folders looked at under one given path (a real /Library/Extensions holds a few thousand). */
    static final int MAX_FILES = 100_000;

    private final List<String> warnings = new ArrayList<>();
    private final Set<Path> visited = new HashSet<>();
    private Path top;
    private Path realTop;
    private int seen;
    private boolean tooMany;
    private boolean tooDeep;
    private Object topDevice;
    private final Lister lister;

    KextWalk() {
        this(KextWalk::sortedChildren);
    }

    KextWalk(Lister lister) {
        this.lister = lister;
    }

    List<String> warnings() {
        return warnings;
    }

    /** The Info.plists under {@code p}, in file-name order (deterministic). */
    List<Path> infoPlists(Path p) throws SnapshotException {
        if (!Files.exists(p)) {
            throw new SnapshotException(p.toString(), null, "no such file or folder");
        }
        if (Files.isRegularFile(p)) {
            return List.of(p);
        }
        if (!Files.isDirectory(p)) {   // listing a FIFO would block until a writer came
            throw new SnapshotException(p.toString(), null, "is " + FileKind.describe(p)
                    + ", not a kext, a plist or a folder; IOScope reads only regular files and folders");
        }
        top = p;
        seen = 0;
        tooMany = false;
        tooDeep = false;
        try {
            realTop = p.toRealPath();
        } catch (IOException e) {
            throw new SnapshotException(p.toString(), null, "cannot resolve: " + e.getMessage());
        }
        topDevice = device(realTop);
        List<Path> out = new ArrayList<>();
        visit(p, 0, out);
        return out;
    }

    private void visit(Path dir, int depth, List<Path> out) throws SnapshotException {
        if (!enter(dir, depth)) {
            return;
        }
        if (dir.getFileName() != null && KextLoader.isBundle(dir.getFileName().toString())) {
            Path info = dir.resolve("Contents").resolve("Info.plist");
            if (Files.isRegularFile(info) && inside(info)) {
                out.add(info);
            } else if (Files.isRegularFile(dir.resolve("Info.plist")) && inside(dir.resolve("Info.plist"))) {
                out.add(dir.resolve("Info.plist"));   // flat bundle (iOS kexts, dexts)
            }
            Path plugins = dir.resolve("Contents").resolve("PlugIns");
            if (Files.isDirectory(plugins)) {
                visit(plugins, depth + 1, out);
            }
            return;
        }
        List<Path> children;
        try {
            children = lister.list(dir);
        } catch (IOException e) {
            if (depth == 0) {
                throw new SnapshotException(dir.toString(), null, "cannot list folder: " + reason(e));
            }
            warnings.add(dir + ": cannot list folder, skipped (" + reason(e) + ")");
            return;
        }
        for (Path c : children) {
            if (++seen > MAX_FILES) {
                if (!tooMany) {
                    tooMany = true;
                    warnings.add(top + ": stopped after " + MAX_FILES + " files (IOScope's limit for one --kexts "
                            + "folder); the kexts found before are used");
                }
                return;
            }
            if (Files.isSymbolicLink(c) && !inside(c)) {
                warnings.add(c + ": a symbolic link out of " + top + ", not followed");
                continue;
            }
            if (Files.isDirectory(c)) {
                if (onAnotherFileSystem(c)) {
                    warnings.add(c + ": on another file system than " + top + ", not searched");
                    continue;
                }
                visit(c, depth + 1, out);
            } else if (c.getFileName().toString().endsWith(".plist")) {
                if (Files.isRegularFile(c)) {
                    out.add(c);
                } else {
                    warnings.add(c + ": is " + FileKind.describe(c) + ", not a regular file; not read");
                }
            }
        }
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no longer there";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The device a path's file system is on ({@code st_dev}), or null where the platform does not say. */
    private static Object device(Path p) {
        try {
            return Files.getAttribute(p, "unix:dev");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private boolean onAnotherFileSystem(Path dir) {
        if (topDevice == null) {
            return false;
        }
        Object d = device(dir);
        return d != null && !d.equals(topDevice);
    }

    /** False for a folder already visited (through another link) or past the depth bound. */
    private boolean enter(Path dir, int depth) {
        if (depth > MAX_DEPTH) {
            if (!tooDeep) {
                tooDeep = true;
                warnings.add(top + ": folders deeper than " + MAX_DEPTH + " levels not searched (" + dir + ")");
            }
            return false;
        }
        try {
            return visited.add(dir.toRealPath());
        } catch (IOException e) {
            warnings.add(dir + ": cannot resolve, skipped (" + e.getMessage() + ")");
            return false;
        }
    }

    /** True when the path's real location lies in the given tree. */
    private boolean inside(Path p) {
        try {
            return p.toRealPath().startsWith(realTop);
        } catch (IOException e) {
            return false;   // a dangling link: nothing to follow
        }
    }
}
