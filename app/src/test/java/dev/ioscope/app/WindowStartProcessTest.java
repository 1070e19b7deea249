package dev.ioscope.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real launcher's window start in a child JVM, headless (Monocle, software rendering): the toolkit starts on
 * its own thread while the launcher configures logging, and the window waits for that configuration
 * ({@link FxLauncher}); the first document is in the window's first frame.
 */
class WindowStartProcessTest {
    @Test
    @DisplayName("the window with no file: its first frame, the log's start line from main, no SLF4J notice")
    void theWindowStartsWithLoggingConfiguredBesideTheToolkit(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        var r = LauncherProcess.run(Map.of("glass.platform", "Monocle", "monocle.platform", "Headless",
                "prism.order", "sw", "java.awt.headless", "true", "ioscope.bench", "first-window",
                "ioscope.log.dir", logs.toString(), "java.util.prefs.userRoot", dir.resolve("prefs").toString()),
                Map.of());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(FirstFrameMark.MARK + " ");
        // nothing was logged through SLF4J's substitute loggers while logback was configured (they would replay
        // with an "SLF4J(I): ... intercepted" notice on standard error), and the file is as before: the start line
        // logged by the launcher's main thread, in the same format
        assertThat(r.err()).doesNotContain("SLF4J");
        String log = Files.readString(logs.resolve("ioscope.log"));
        assertThat(log).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  \\[main\\] "
                + "dev\\.ioscope\\.app\\.FxLauncher: IOScope starting the window \\(Java ");
    }
}
