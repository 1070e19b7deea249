package dev.ioscope.app;

import dev.ioscope.cli.ExitCodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front door as a user meets it: the real launcher in a child JVM, its stdout, stderr and exit code. Every
 * child gets a log folder of its own, so no test writes to the user's.
 */
class FrontDoorProcessTest {
    private static final String SNAPSHOT = TestData.path("snapshots/MacBookPro15-1.ioreg").toString();
    private static final String NO_DISPLAY = "ioscope: no display: run a command, e.g. ioscope info FILE";

    @TempDir
    Path logs;

    private LauncherProcess.Result run(String... args) throws Exception {
        return LauncherProcess.run(Map.of("ioscope.log.dir", logs.toString()), Map.of(), args);
    }

    @Test
    @DisplayName("a word that is neither a command nor a file: one line, exit 1, no window")
    void unknownWord() throws Exception {
        var r = run("frobnicate");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("ioscope: 'frobnicate' is not a command or a file" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    @DisplayName("--version prints the pom's version and exits 0")
    void version() throws Exception {
        var r = run("--version");
        assertThat(r.code()).isZero();
        String expected = System.getProperty("ioscope.expectedVersion");
        assertThat(expected).as("set by app/pom.xml from the project version").isNotBlank();
        assertThat(r.out()).isEqualTo("ioscope " + expected + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    @DisplayName("--help lists every command; help CMD and CMD --help print the same usage")
    void help() throws Exception {
        var r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: ioscope [--verbose|--debug] [FILE]")
                .contains("  ioreg ", "  info ", "  convert ", "  match ", "  run ", "  boot ", "  bench ");
        var help = run("help", "info");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("Usage: ioscope info [--json] [--top N] FILE" + System.lineSeparator());
        var dashDash = run("info", "--help");
        assertThat(dashDash.code()).isZero();
        assertThat(dashDash.out()).isEqualTo(help.out());
    }

    @Test
    @DisplayName("help for a command that does not exist is a usage error")
    void helpForNoSuchCommand() throws Exception {
        var r = run("help", "nosuchcmd");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines().get(0)).isEqualTo("ioscope: Unknown subcommand 'nosuchcmd'.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    @DisplayName("a negative --top is a usage error: the problem, the synopsis, where to read more")
    void usageError() throws Exception {
        var r = run("info", "--top", "-5", SNAPSHOT);
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).containsExactly("ioscope info: --top needs a number of 0 or more, not -5",
                "Usage: ioscope info [--json] [--top N] FILE", "       ioscope info [--json] [--top N] --live",
                "Try 'ioscope help info' for more information.");
    }

    @Test
    @DisplayName("a file that is not a snapshot: one line naming it, exit 2, nothing in the log folder")
    void badFile(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5});
        var r = run("info", junk.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString().startsWith("ioscope info: " + junk + ": ")
                .contains("not a registry snapshot format");
        try (var files = Files.list(logs)) {
            assertThat(files).as("a run without an internal error writes no log").isEmpty();
        }
    }

    @Test
    @DisplayName("an internal error: exit 3, one line naming the log file, the stack trace in that file")
    void internalError() throws Exception {
        var r = LauncherProcess.run(Map.of("ioscope.log.dir", logs.toString(), "ioscope.test.internalError", "info"),
                Map.of(), "info", SNAPSHOT);
        assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
        Path log = logs.resolve("ioscope.log");
        assertThat(r.errLines()).containsExactly("ioscope info: internal error (java.lang.IllegalStateException: "
                + "test hook ioscope.test.internalError=info); the stack trace is in " + log);
        assertThat(Files.readString(log)).contains("ERROR", "internal error in ioscope info",
                "java.lang.IllegalStateException: test hook", "\tat dev.ioscope.cli.Cli");
    }

    @Test
    @DisplayName("the window with no DISPLAY or WAYLAND_DISPLAY: one line, exit 1, no JavaFX output")
    void noDisplay() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", null);
        env.put("WAYLAND_DISPLAY", null);
        // a real (non-Monocle) launch: no glass.platform, prism or headless properties from this test JVM
        var r = LauncherProcess.run(Map.of("ioscope.log.dir", logs.toString()), env, SNAPSHOT);
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo(NO_DISPLAY + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    @DisplayName("the window when JavaFX cannot open the display: one line, exit 1, no stack trace or JavaFX warning")
    void displayThatCannotBeOpened() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", ":54321");   // no X server there
        env.put("WAYLAND_DISPLAY", null);
        var r = LauncherProcess.run(Map.of("ioscope.log.dir", logs.toString()), env, SNAPSHOT);
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).singleElement().asString().startsWith(NO_DISPLAY);
        assertThat(r.err()).doesNotContain("Unsupported JavaFX configuration", "\tat ");
        assertThat(Files.readString(logs.resolve("ioscope.log"))).contains("JavaFX could not start");
    }
}
