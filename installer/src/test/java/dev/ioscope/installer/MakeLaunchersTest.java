package dev.ioscope.installer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * src/main/launcher/make-launchers.sh on a made-up app image whose runtime's {@code bin/java} is a script printing
 * its arguments one a line: what each launcher script passes, exactly, and the cfg entries it refuses. The real
 * image's launchers are checked in {@link ScriptLaunchersIT}.
 */
class MakeLaunchersTest {
    private static final Path SCRIPT = Path.of(System.getProperty("ioscope.installer.jpackageDir"))
            .resolveSibling("launcher/make-launchers.sh");

    @BeforeAll
    static void needsSh() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    }

    @Test
    void theScriptPassesTheCfgsOptionsClassPathMainClassAndArgumentsUnchanged(@TempDir Path dir) throws Exception {
        Path image = image(dir, "[Application]\napp.classpath=$APPDIR/ioscope.jar\n"
                + "app.mainclass=dev.ioscope.app.Launcher\napp.classpath=$APPDIR/more jars/m.jar\n\n"
                + "[JavaOptions]\njava-options=-Djpackage.app-version=0.1.0\n"
                + "java-options=-XX:AOTCache=$APPDIR/ioscope.aot\n"
                + "java-options=-Dodd=\"$HOME\" `id` \\ $ROOTDIR|$BINDIR\n");
        Launched made = Launched.run(List.of("sh", SCRIPT.toString(), image.toString()));
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(image.resolve("lib/app/IOScope.cfg")).doesNotExist();
        assertThat(image.resolve("lib/libapplauncher.so")).doesNotExist();

        // through a relative link in another folder, as /usr/bin/ioscope -> ../../opt/ioscope/bin/ioscope-cli
        Path bin = Files.createDirectories(dir.resolve("usr/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("ioscope"), bin.relativize(image.resolve("bin/IOScope")));
        Launched r = Launched.run(List.of(link.toString(), "a  b", "it's", "\"q\"", "$PATH", "", "*"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        String root = image.toRealPath().toString();
        assertThat(r.out().split("\n", -1)).containsExactly(
                "-Djpackage.app-version=0.1.0",
                "-XX:AOTCache=" + root + "/lib/app/ioscope.aot",
                "-Dodd=\"$HOME\" `id` \\ " + root + "|" + root + "/bin",
                "-Djpackage.app-path=" + root + "/bin/IOScope",
                "-classpath", root + "/lib/app/ioscope.jar:" + root + "/lib/app/more jars/m.jar",
                "dev.ioscope.app.Launcher", "a  b", "it's", "\"q\"", "$PATH", "", "*", "");
    }

    @Test
    void theExitCodeIsJavas(@TempDir Path dir) throws Exception {
        Path image = image(dir, "[Application]\napp.classpath=$APPDIR/ioscope.jar\napp.mainclass=M\n");
        Files.writeString(image.resolve("lib/runtime/bin/java"), "#!/bin/sh\nexit 2\n");
        assertThat(Launched.run(List.of("sh", SCRIPT.toString(), image.toString())).exitCode()).isZero();
        assertThat(Launched.run(List.of(image.resolve("bin/IOScope").toString(), "info", "x")).exitCode())
                .isEqualTo(2);
    }

    @Test
    void aCfgEntryTheScriptsCannotCarryStopsTheBuild(@TempDir Path dir) throws Exception {
        // e.g. default arguments or another runtime: jpackage's launcher would honour them, a script would not
        Path image = image(dir, "[Application]\napp.classpath=$APPDIR/ioscope.jar\napp.mainclass=M\n\n"
                + "[ArgOptions]\narguments=--verbose\n");
        Launched r = Launched.run(List.of("sh", SCRIPT.toString(), image.toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("make-launchers: " + image.resolve("lib/app/IOScope.cfg")
                + ":6: [ArgOptions] arguments is not handled by the script launchers: arguments=--verbose\n");
        assertThat(Files.readString(image.resolve("bin/IOScope"))).as("left as it was").isEqualTo("native");
    }

    @Test
    void aRuntimeWithoutJavaStopsTheBuild(@TempDir Path dir) throws Exception {
        Path image = image(dir, "[Application]\napp.classpath=$APPDIR/ioscope.jar\napp.mainclass=M\n");
        Files.delete(image.resolve("lib/runtime/bin/java"));
        Launched r = Launched.run(List.of("sh", SCRIPT.toString(), image.toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("make-launchers: " + image.resolve("lib/runtime/bin/java") + ": missing");
    }

    /** An app image with one launcher, IOScope, of this cfg, and a java that prints its arguments one a line. */
    private static Path image(Path dir, String cfg) throws IOException {
        Path image = dir.resolve("image with space");
        Files.createDirectories(image.resolve("bin"));
        Files.createDirectories(image.resolve("lib/app"));
        Files.createDirectories(image.resolve("lib/runtime/bin"));
        Files.writeString(image.resolve("bin/IOScope"), "native");
        Files.writeString(image.resolve("lib/libapplauncher.so"), "native");
        Files.writeString(image.resolve("lib/app/IOScope.cfg"), cfg);
        Path java = Files.writeString(image.resolve("lib/runtime/bin/java"),
                "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return image;
    }
}
