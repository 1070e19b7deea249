package dev.ioscope.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up caches' training run ({@link FirstWindowTraining}) in a child JVM, headless: this test run's class
 * path has Monocle, as the build's training run does (after the app's jar).
 */
class FirstWindowTrainingProcessTest {
    @Test
    void itShowsTheFirstWindowThenEachFileToItsFirstFrameAndExits() throws Exception {
        Path file = TestData.path("snapshots/iMac16-1.ioreg");
        var r = LauncherProcess.run(FirstWindowTraining.class, Map.of(), Map.of(), file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        var lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith(FirstFrameMark.MARK + " ");
        assertThat(lines.get(1)).startsWith(FirstFrameMark.THEN_MARK + " iMac16-1.ioreg, ");
    }

    @Test
    void aMissingFileIsOneLineAndExitOneBeforeAnyWindow() throws Exception {
        var r = LauncherProcess.run(FirstWindowTraining.class, Map.of(), Map.of(), "no-such-file.ioreg");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("ioscope training: no-such-file.ioreg: no such file");
        assertThat(r.out()).isEmpty();
    }
}
