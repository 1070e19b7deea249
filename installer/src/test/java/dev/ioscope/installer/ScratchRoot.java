package dev.ioscope.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throwaway root for {@code dpkg --root}: an empty dpkg database, and just enough of a system for dpkg to
 * chroot into it and run the maintainer scripts ({@code /bin/sh} and the few programs they call, copied from
 * this machine with the libraries {@code ldd} names, and {@code /dev/null}). No xdg tools unless a test adds
 * some.
 */
final class ScratchRoot {
    /** What the maintainer scripts run besides shell built-ins. */
    private static final List<String> PROGRAMS = List.of("/bin/sh", "/usr/bin/readlink", "/usr/bin/rm",
            "/usr/bin/mkdir", "/usr/bin/ln", "/usr/bin/cat", "/usr/bin/head");
    private static final Pattern LIBRARY = Pattern.compile("(/\\S+) \\(0x");

    private final Path root;

    private ScratchRoot(Path root) {
        this.root = root;
    }

    /** True if dpkg can install into a scratch root here: Linux, root (for chroot), dpkg and ldd present. */
    static boolean usable() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/dpkg")) || !Files.isExecutable(Path.of("/usr/bin/ldd"))) {
            return false;
        }
        Launched id = Launched.run(List.of("id", "-u"));
        return id.exitCode() == 0 && id.out().strip().equals("0");
    }

    static ScratchRoot create(Path root) throws IOException, InterruptedException {
        for (String d : List.of("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers", "var/log",
                "usr/bin", "bin", "tmp")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.writeString(root.resolve("var/lib/dpkg/status"), "");
        Files.writeString(root.resolve("var/lib/dpkg/available"), "");
        // the scripts (like any) redirect to /dev/null; without it every such command fails
        Files.createDirectories(root.resolve("dev"));
        Launched mknod = Launched.run(List.of("mknod", "-m", "666", root.resolve("dev/null").toString(), "c", "1",
                "3"));
        if (mknod.exitCode() != 0) {
            throw new IOException("mknod " + root.resolve("dev/null") + ": " + mknod.err());
        }
        ScratchRoot r = new ScratchRoot(root);
        for (String program : PROGRAMS) {
            r.copyWithLibraries(Path.of(program));
        }
        return r;
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    /** Adds an executable shell script at {@code relative}. */
    void script(String relative, String body) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * dpkg against this root. The package's dependencies (GTK and friends) are not in the empty database, so
     * they are forced; nothing else is.
     */
    Launched dpkg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("dpkg", "--root=" + root, "--log=/dev/null",
                "--force-depends"));
        command.addAll(List.of(args));
        return Launched.run(command);
    }

    /** Every path under the root, relative, except dpkg's own database and log. */
    Set<String> files() throws IOException {
        return DebInstallIT.relativeFiles(root);
    }

    private void copyWithLibraries(Path program) throws IOException, InterruptedException {
        Path real = program.toRealPath();
        copy(real, root.resolve(program.toString().substring(1)));
        Launched ldd = Launched.run(List.of("ldd", real.toString()));
        Matcher m = LIBRARY.matcher(ldd.out());
        while (m.find()) {
            Path lib = Path.of(m.group(1));
            Path to = root.resolve(lib.toString().substring(1));
            if (!Files.exists(to)) {
                copy(lib.toRealPath(), to);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }
}
