package dev.ioscope.app;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up caches' training run ({@link FirstWindowTraining}) in a child JVM, headless: this test run's class
 * path has Monocle, as the build's training run does (after the app's jar).
 */
class FirstWindowTrainingProcessTest {
    @Test
    void withInfoItRunsTheCommandLinesInfoThenShowsTheWindowThenEachFileToItsFirstFrameAndExits() throws Exception {
        // the app image's training (installer/pom.xml): a cold `ioscope info`, then the window, in one JVM (one
        // child JVM with a window costs seconds, so this test also covers the run without --info, which only skips
        // the info step)
        Path file = TestData.path("snapshots/iMac16-1.ioreg");
        var r = LauncherProcess.run(FirstWindowTraining.class, Map.of(), Map.of(), "--info", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).containsPattern("entries:\\s+\\d+");
        var lines = out.lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith(FirstFrameMark.MARK)).hasSize(1);
        assertThat(lines.get(lines.size() - 2)).startsWith(FirstFrameMark.MARK + " ");
        assertThat(lines.get(lines.size() - 1)).startsWith(FirstFrameMark.THEN_MARK + " iMac16-1.ioreg, ");
        assertThat(out.indexOf(FirstFrameMark.MARK)).as("info's output comes first")
                .isGreaterThan(out.indexOf("entries:"));
        // its preferences live in a fresh scratch folder, a first start: java.util.prefs' INFO notice is not shown
        assertThat(r.err()).doesNotContain("Created user preferences directory");
    }

    @Test
    void withInfoABadFileEndsTheRunWithInfosLineAndExitCodeBeforeAnyWindow(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.ioreg"));
        var r = LauncherProcess.run(FirstWindowTraining.class, Map.of(), Map.of(), "--info", empty.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("empty.ioreg");
        assertThat(r.out()).doesNotContain(FirstFrameMark.MARK);
    }

    @Test
    void infoWithoutAFileIsOneLineAndExitOne() throws Exception {
        var r = LauncherProcess.run(FirstWindowTraining.class, Map.of(), Map.of(), "--info");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("ioscope training: --info needs a FILE");
    }

    @Test
    void aMissingFileIsOneLineAndExitOneBeforeAnyWindow() throws Exception {
        var r = LauncherProcess.run(FirstWindowTraining.class, Map.of(), Map.of(), "no-such-file.ioreg");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("ioscope training: no-such-file.ioreg: no such file");
        assertThat(r.out()).isEmpty();
    }
}
