package dev.ioscope.app.explorer;

import dev.ioscope.engine.io.SnapshotException;
import dev.ioscope.logging.LogSetup;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** A virtual Mac that cannot boot says why (title, hence status bar, and log) before the bundled snapshot opens. */
class DefaultMachineFallbackTest {
    @Test
    void aVirtualMacThatFailsToBootSaysWhy() throws Exception {
        SnapshotException why = new SnapshotException("virtual-mac.json", "platform.children[0]",
                "no family models device type \"flux\"");
        Document d = new SnapshotLoader().defaultMachine(() -> {
            throw why;
        });
        assertThat(d.title()).isEqualTo("iMac16-1.ioreg (bundled) — the virtual Mac could not boot: "
                + "virtual-mac.json: platform.children[0]: no family models device type \"flux\"");
        assertThat(d.registry().size()).as("the bundled iMac16,1 (914 entries, as ioscope info shows)")
                .isEqualTo(914);
        assertThat(Files.readString(LogSetup.logFile())).contains("WARN", "the virtual Mac could not boot "
                + "(virtual-mac.json: platform.children[0]: no family models device type \"flux\"); opening the "
                + "bundled iMac16-1.ioreg instead");
    }
}
