package dev.ioscope.installer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke test of the jpackage app image (installer profile, after `package`): its launchers start with no
 * display, run the headless subcommands and exit 0, and behave exactly like {@code java -jar ioscope.jar}.
 */
class AppImageSmokeIT {
    private static final Path IMAGE = Path.of(System.getProperty("ioscope.installer.appImage"));
    private static final Path FAT_JAR = Path.of(System.getProperty("ioscope.installer.fatJar"));
    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");
    private static final boolean MAC = System.getProperty("os.name").startsWith("Mac");

    @Test
    void versionRunsHeadlessAndExitsZero() throws Exception {
        Launched r = Launched.run(List.of(launcher("IOScope").toString(), "--version"));
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isZero();
        assertThat(r.out()).startsWith("ioscope ");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void infoOnARealSnapshotExitsZero() throws Exception {
        Path dtb = Path.of(System.getProperty("ioscope.corpus"), "snapshots", "qemu-virt-aarch64.dtb");
        Launched r = Launched.run(List.of(launcher("IOScope").toString(), "info", dtb.toString()));
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isZero();
        // 62 nodes in the QEMU virt blob (dtc/fdtdump count, "/" included) + the registry root = 63 entries.
        assertThat(r.out()).contains("flattened device tree").containsPattern("entries:\\s+63");
    }

    @Test
    void cliLauncherRunsTheSameProgram() throws Exception {
        Launched r = Launched.run(List.of(launcher("ioscope-cli").toString(), "--help"));
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: ioscope");
    }

    @Test
    void subcommandsBehaveLikeJavaDashJar() throws Exception {
        Path data = Path.of(System.getProperty("ioscope.corpus"), "snapshots");
        List<List<String>> runs = List.of(
                List.of("--version"),
                List.of("--help"),
                List.of("info", data.resolve("qemu-virt-aarch64.dtb").toString()),
                List.of("info", "--json", data.resolve("MacBookPro15-1.ioreg").toString()),
                List.of("info", data.resolve("no-such-file.ioreg").toString()),
                List.of("info"));
        String java = ProcessHandle.current().info().command().orElse("java");
        for (List<String> args : runs) {
            List<String> packaged = new ArrayList<>(List.of(launcher("IOScope").toString()));
            packaged.addAll(args);
            List<String> jar = new ArrayList<>(List.of(java, "-jar", FAT_JAR.toString()));
            jar.addAll(args);
            assertThat(Launched.run(packaged).withoutTimings()).as("IOScope %s", args)
                    .isEqualTo(Launched.run(jar).withoutTimings());
        }
    }

    @Test
    void anythingButASubcommandTakesTheGuiPath() throws Exception {
        // No display here, so the window cannot open: both must refuse the same way, proving the launcher hands
        // a file to open to the GUI path (which looks for a display first) rather than to a subcommand.
        Path snapshot = Path.of(System.getProperty("ioscope.corpus"), "snapshots", "iMac16-1.ioreg");
        String java = ProcessHandle.current().info().command().orElse("java");
        Launched packaged = Launched.run(List.of(launcher("IOScope").toString(), snapshot.toString()));
        Launched jar = Launched.run(List.of(java, "-jar", FAT_JAR.toString(), snapshot.toString()));
        assertThat(packaged).isEqualTo(jar);
        assertThat(packaged.exitCode()).isEqualTo(1);
        assertThat(packaged.err()).startsWith("ioscope: no display");
    }

    @Test
    void launchersMapTheStartupCacheTheBuildMade() throws Exception {
        // -Xshare:on / -XX:AOTMode=on: the JVM refuses to start unless it maps the cache (checked by hand by
        // moving the cache away: "Unable to use shared archive" / "Unable to map shared spaces", exit 1)
        StartupCache cache = StartupCache.built();
        assertThat(appDir().resolve(cache.file())).as("the image's start-up cache").isRegularFile();
        Path mbp = Path.of(System.getProperty("ioscope.corpus"), "snapshots", "MacBookPro15-1.ioreg");
        Launched r = Launched.run(List.of(launcher("ioscope-cli").toString(), "info", mbp.toString()),
                Map.of("JAVA_TOOL_OPTIONS", cache.required()));
        assertThat(r.exitCode()).as("ioscope-cli info with %s; stderr: %s", cache.required(), r.err()).isZero();
        // 1,859 entries: IORegistryExplorer's own count for this save (engine/src/test/resources/real/README.md)
        assertThat(r.out()).containsPattern("entries:\\s+1859");
    }

    @Test
    void startupCacheHoldsTheFirstWindowsClassesForBothLaunchers() throws Exception {
        // The build trains the cache on a cold `info` and then the first window (FirstWindowTraining, headless on
        // Monocle, which rides in lib/app after ioscope.jar so that the training's class path is the launchers').
        // -XX:+PrintSharedArchiveAndExit checks the cache against the launcher's own class path, as a start does,
        // and lists the classes it holds.
        StartupCache cache = StartupCache.built();
        for (String name : List.of("IOScope", "ioscope-cli")) {
            Launched r = Launched.run(List.of(launcher(name).toString()),
                    Map.of("JAVA_TOOL_OPTIONS", cache.required() + " -XX:+PrintSharedArchiveAndExit"));
            assertThat(r.exitCode()).as("%s with %s; stderr: %s", name, cache.required(), r.err()).isZero();
            for (String cls : List.of("dev.ioscope.cli.InfoCommand", "dev.ioscope.app.IOScopeApp",
                    "dev.ioscope.app.explorer.ExplorerView", "javafx.scene.control.TreeTableView")) {
                assertThat(r.out()).as("%s's cache holds %s", name, cls).containsPattern("\\d+: " + cls + " ");
            }
        }
    }

    @Test
    void theFirstWindowStartsWithoutTheJvmsWarnings(@TempDir Path dir) throws Exception {
        // Java 25 prints four "WARNING:" lines on stderr when JavaFX, on the class path, calls System.load (JEP 472:
        // "A restricted method in java.lang.System has been called") and four when Marlin calls sun.misc.Unsafe's
        // memory methods (JEP 498: "A terminally deprecated method in sun.misc.Unsafe has been called"); the
        // launchers' options allow both. The window runs headless on Monocle (in lib/app) to its first frame, then
        // halts; the start-up cache must still map with those options (the JVM refuses a cache trained without
        // the same native access).
        StartupCache cache = StartupCache.built();
        for (String name : List.of("IOScope", "ioscope-cli")) {
            Path home = Files.createDirectories(dir.resolve(name));
            String options = String.join(" ", cache.required(), "-Dglass.platform=Monocle",
                    "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dioscope.bench=first-window",
                    "-Djava.util.prefs.userRoot=" + Files.createDirectories(home.resolve("prefs")),
                    "-Dioscope.log.dir=" + home.resolve("log"));
            Launched r = Launched.run(List.of(launcher(name).toString()), Map.of("JAVA_TOOL_OPTIONS", options));
            assertThat(r.exitCode()).as("%s with %s; stderr: %s", name, options, r.err()).isZero();
            assertThat(r.out()).as(name).startsWith("first frame drawn: ");
            assertThat(r.err().lines()).as("%s's stderr", name).noneMatch(l -> l.startsWith("WARNING:"));
        }
    }

    @Test
    void launchersPutTheAppJarFirstAndMonocleAfterIt() throws Exception {
        // Monocle is there for the cache's training only: JavaFX picks its platform from glass.platform, which no
        // launcher sets (GTK on Linux); ioscope.jar comes first, so nothing in it is shadowed. The runtime's java
        // launcher (Linux: the launchers are scripts exec'ing it) prints the system properties for -XshowSettings.
        Path app = appDir().toRealPath();
        for (String name : List.of("IOScope", "ioscope-cli")) {
            Launched r = Launched.run(List.of(launcher(name).toString(), "--version"),
                    Map.of("JDK_JAVA_OPTIONS", "-XshowSettings:properties"));
            assertThat(r.exitCode()).as("%s; stderr: %s", name, r.err()).isZero();
            assertThat(r.err()).as(name).contains("java.class.path = " + app.resolve("ioscope.jar") + "\n        "
                    + app.resolve("openjfx-monocle.jar") + "\n")
                    .doesNotContain("glass.platform").doesNotContain("monocle.platform");
        }
    }

    @Test
    void runtimeHoldsEveryModuleTheJarNeeds() throws IOException {
        // jlink's runtime records its modules in release (MODULES="java.base ..."); jdeps says what the jar uses.
        Properties release = new Properties();
        try (var r = Files.newBufferedReader(runtime().resolve("release"))) {
            release.load(r);
        }
        Set<String> present = new TreeSet<>(Arrays.asList(release.getProperty("MODULES").replace("\"", "").split(" ")));
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "--print-module-deps", "--ignore-missing-deps",
                "--multi-release", "17", FAT_JAR.toString());
        assertThat(rc).as("jdeps: %s", out).isZero();
        Set<String> needed = new TreeSet<>(Arrays.asList(out.toString().strip().split(",")));
        assertThat(present).as("modules in the app image's runtime").containsAll(needed);
    }

    @Test
    void imageCarriesTheJarUnchanged() throws IOException {
        Path jar = appDir().resolve("ioscope.jar");
        assertThat(Files.mismatch(jar, FAT_JAR)).as("packaged jar vs app/target/ioscope.jar").isEqualTo(-1L);
    }

    private static Path appDir() {
        return MAC ? IMAGE.resolve("Contents/app") : WINDOWS ? IMAGE.resolve("app") : IMAGE.resolve("lib/app");
    }

    private static Path runtime() {
        return MAC ? IMAGE.resolve("Contents/runtime/Contents/Home")
                : WINDOWS ? IMAGE.resolve("runtime") : IMAGE.resolve("lib/runtime");
    }

    private static Path launcher(String name) {
        Path p = MAC ? IMAGE.resolve("Contents/MacOS/" + name)
                : WINDOWS ? IMAGE.resolve(name + ".exe") : IMAGE.resolve("bin/" + name);
        assertThat(p).as("launcher").isRegularFile().isExecutable();
        return p;
    }
}
