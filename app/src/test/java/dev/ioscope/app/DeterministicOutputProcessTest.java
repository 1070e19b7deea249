package dev.ioscope.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same inputs give byte-identical output from one run of the real launcher to the next. Two JVMs, because
 * the bug this guards against (warnings kept in a Set.copyOf, whose iteration order is salted per JVM) never
 * shows within one.
 */
class DeterministicOutputProcessTest {
    @TempDir
    Path logs;

    @Test
    @DisplayName("match --json twice, in two JVMs: byte-identical, warnings in the order the plists are read")
    void matchJsonTwice() throws Exception {
        String[] args = {"match", TestData.path("snapshots/Hackintosh-DellADL-macOS13.IOService.txt").toString(),
            "--kexts", TestData.path("kexts/VoodooPS2").toString(), TestData.path("kexts/IntelMausi").toString(),
            "--json"};
        var first = LauncherProcess.run(Map.of("ioscope.log.dir", logs.toString()), Map.of(), args);
        var second = LauncherProcess.run(Map.of("ioscope.log.dir", logs.toString()), Map.of(), args);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        // VoodooPS2Controller-Info.plist writes ${MODULE_VERSION} (CFBundleGetInfoString, line 8) before
        // $(PRODUCT_BUNDLE_IDENTIFIER) (CFBundleIdentifier, line 10): read by hand from the file
        String controller = "VoodooPS2Controller-Info.plist: build setting ";
        int moduleVersion = first.out().indexOf(controller + "${MODULE_VERSION}");
        int bundleId = first.out().indexOf(controller + "$(PRODUCT_BUNDLE_IDENTIFIER)");
        assertThat(moduleVersion).isPositive();
        assertThat(bundleId).isGreaterThan(moduleVersion);
    }
}
