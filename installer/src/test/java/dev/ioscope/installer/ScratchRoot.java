package dev.ioscope.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throwaway root for {@code dpkg --root}: an empty dpkg database, and just enough of a system for dpkg to
 * chroot into it and run the maintainer scripts ({@code /bin/sh} and the few programs they call, copied from
 * this machine with the libraries {@code ldd} names, and {@code /dev/null}). No xdg tools unless a test adds
 * some.
 */
final class ScratchRoot {
    /** What the maintainer scripts run besides shell built-ins. */
    private static final List<String> PROGRAMS = List.of("/bin/sh", "/usr/bin/readlink", "/usr/bin/rm",
            "/usr/bin/mkdir", "/usr/bin/ln", "/usr/bin/cat", "/usr/bin/head", "/usr/bin/touch");
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
                "usr/bin", "bin", "tmp", "var/tmp", "proc")) {
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

    /**
     * Adds the shared libraries the app image's launchers and runtime load, as ldd names them, so the installed
     * launcher runs inside this root as postinst runs it (chrooted) to dump the class-data-sharing archive.
     */
    void addLibrariesOf(Path appImage) throws IOException, InterruptedException {
        List<Path> binaries;
        try (Stream<Path> s = Files.walk(appImage)) {
            binaries = s.filter(p -> p.toString().endsWith(".so") || p.getParent().endsWith("bin")).toList();
        }
        for (Path binary : binaries) {
            copyLibraries(binary);
        }
    }

    /**
     * The command run with {@code /proc} mounted in this root (the JVM and its launcher read it), in a mount
     * namespace of the command's own ({@code unshare --mount-proc}): the mount ends with it, nothing outlives it.
     */
    List<String> withProc(List<String> command) {
        List<String> c = new ArrayList<>(List.of("unshare", "--mount-proc=" + root.resolve("proc")));
        c.addAll(command);
        return c;
    }

    /** The command run inside this root (chroot), with /proc mounted as {@link #withProc} does. */
    List<String> chrooted(String... command) {
        List<String> c = new ArrayList<>(List.of("chroot", root.toString()));
        c.addAll(List.of(command));
        return withProc(c);
    }

    /** True if this machine lets root mount /proc in a mount namespace of its own (not in every container). */
    static boolean canMountProc(Path scratch) throws IOException, InterruptedException {
        Files.createDirectories(scratch.resolve("proc"));
        return Launched.run(List.of("unshare", "--mount-proc=" + scratch.resolve("proc"), "true")).exitCode() == 0;
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

    /** dpkg against this root (see {@link #dpkgCommand}). */
    Launched dpkg(String... args) throws IOException, InterruptedException {
        return Launched.run(dpkgCommand(args));
    }

    /**
     * The dpkg command line for this root: the package's dependencies (GTK and friends) are not in the empty
     * database, so they are forced; nothing else is. No fsync per file (--force-unsafe-io): the root is thrown
     * away, so durability buys nothing and costs most of an install's time on a busy disk.
     */
    List<String> dpkgCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("dpkg", "--root=" + root, "--log=/dev/null",
                "--force-depends", "--force-unsafe-io"));
        command.addAll(List.of(args));
        return command;
    }

    /** True if rpm can install into a scratch root here: root (rpm chroots for the scriptlets), rpm present. */
    static boolean rpmUsable() throws IOException, InterruptedException {
        return Files.isExecutable(Path.of("/usr/bin/rpm")) && usable();
    }

    /**
     * rpm against this root, its database in the root's /var/lib/rpm (made on first use). The package's
     * requirements (GTK and friends) are not in the empty database, so they are not checked; nothing else is
     * forced.
     */
    Launched rpm(String... args) throws IOException, InterruptedException {
        return Launched.run(rpmCommand(args));
    }

    /** The rpm command line for this root (see {@link #rpm}); makes the database first if there is none. */
    List<String> rpmCommand(String... args) throws IOException, InterruptedException {
        List<String> base = List.of("rpm", "--root=" + root, "--dbpath=/var/lib/rpm");
        if (!Files.isDirectory(root.resolve("var/lib/rpm"))) {
            List<String> init = new ArrayList<>(base);
            init.add("--initdb");
            Launched r = Launched.run(init);
            if (r.exitCode() != 0) {
                throw new IOException("rpm --initdb in " + root + ": " + r.err());
            }
        }
        List<String> command = new ArrayList<>(base);
        command.addAll(List.of(args));
        return command;
    }

    /** The built .rpm (installer.packageDir), if the build made one (it does where rpmbuild is installed). */
    static Optional<Path> builtRpm() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("ioscope.installer.packageDir")))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".rpm")).findFirst();
        }
    }

    /**
     * dpkg's own word on the package's state, {@code ${db:Status-Abbrev}}: "ii " installed, "rc " removed with
     * its configuration kept, "" unknown (purged); anything with an F, H, U or W is a half-done state.
     */
    String status(String pkg) throws IOException, InterruptedException {
        Launched q = Launched.run(List.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"),
                "--showformat=${db:Status-Abbrev}", "--show", pkg));
        return q.exitCode() == 0 ? q.out() : "";
    }

    /** {@code dpkg --audit}: what it prints about half-installed or half-configured packages (nothing if none). */
    String audit() throws IOException, InterruptedException {
        Launched a = dpkg("--audit");
        return a.out() + a.err();
    }

    /** The built .deb (installer.packageDir, as the build passes it). */
    static Path builtDeb() throws IOException {
        Path dir = Path.of(System.getProperty("ioscope.installer.packageDir"));
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new IOException("no .deb in " + dir));
        }
    }

    /** Every path under the root, relative, except dpkg's and rpm's own databases and logs. */
    Set<String> files() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString())
                    .filter(p -> !p.startsWith("var/lib/dpkg") && !p.startsWith("var/lib/rpm")
                            && !p.startsWith("var/log"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private void copyWithLibraries(Path program) throws IOException, InterruptedException {
        Path real = program.toRealPath();
        copy(real, root.resolve(program.toString().substring(1)));
        copyLibraries(real);
    }

    private void copyLibraries(Path binary) throws IOException, InterruptedException {
        Launched ldd = Launched.run(List.of("ldd", binary.toString()));
        Matcher m = LIBRARY.matcher(ldd.out());
        while (m.find()) {
            Path lib = Path.of(m.group(1)).normalize(); // a runtime's bin/java names "bin/../lib/libjli.so"
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
