package dev.ioscope.installer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Linux app image's launchers are the build's sh scripts (src/main/launcher/make-launchers.sh), not jpackage's
 * native launcher, which runs {@code rpm -qf} and {@code dpkg -S} on itself at every start (0.3-0.45 s here): no
 * package manager is asked, the options jpackage was given reach the JVM, arguments and exit codes pass through
 * unchanged, and a symbolic link to a launcher (as /usr/bin/ioscope) finds the image.
 */
class ScriptLaunchersIT {
    private static final Path IMAGE = Path.of(System.getProperty("ioscope.installer.appImage"));
    private static final Path SNAPSHOT = Path.of(System.getProperty("ioscope.corpus"), "snapshots", "iMac16-1.ioreg");
    private static final List<String> LAUNCHERS = List.of("IOScope", "ioscope-cli");

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the script launchers are made on Linux only");
    }

    @Test
    void launchersAreShScriptsAndJpackagesLauncherIsGone() throws IOException {
        for (String name : LAUNCHERS) {
            assertThat(Files.readString(launcher(name))).as(name).startsWith("#!/bin/sh\n")
                    .contains("exec \"$ROOTDIR/lib/runtime/bin/java\"").endsWith("\"$@\"\n");
            assertThat(IMAGE.resolve("lib/app/" + name + ".cfg")).as("made into the script, then deleted")
                    .doesNotExist();
        }
        assertThat(IMAGE.resolve("lib/libapplauncher.so")).doesNotExist();
        assertThat(IMAGE.resolve("lib/runtime/bin/java")).isExecutable();
    }

    @Test
    void noStartAsksAPackageManager(@TempDir Path dir) throws Exception {
        // dpkg and rpm first on PATH, each leaving a mark and failing: jpackage's native launcher runs both through
        // sh on every start (checked by hand on the launcher of an image built from main before this change: the
        // marks appeared and --version still exited 0, as the launcher ignores their failure)
        Path fakes = Files.createDirectories(dir.resolve("bin"));
        Path marks = dir.resolve("marks");
        for (String tool : List.of("dpkg", "rpm")) {
            Path fake = fakes.resolve(tool);
            Files.writeString(fake, "#!/bin/sh\necho \"" + tool + " $*\" >> '" + marks + "'\nexit 97\n");
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String path = fakes + ":" + System.getenv("PATH");
        for (String name : LAUNCHERS) {
            Launched r = Launched.run(List.of(launcher(name).toString(), "--version"), Map.of("PATH", path));
            assertThat(r.exitCode()).as("%s --version; stderr: %s", name, r.err()).isZero();
            assertThat(r.out()).startsWith("ioscope ");
        }
        assertThat(marks).as("package manager calls").doesNotExist();
    }

    @Test
    void theJvmGetsWhatJpackagesLauncherGaveIt() throws Exception {
        // JDK_JAVA_OPTIONS is read by the runtime's java launcher: -XshowSettings prints the system properties (on
        // stderr), -XX:+PrintCommandLineFlags the -XX options (on stdout); both then go on. The expected options are
        // installer/pom.xml's javaOptions; the replaced native launcher passed the same (its -Xlog:arguments line,
        // compared by hand on a Java 25 image built from main before this change: options, then app-path).
        // With Java 25 both allow JavaFX's native access and Unsafe, as Java 17 did (sun.misc.unsafe.memory.access =
        // allow), and both keep the two compilers: C1 alone made a cold `info` faster but long jobs slower
        // (docs/benchmarks.md, "Fifth session").
        Path app = IMAGE.toRealPath().resolve("lib/app");
        boolean aot = StartupCache.built() == StartupCache.AOT;
        List<String> flags = aot
                ? List.of("-XX:AOTCache=" + app.resolve("ioscope.aot"), "-XX:CompileThresholdScaling=4.0",
                        "-XX:+UseTransparentHugePages")
                : List.of("-XX:SharedArchiveFile=" + app.resolve("ioscope.jsa"));
        for (String name : LAUNCHERS) {
            Launched r = Launched.run(List.of(launcher(name).toString(), "--version"),
                    Map.of("JDK_JAVA_OPTIONS", "-XshowSettings:properties -XX:+PrintCommandLineFlags"));
            assertThat(r.exitCode()).as("%s; stderr: %s", name, r.err()).isZero();
            assertThat(r.err()).as(name)
                    .contains("java.class.path = " + app.resolve("ioscope.jar") + "\n        "
                            + app.resolve("openjfx-monocle.jar") + "\n")
                    .contains("jpackage.app-path = " + launcher(name).toRealPath() + "\n")
                    .containsPattern("jpackage\\.app-version = \\d+\\.\\d+\\.\\d+\n")
                    .contains("sun.java.command = dev.ioscope.app.Launcher --version\n");
            assertThat(r.out()).as(name).contains(flags).containsPattern("(?m)^ioscope \\S+$");
            if (aot) {
                assertThat(r.err()).as(name).contains("sun.misc.unsafe.memory.access = allow\n");
            }
            assertThat(r.out()).as(name).doesNotContain("TieredStopAtLevel");
        }
    }

    @Test
    void argumentsWithSpacesAndQuotesArriveUnchanged(@TempDir Path dir) throws Exception {
        Path odd = Files.createDirectories(dir.resolve("dir with  space")).resolve("it's \"$HOME\" `x` \\.ioreg");
        Files.copy(SNAPSHOT, odd);
        Launched r = Launched.run(List.of(launcher("ioscope-cli").toString(), "info", odd.toString()));
        assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
        assertThat(r.out()).contains("file:     " + odd + "\n").containsPattern("entries:\\s+914");
    }

    @Test
    void exitCodesPassThrough(@TempDir Path dir) throws Exception {
        // 2: bad input (docs/cli.md); 1: usage
        Path bad = Files.writeString(dir.resolve("bad.ioreg"), "not an archive");
        for (String name : LAUNCHERS) {
            Launched badFile = Launched.run(List.of(launcher(name).toString(), "info", bad.toString()));
            assertThat(badFile.exitCode()).as("%s info on a bad file; stderr: %s", name, badFile.err()).isEqualTo(2);
            assertThat(badFile.err()).startsWith("ioscope info: " + bad);
            Launched usage = Launched.run(List.of(launcher(name).toString(), "--no-such-option"));
            assertThat(usage.exitCode()).as("%s with an unknown option; stderr: %s", name, usage.err()).isEqualTo(1);
            assertThat(usage.err()).startsWith("ioscope: Unknown option: '--no-such-option'");
        }
    }

    @Test
    void aLinkToTheLauncherFindsTheImage(@TempDir Path dir) throws Exception {
        // as /usr/bin/ioscope -> ../../opt/ioscope/bin/ioscope-cli (relative), and a link to that link
        Path bin = Files.createDirectories(dir.resolve("usr/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("ioscope"),
                bin.relativize(launcher("ioscope-cli").toAbsolutePath()));
        Path second = Files.createSymbolicLink(dir.resolve("ioscope-again"), link);
        for (Path p : List.of(link, second)) {
            Launched r = Launched.run(List.of(p.toString(), "info", SNAPSHOT.toString()),
                    Map.of("JAVA_TOOL_OPTIONS", StartupCache.built().required()));
            assertThat(r.exitCode()).as("%s; stderr: %s", p, r.err()).isZero();
            assertThat(r.out()).containsPattern("entries:\\s+914");
        }
    }

    private static Path launcher(String name) {
        Path p = IMAGE.resolve("bin/" + name);
        assertThat(p).as("launcher").isRegularFile().isExecutable();
        return p;
    }
}
